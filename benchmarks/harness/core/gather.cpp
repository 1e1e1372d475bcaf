#include "core/gather.hpp"

namespace bramble {
namespace {

template <typename T>
std::vector<std::vector<T>> gather(MPI_Comm comm, const T* data, int count, MPI_Datatype type) {
  int rank = 0, size = 0;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  std::vector<int> counts(static_cast<std::size_t>(size)), displs(static_cast<std::size_t>(size), 0);
  MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
  for (int r = 1; r < size; ++r) displs[r] = displs[r - 1] + counts[r - 1];
  std::vector<T> all(rank == 0 ? static_cast<std::size_t>(displs.back() + counts.back()) : 0);
  MPI_Gatherv(data, count, type, all.data(), counts.data(), displs.data(), type, 0, comm);
  std::vector<std::vector<T>> out;
  if (rank == 0)
    for (int r = 0; r < size; ++r) out.emplace_back(all.begin() + displs[r], all.begin() + displs[r] + counts[r]);
  return out;
}

}  // namespace

std::vector<std::string> gather_text(MPI_Comm comm, const std::string& mine) {
  std::vector<std::string> out;
  for (const auto& chars : gather<char>(comm, mine.data(), static_cast<int>(mine.size()), MPI_CHAR))
    out.emplace_back(chars.begin(), chars.end());
  return out;
}

std::vector<std::vector<double>> gather_doubles(MPI_Comm comm, const std::vector<double>& mine) {
  return gather<double>(comm, mine.data(), static_cast<int>(mine.size()), MPI_DOUBLE);
}

}  // namespace bramble
