#pragma once
// Filling the ghost layers of a field: faces from the neighbours, reflections at the
// edges of the global grid.
//
// Only faces travel: a star stencil reads along the axes, never diagonally, so edge and
// corner ghosts are not needed. Faces are packed into contiguous buffers and sent with
// MPI_Isend/MPI_Irecv, all axes at once, so the exchange costs one latency, not one per axis.
//
// At the global boundary the field is continued by odd reflection about the boundary
// line just outside the grid (where u = 0): u(-1) = 0, u(-1-j) = -u(j-1). That is the
// zero Dirichlet condition for R = 1, and it keeps sine modes exact eigenvectors of every
// star stencil here, which is what the analytic check relies on.
#include <mpi.h>

#include <array>
#include <vector>

#include "stencil/box.hpp"

namespace bramble::stencil {

class HaloExchange {
 public:
  explicit HaloExchange(const Domain& d);
  // Packs my faces and posts all sends and receives; fills reflection ghosts.
  void start(double* field);
  // Lets the messages move without waiting: over TCP they move only inside MPI calls, so
  // the solver calls this between slabs of its inner update.
  void progress();
  // Waits for the neighbours' faces.
  void wait();
  // Unpacks the received faces into the ghost layers.
  void finish(double* field);

 private:
  Box face(int axis, int side) const;   // my interior points next to that face
  Box ghost(int axis, int side) const;  // the ghost layer beyond that face
  void reflect(double* field, int axis, int side) const;

  const Domain& d_;
  std::array<std::array<std::vector<double>, 2>, 3> send_, recv_;
  std::vector<MPI_Request> requests_;
};

}  // namespace bramble::stencil
