#pragma once
// Rank and size of a communicator as plain values.
#include <mpi.h>

namespace bramble {
inline int comm_rank(MPI_Comm comm) {
  int r = 0;
  MPI_Comm_rank(comm, &r);
  return r;
}
inline int comm_size(MPI_Comm comm) {
  int s = 0;
  MPI_Comm_size(comm, &s);
  return s;
}
}  // namespace bramble
