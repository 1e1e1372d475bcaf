#include "hpl/lu_factor.hpp"

#include <cblas.h>

#include <algorithm>
#include <vector>

#include "hpl/panel_factor.hpp"
#include "hpl/row_swaps.hpp"

namespace bramble::hpl {
namespace {

// A factored panel as its process column sends it along the process rows:
// L (my local rows at or below j0, jb columns), the diagonal block, and the pivots.
struct PanelMessage {
  std::int64_t j0 = 0, il0 = 0, m = 0;
  int jb = 0;
  std::vector<double> buf;
  MPI_Request request = MPI_REQUEST_NULL;

  double* l() { return buf.data(); }
  double* top() { return buf.data() + m * jb; }
  double* pivots() { return top() + static_cast<std::int64_t>(jb) * jb; }
  int size() const { return static_cast<int>(buf.size()); }
};

class LuFactorization {
 public:
  LuFactorization(DistMatrix& a, const LuOptions& options, LuObserver& observer)
      : a_(a), opt_(options), obs_(observer), grid_(a.grid()),
        nblocks_((a.n() + a.nb() - 1) / a.nb()) {}

  LuOutcome run() {
    if (nblocks_ > 0) start_panel(0, msg_[0]);
    for (std::int64_t k = 0; k < nblocks_; ++k) step(k, msg_[k % 2], msg_[(k + 1) % 2]);
    for (auto& msg : msg_) MPI_Wait(&msg.request, MPI_STATUS_IGNORE);
    int ok = nonsingular_ ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, grid_.all());
    return LuOutcome{ok != 0};
  }

 private:
  int col_owner(std::int64_t k) const { return static_cast<int>(k % grid_.q()); }
  int row_owner(std::int64_t k) const { return static_cast<int>(k % grid_.p()); }
  bool i_own_panel(std::int64_t k) const { return grid_.my_col() == col_owner(k); }

  void shape(std::int64_t k, PanelMessage& msg) const {
    msg.j0 = k * a_.nb();
    msg.jb = static_cast<int>(std::min<std::int64_t>(a_.nb(), a_.n() - msg.j0));
    msg.il0 = a_.rows().first_local_at_or_after(msg.j0);
    msg.m = a_.local_rows() - msg.il0;
    msg.buf.resize(static_cast<std::size_t>(msg.m * msg.jb + msg.jb * msg.jb + msg.jb));
  }

  // Factor panel k if my process column owns it and start sending it; else start receiving.
  void start_panel(std::int64_t k, PanelMessage& msg) {
    MPI_Wait(&msg.request, MPI_STATUS_IGNORE);  // a send of panel k-2 from this buffer
    shape(k, msg);
    if (i_own_panel(k)) factor_into(k, msg);
    PhaseScope scope(obs_, LuPhase::panel_broadcast);
    MPI_Ibcast(msg.buf.data(), msg.size(), MPI_DOUBLE, col_owner(k), grid_.row_comm(),
               &msg.request);
  }

  void factor_into(std::int64_t k, PanelMessage& msg) {
    PhaseScope scope(obs_, LuPhase::panel_factor);
    const std::int64_t jl0 = a_.cols().to_local(msg.j0);
    Panel panel{a_.col_ptr(msg.il0, jl0), a_.ld(), msg.m, msg.jb, msg.j0, msg.il0,
                &a_.rows(), grid_.col_comm(), row_owner(k)};
    std::vector<std::int64_t> ipiv(static_cast<std::size_t>(msg.jb));
    nonsingular_ = factor_panel(panel, msg.top(), ipiv.data(), opt_.leaf_width) && nonsingular_;
    for (int j = 0; j < msg.jb; ++j)
      std::copy_n(a_.col_ptr(msg.il0, jl0 + j), msg.m, msg.l() + j * msg.m);
    std::copy(ipiv.begin(), ipiv.end(), msg.pivots());
  }

  // Receivers wait for the panel; its sender reads its own buffer and waits only before
  // reusing it (start_panel), so a slow receiver does not stall the sender.
  void wait(std::int64_t k, PanelMessage& msg) {
    if (i_own_panel(k)) return;
    PhaseScope scope(obs_, LuPhase::panel_broadcast);
    MPI_Wait(&msg.request, MPI_STATUS_IGNORE);
  }

  // Lets outstanding broadcasts move while this rank is busy in DGEMM (MPI progresses
  // non-blocking operations only inside MPI calls).
  void poll() {
    for (auto& msg : msg_) {
      if (msg.request == MPI_REQUEST_NULL) continue;
      int done = 0;
      MPI_Test(&msg.request, &done, MPI_STATUS_IGNORE);
    }
  }

  void update(PanelMessage& msg, const SwapPlan& plan, const UBlock& u, std::int64_t c_begin,
              std::int64_t c_end) {
    PhaseScope scope(obs_, LuPhase::trailing_update);
    const std::int64_t r0 = a_.rows().first_local_at_or_after(msg.j0 + msg.jb);
    const int rows = static_cast<int>(a_.local_rows() - r0);
    const double* l21 = msg.l() + (r0 - msg.il0);
    for (std::int64_t c0 = c_begin; c0 < c_end; c0 += opt_.update_chunk) {
      const int width = static_cast<int>(std::min(opt_.update_chunk, c_end - c0));
      cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasUnit, msg.jb, width,
                  1.0, msg.top(), msg.jb, u.col(c0), static_cast<int>(u.ld));
      if (rows > 0)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, rows, width, msg.jb, -1.0, l21,
                    static_cast<int>(msg.m), u.col(c0), static_cast<int>(u.ld), 1.0,
                    a_.col_ptr(r0, c0), static_cast<int>(a_.ld()));
      store_u(a_, plan, u, c0, c0 + width);
      poll();
    }
  }

  void step(std::int64_t k, PanelMessage& cur, PanelMessage& next) {
    wait(k, cur);
    std::vector<std::int64_t> ipiv(cur.pivots(), cur.pivots() + cur.jb);
    const SwapPlan plan = plan_swaps(cur.j0, cur.jb, ipiv.data());
    const std::int64_t c_begin = a_.cols().first_local_at_or_after(cur.j0 + cur.jb);
    const std::int64_t c_end = a_.local_cols();
    UBlock u;
    {
      PhaseScope scope(obs_, LuPhase::row_swap);
      u = swap_rows(a_, plan, c_begin, c_end, u_buffer_);
    }
    const bool has_next = k + 1 < nblocks_;
    if (has_next && opt_.lookahead && i_own_panel(k + 1)) {
      // Panel k+1's columns are my first trailing columns: update them, factor, send.
      const std::int64_t split = std::min(c_end, c_begin + a_.nb());
      update(cur, plan, u, c_begin, split);
      start_panel(k + 1, next);
      update(cur, plan, u, split, c_end);
    } else if (has_next && opt_.lookahead) {
      start_panel(k + 1, next);  // post the receive early so it can progress during DGEMM
      update(cur, plan, u, c_begin, c_end);
    } else {
      update(cur, plan, u, c_begin, c_end);
      if (has_next) start_panel(k + 1, next);
    }
    obs_.columns_done(cur.j0 + cur.jb, a_.n());
  }

  DistMatrix& a_;
  LuOptions opt_;
  LuObserver& obs_;
  const ProcessGrid& grid_;
  std::int64_t nblocks_;
  PanelMessage msg_[2];
  std::vector<double> u_buffer_;
  bool nonsingular_ = true;
};

}  // namespace

LuOutcome factor_lu(DistMatrix& a, const LuOptions& options, LuObserver& observer) {
  return LuFactorization(a, options, observer).run();
}

}  // namespace bramble::hpl
