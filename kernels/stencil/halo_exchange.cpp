#include "stencil/halo_exchange.hpp"

#include <algorithm>

namespace bramble::stencil {

HaloExchange::HaloExchange(const Domain& d) : d_(d) {
  for (int a = 0; a < d.dims(); ++a)
    for (int s = 0; s < 2; ++s) {
      const auto n = static_cast<std::size_t>(face(a, s).points());
      send_[a][s].resize(n);
      recv_[a][s].resize(n);
    }
}

Box HaloExchange::face(int axis, int side) const {
  Box b = whole(d_);
  const std::int64_t m = d_.local()[axis], r = d_.halo();
  b.lo[axis] = side == 0 ? 0 : m - r;
  b.hi[axis] = side == 0 ? r : m;
  return b;
}

Box HaloExchange::ghost(int axis, int side) const {
  Box b = whole(d_);
  const std::int64_t m = d_.local()[axis], r = d_.halo();
  b.lo[axis] = side == 0 ? -r : m;
  b.hi[axis] = side == 0 ? 0 : m + r;
  return b;
}

void HaloExchange::reflect(double* field, int axis, int side) const {
  const std::int64_t m = d_.local()[axis], stride = d_.stride(axis);
  Box plane = whole(d_);  // one layer perpendicular to `axis`, walked at its position 0
  plane.lo[axis] = 0;
  plane.hi[axis] = 1;
  for_each_run(d_, plane, [&](std::int64_t first, std::int64_t len) {
    for (std::int64_t x = 0; x < len; ++x) {
      double* base = field + first + x;  // the point at position 0 along `axis`
      for (int j = 0; j < d_.halo(); ++j) {
        if (side == 0) base[(-1 - j) * stride] = j == 0 ? 0.0 : -base[(j - 1) * stride];
        else base[(m + j) * stride] = j == 0 ? 0.0 : -base[(m - j) * stride];
      }
    }
  });
}

void HaloExchange::start(double* field) {
  requests_.clear();
  for (int a = 0; a < d_.dims(); ++a)
    for (int s = 0; s < 2; ++s) {
      const int peer = d_.neighbour(a, s);
      if (peer == MPI_PROC_NULL) {
        reflect(field, a, s);
        continue;
      }
      // A face I send from side s lands in the neighbour's ghost on side 1-s.
      const int recv_tag = 2 * a + s, send_tag = 2 * a + (1 - s);
      requests_.emplace_back();
      MPI_Irecv(recv_[a][s].data(), static_cast<int>(recv_[a][s].size()), MPI_DOUBLE, peer, recv_tag,
                d_.comm(), &requests_.back());
      double* out = send_[a][s].data();
      for_each_run(d_, face(a, s), [&](std::int64_t first, std::int64_t len) {
        out = std::copy_n(field + first, len, out);
      });
      requests_.emplace_back();
      MPI_Isend(send_[a][s].data(), static_cast<int>(send_[a][s].size()), MPI_DOUBLE, peer, send_tag,
                d_.comm(), &requests_.back());
    }
}

void HaloExchange::progress() {
  int all_done = 0;  // when all are done the requests become null, which wait() accepts
  MPI_Testall(static_cast<int>(requests_.size()), requests_.data(), &all_done, MPI_STATUSES_IGNORE);
}

void HaloExchange::wait() {
  MPI_Waitall(static_cast<int>(requests_.size()), requests_.data(), MPI_STATUSES_IGNORE);
}

void HaloExchange::finish(double* field) {
  for (int a = 0; a < d_.dims(); ++a)
    for (int s = 0; s < 2; ++s) {
      if (d_.neighbour(a, s) == MPI_PROC_NULL) continue;
      const double* in = recv_[a][s].data();
      for_each_run(d_, ghost(a, s), [&](std::int64_t first, std::int64_t len) {
        std::copy_n(in, len, field + first);
        in += len;
      });
    }
}

}  // namespace bramble::stencil
