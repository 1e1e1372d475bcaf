#include "core/gather.hpp"

namespace bramble {
namespace {

// Every rank's `count` items, to rank 0 (or to every rank with `to_all`).
template <typename T>
std::vector<std::vector<T>> gather(MPI_Comm comm, const T* data, int count, MPI_Datatype type, bool to_all) {
  int rank = 0, size = 0;
  MPI_Comm_rank(comm, &rank);
  MPI_Comm_size(comm, &size);
  const bool receives = to_all || rank == 0;
  std::vector<int> counts(static_cast<std::size_t>(size)), displs(static_cast<std::size_t>(size), 0);
  if (to_all)
    MPI_Allgather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, comm);
  else
    MPI_Gather(&count, 1, MPI_INT, counts.data(), 1, MPI_INT, 0, comm);
  for (int r = 1; r < size; ++r) displs[r] = displs[r - 1] + counts[r - 1];
  std::vector<T> all(receives ? static_cast<std::size_t>(displs.back() + counts.back()) : 0);
  if (to_all)
    MPI_Allgatherv(data, count, type, all.data(), counts.data(), displs.data(), type, comm);
  else
    MPI_Gatherv(data, count, type, all.data(), counts.data(), displs.data(), type, 0, comm);
  std::vector<std::vector<T>> out;
  if (receives)
    for (int r = 0; r < size; ++r) out.emplace_back(all.begin() + displs[r], all.begin() + displs[r] + counts[r]);
  return out;
}

std::vector<std::string> gather_chars(MPI_Comm comm, const std::string& mine, bool to_all) {
  std::vector<std::string> out;
  for (const auto& chars : gather<char>(comm, mine.data(), static_cast<int>(mine.size()), MPI_CHAR, to_all))
    out.emplace_back(chars.begin(), chars.end());
  return out;
}

}  // namespace

std::vector<std::string> gather_text(MPI_Comm comm, const std::string& mine) { return gather_chars(comm, mine, false); }

std::vector<std::string> allgather_text(MPI_Comm comm, const std::string& mine) { return gather_chars(comm, mine, true); }

std::vector<std::vector<double>> gather_doubles(MPI_Comm comm, const std::vector<double>& mine) {
  return gather<double>(comm, mine.data(), static_cast<int>(mine.size()), MPI_DOUBLE, false);
}

}  // namespace bramble
