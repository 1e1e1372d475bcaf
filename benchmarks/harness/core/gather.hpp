#pragma once
// Variable-length gathers to rank 0, for records that differ in size from rank to rank
// (text, time series). Collective; the result is meaningful on rank 0 only.
#include <mpi.h>

#include <string>
#include <vector>

namespace bramble {

std::vector<std::string> gather_text(MPI_Comm comm, const std::string& mine);
std::vector<std::string> allgather_text(MPI_Comm comm, const std::string& mine);  // on every rank
std::vector<std::vector<double>> gather_doubles(MPI_Comm comm, const std::vector<double>& mine);

}  // namespace bramble
