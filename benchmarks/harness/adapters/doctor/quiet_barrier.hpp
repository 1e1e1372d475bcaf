#pragma once
// A barrier that waits without spinning. MPI_Barrier busy-polls: on nodes that share a
// machine (pretend nodes, a testbed) the ranks waiting in it would take the cores from the
// rank being measured, and the doctor would measure its own waiting. This one sleeps a
// tenth of a millisecond between looks, which costs at most that at each barrier.
#include <mpi.h>

namespace bramble::doctor {

void quiet_barrier(MPI_Comm comm);

}  // namespace bramble::doctor
