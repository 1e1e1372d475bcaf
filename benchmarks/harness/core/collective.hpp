#pragma once
// Errors decided collectively. A bad input may be noticed on one rank only (a node short of
// memory, a file only rank 0 can read); if that rank simply exited, the others would hang in
// their next collective. Instead every rank runs the same step inside `agree`, and then all
// ranks learn whether any of them failed and throw the same error, carrying the message of
// the lowest failing rank. Rank 0 alone prints it; every rank exits with the same code.
#include <mpi.h>

#include <functional>

#include "core/errors.hpp"

namespace bramble {

// Runs `step` on every rank of `comm` (all ranks must call it). Throws AgreedError on every
// rank if `step` threw on any rank.
void agree(MPI_Comm comm, const std::function<void()>& step);

// An Error that every rank of the communicator holds; safe to exit on.
struct AgreedError : Error {
  using Error::Error;
};

}  // namespace bramble
