#include "hpl/lu_factor.hpp"

#include <cblas.h>

#include <algorithm>
#include <memory>
#include <vector>

#include "hpl/panel_broadcast.hpp"
#include "hpl/panel_factor.hpp"

namespace bramble::hpl {
namespace {

// A factored panel as its process column sends it along the process rows:
// L (my local rows at or below j0, jb columns), the diagonal block, and the pivots.
struct PanelMessage {
  std::int64_t k = -1, j0 = 0, il0 = 0, m = 0;
  int jb = 0;
  std::vector<double> buf;
  PanelBroadcast bcast;
  SwapPlan plan;  // from the pivots, once the panel is here
  bool planned = false;

  double* l() { return buf.data(); }
  double* top() { return buf.data() + m * jb; }
  double* pivots() { return top() + static_cast<std::int64_t>(jb) * jb; }
};

class LuFactorization {
 public:
  LuFactorization(DistMatrix& a, const LuOptions& options, LuObserver& observer)
      : a_(a), opt_(options), obs_(observer), grid_(a.grid()),
        nblocks_((a.n() + a.nb() - 1) / a.nb()),
        depth_(std::clamp(options.depth, 0, kMaxLookaheadDepth)),
        msgs_(static_cast<std::size_t>(depth_ + 1)) {
    for (auto& m : msgs_) m = std::make_unique<PanelMessage>();
  }

  // Prologue: panels 0 .. D-1 factored and on their way; then one step per panel.
  LuOutcome run() {
    for (std::int64_t j = 0; j < std::min<std::int64_t>(std::max(depth_, 1), nblocks_); ++j) factor_ahead(j, 0);
    for (std::int64_t k = 0; k < nblocks_; ++k) step(k);
    for (auto& m : msgs_)
      while (!m->bcast.done()) poll();
    int ok = nonsingular_ ? 1 : 0;
    MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_LAND, grid_.all());
    return LuOutcome{ok != 0};
  }

 private:
  bool i_own_panel(std::int64_t k) const { return grid_.my_col() == k % grid_.q(); }
  PanelMessage& msg(std::int64_t k) { return *msgs_[static_cast<std::size_t>(k % (depth_ + 1))]; }
  // My first local column at or after panel k's first column; for k past the last panel,
  // the column of b (global column n), which every step updates.
  std::int64_t first_col(std::int64_t k) const {
    return a_.cols().first_local_at_or_after(std::min(k * a_.nb(), a_.n()));
  }

  // Step k applies panel k to my trailing columns, except those of panels k+1 .. k+D-1:
  // they were brought up to date, panel k included, before they were factored.
  void step(std::int64_t k) {
    PanelMessage& cur = received(k);
    const std::int64_t end = a_.local_cols();
    const std::int64_t ahead = k + std::max(depth_, 1);  // the panel factored in this step
    const std::int64_t bulk = first_col(ahead);
    if (depth_ == 0) {
      apply(cur, first_col(k + 1), end);
      if (ahead < nblocks_) factor_ahead(ahead, ahead);
    } else if (ahead < nblocks_ && i_own_panel(ahead)) {
      const std::int64_t split = std::min(end, bulk + std::min<std::int64_t>(a_.nb(), a_.n() - ahead * a_.nb()));
      apply(cur, bulk, split);
      factor_ahead(ahead, k + 1);
      apply(cur, split, end);
    } else {
      if (ahead < nblocks_) factor_ahead(ahead, k + 1);  // posts my part of its broadcast
      apply(cur, bulk, end);
    }
    obs_.columns_done(cur.j0 + cur.jb, a_.n());
  }

  // Panel j: its owner applies panels `from` .. j-1 to its columns, factors it and starts
  // sending it; everyone else starts receiving (and forwarding) it.
  void factor_ahead(std::int64_t j, std::int64_t from) {
    PanelMessage& m = msg(j);
    {
      PhaseScope scope(obs_, LuPhase::panel_broadcast);
      while (!m.bcast.done()) poll();  // the buffer last carried panel j-D-1
    }
    shape(j, m);
    if (i_own_panel(j)) {
      const std::int64_t c0 = first_col(j);
      for (std::int64_t i = from; i < j; ++i) apply(received(i), c0, c0 + m.jb);
      factor_into(j, m);
    }
    PhaseScope scope(obs_, LuPhase::panel_broadcast);
    m.bcast.start(m.buf.data(), static_cast<std::int64_t>(m.buf.size()), static_cast<int>(j % grid_.q()),
                  grid_.row_comm(), opt_.bcast, static_cast<int>(j % 64));
  }

  void shape(std::int64_t k, PanelMessage& m) const {
    m.k = k;
    m.j0 = k * a_.nb();
    m.jb = static_cast<int>(std::min<std::int64_t>(a_.nb(), a_.n() - m.j0));
    m.il0 = a_.rows().first_local_at_or_after(m.j0);
    m.m = a_.local_rows() - m.il0;
    m.buf.resize(static_cast<std::size_t>(m.m * m.jb + m.jb * m.jb + m.jb));
    m.planned = false;
  }

  void factor_into(std::int64_t k, PanelMessage& m) {
    poll();
    PhaseScope scope(obs_, LuPhase::panel_factor);
    const std::int64_t jl0 = a_.cols().to_local(m.j0);
    Panel panel{a_.col_ptr(m.il0, jl0), a_.ld(), m.m, m.jb, m.j0, m.il0,
                &a_.rows(), grid_.col_comm(), static_cast<int>(k % grid_.p())};
    std::vector<std::int64_t> ipiv(static_cast<std::size_t>(m.jb));
    nonsingular_ = factor_panel(panel, m.top(), ipiv.data(), opt_.leaf_width) && nonsingular_;
    for (int j = 0; j < m.jb; ++j) std::copy_n(a_.col_ptr(m.il0, jl0 + j), m.m, m.l() + j * m.m);
    std::copy(ipiv.begin(), ipiv.end(), m.pivots());
  }

  // Panel k, all here, with its swap plan worked out.
  PanelMessage& received(std::int64_t k) {
    PanelMessage& m = msg(k);
    if (!m.bcast.received()) {
      PhaseScope scope(obs_, LuPhase::panel_broadcast);
      while (!m.bcast.received()) poll();
    }
    if (!m.planned) {
      std::vector<std::int64_t> ipiv(m.pivots(), m.pivots() + m.jb);
      m.plan = plan_swaps(m.j0, m.jb, ipiv.data());
      m.planned = true;
    }
    return m;
  }

  // Lets the panels in flight move (and be forwarded) while this rank is busy in DGEMM. It
  // is also how a rank waits: waiting on one panel alone would stall the others' forwarding
  // (rank A waits for B's panel while B waits for the panel A has yet to pass on: deadlock).
  void poll() {
    for (auto& m : msgs_) m->bcast.progress();
  }

  // Panel m's row swaps and update on my local columns [c_begin, c_end).
  void apply(PanelMessage& m, std::int64_t c_begin, std::int64_t c_end) {
    if (c_begin >= c_end) return;
    poll();  // forward what has arrived before a collective over the process column
    UBlock u;
    {
      PhaseScope scope(obs_, LuPhase::row_swap);
      u = swap_rows(a_, m.plan, c_begin, c_end, u_buffer_, opt_.swap);
    }
    PhaseScope scope(obs_, LuPhase::trailing_update);
    const std::int64_t r0 = a_.rows().first_local_at_or_after(m.j0 + m.jb);
    const int rows = static_cast<int>(a_.local_rows() - r0);
    const double* l21 = m.l() + (r0 - m.il0);
    for (std::int64_t c0 = c_begin; c0 < c_end; c0 += opt_.update_chunk) {
      const int width = static_cast<int>(std::min(opt_.update_chunk, c_end - c0));
      cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasUnit, m.jb, width, 1.0, m.top(), m.jb,
                  u.col(c0), static_cast<int>(u.ld));
      if (rows > 0)
        cblas_dgemm(CblasColMajor, CblasNoTrans, CblasNoTrans, rows, width, m.jb, -1.0, l21,
                    static_cast<int>(m.m), u.col(c0), static_cast<int>(u.ld), 1.0, a_.col_ptr(r0, c0),
                    static_cast<int>(a_.ld()));
      store_u(a_, m.plan, u, c0, c0 + width);
      poll();
    }
  }

  DistMatrix& a_;
  LuOptions opt_;
  LuObserver& obs_;
  const ProcessGrid& grid_;
  std::int64_t nblocks_;
  int depth_;
  std::vector<std::unique_ptr<PanelMessage>> msgs_;  // panel k in msgs_[k % (D+1)]
  std::vector<double> u_buffer_;
  bool nonsingular_ = true;
};

}  // namespace

LuOutcome factor_lu(DistMatrix& a, const LuOptions& options, LuObserver& observer) {
  return LuFactorization(a, options, observer).run();
}

}  // namespace bramble::hpl
