#include "suite/kernel.hpp"

#include "core/comm_info.hpp"

namespace bramble {

double RunContext::start_timed() const {
  MPI_Barrier(world);
  if (timed) timed->started();
  return MPI_Wtime();
}

double RunContext::stop_timed(double t0) const {
  double seconds = MPI_Wtime() - t0;  // this rank's own finish
  // The reduction is also the barrier: no rank learns the time before every rank is done.
  MPI_Allreduce(MPI_IN_PLACE, &seconds, 1, MPI_DOUBLE, MPI_MAX, world);
  if (timed) timed->stopped();
  return seconds;
}

void RunContext::record_phases(KernelResult& r, const std::vector<std::string>& names,
                               const std::string& description, const std::vector<double>& mine) const {
  const int phases = static_cast<int>(names.size());
  r.phase_names = names;
  r.phase_description = description;
  r.phase_seconds.resize(static_cast<std::size_t>(comm_size(world)) * names.size());
  MPI_Allgather(mine.data(), phases, MPI_DOUBLE, r.phase_seconds.data(), phases, MPI_DOUBLE, world);
}

}  // namespace bramble
