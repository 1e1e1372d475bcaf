#pragma once
// Input files named on the command line (HPL.dat, scenes, power configs, meter logs). Each
// is opened without blocking and checked to be a regular file of a sane size before a byte
// is read: a FIFO would otherwise hang the rank that opens it, /dev/zero would grow a
// string until the allocator gives up, and a directory would read as an empty file. The
// error says which of these it was: "cannot read HPL.dat file x: it is a FIFO, not a
// regular file".
//
// Files that may exist only on the node where the job was launched are read by rank 0 and
// sent to every rank; a missing or unreadable file is one agreed error, not a different
// fate on each node.
#include <mpi.h>

#include <cstdint>
#include <string>

namespace bramble {

// What bramble reads whole from a configuration-sized file: far beyond any real HPL.dat,
// scene or power config, well short of memory trouble.
inline constexpr std::int64_t kMaxInputFileBytes = std::int64_t{16} << 20;

// The whole file. Throws InputError "cannot read <what> <path>: <why>", where why is
// "no such file", "it is a directory", "it is a FIFO, not a regular file", "it is 20.0 MiB,
// more than the 16.0 MiB bramble reads from a <what>", or the system's reason.
std::string read_input_file(const std::string& path, const std::string& what,
                            std::int64_t max_bytes = kMaxInputFileBytes);

// At most the last `tail_bytes` of the file (a growing log's newest lines), with the same
// checks and errors as read_input_file, but no size limit.
std::string read_input_tail(const std::string& path, const std::string& what, std::int64_t tail_bytes);

// Collective: rank 0 reads the file (read_input_file) and every rank gets its text.
// `what` names the file's role in the error message ("HPL.dat file").
std::string read_on_rank0(MPI_Comm comm, const std::string& path, const std::string& what);

}  // namespace bramble
