#include "hpl/row_swaps.hpp"

#include <algorithm>
#include <map>

namespace bramble::hpl {

SwapPlan plan_swaps(std::int64_t j0, int jb, const std::int64_t* ipiv) {
  SwapPlan plan{j0, jb, std::vector<std::int64_t>(ipiv, ipiv + jb), {}, {}};
  std::map<std::int64_t, std::int64_t> content;  // position -> original row now there
  auto at = [&](std::int64_t pos) {
    auto it = content.find(pos);
    return it == content.end() ? pos : it->second;
  };
  for (int i = 0; i < jb; ++i) {
    const std::int64_t top = j0 + i, other = ipiv[i];
    const std::int64_t a = at(top), b = at(other);
    content[top] = b;
    content[other] = a;
  }
  for (int i = 0; i < jb; ++i) plan.u_source.push_back(at(j0 + i));
  for (const auto& [pos, row] : content)
    if (pos >= j0 + jb && row != pos) plan.moves_down.emplace_back(pos, row);
  return plan;
}

namespace {

UBlock swap_in_place(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin,
                     std::int64_t c_end) {
  const std::int64_t top = a.rows().to_local(plan.j0);  // one process row: local == global
  for (std::int64_t c = c_begin; c < c_end; ++c) {
    double* col = a.col_ptr(0, c);
    for (int i = 0; i < plan.jb; ++i) {
      const std::int64_t other = plan.ipiv[i];
      if (other != plan.j0 + i) std::swap(col[top + i], col[other]);
    }
  }
  return UBlock{a.col_ptr(top, c_begin), a.ld(), c_begin};
}

// ---- allgather: everyone receives every needed row ----------------------------------------

// One MPI_Allgatherv over the process column: simple, but every process row receives all
// ~2*jb needed rows (minus its own), although it keeps only U and the rows moved into it.
void swap_allgather(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin, std::int64_t nt,
                    const UBlock& u) {
  const BlockCyclic& rows = a.rows();
  // Every row someone needs, in one agreed order: U's sources and the old top rows.
  std::vector<std::int64_t> needed = plan.u_source;
  for (const auto& move : plan.moves_down) needed.push_back(move.second);
  std::sort(needed.begin(), needed.end());
  needed.erase(std::unique(needed.begin(), needed.end()), needed.end());

  std::vector<int> counts(rows.nprocs, 0), displs(rows.nprocs, 0);
  for (std::int64_t r : needed) counts[rows.owner(r)] += static_cast<int>(nt);
  for (int q = 1; q < rows.nprocs; ++q) displs[q] = displs[q - 1] + counts[q - 1];
  std::map<std::int64_t, std::int64_t> offset;  // row -> where it lands in the gathered buffer
  {
    std::vector<int> next = displs;
    for (std::int64_t r : needed) {
      offset[r] = next[rows.owner(r)];
      next[rows.owner(r)] += static_cast<int>(nt);
    }
  }

  std::vector<double> mine(static_cast<std::size_t>(counts[rows.me]));
  std::size_t k = 0;
  for (std::int64_t r : needed) {
    if (rows.owner(r) != rows.me) continue;
    const std::int64_t il = rows.to_local(r);
    for (std::int64_t c = 0; c < nt; ++c) mine[k++] = a.at(il, c_begin + c);
  }
  std::vector<double> all(static_cast<std::size_t>(displs.back() + counts.back()));
  MPI_Allgatherv(mine.data(), counts[rows.me], MPI_DOUBLE, all.data(), counts.data(),
                 displs.data(), MPI_DOUBLE, a.grid().col_comm());

  for (int i = 0; i < plan.jb; ++i) {
    const double* src = all.data() + offset[plan.u_source[i]];
    for (std::int64_t c = 0; c < nt; ++c) u.data[i + c * u.ld] = src[c];
  }
  for (const auto& [pos, row] : plan.moves_down) {
    if (rows.owner(pos) != rows.me) continue;
    const std::int64_t il = rows.to_local(pos);
    const double* src = all.data() + offset[row];
    for (std::int64_t c = 0; c < nt; ++c) a.at(il, c_begin + c) = src[c];
  }
}

// ---- spread-roll: HPL's long swap (SWAP=1) --------------------------------------------------
//
// Two steps, both only copying values, so the result is bitwise the allgather's:
//   1. deliver: every needed row goes once, point to point, from its owner to the one process
//      row that needs it. A row moving down goes to the owner of its new position (the
//      "moved-in" rows); U row i goes to the process row collecting i's piece (the spread).
//   2. roll: a ring allgather of U's P pieces, so every process row ends with all of U.
// Per process row that is at most jb rows of U received (jb*(P-1)/P in the roll, the rest
// of its own piece in the spread) plus the rows moved into it, where the allgather brings
// every needed row it does not own: up to 2*jb*(P-1)/P on average. The roll's P-1 steps each
// move jb/P rows between neighbours, so every link of the ring carries the same load.
// Not a win for everyone: the diagonal process row (which owns the old top rows, so the
// allgather only brings it U) receives a little more, and it sends the most, since the rows
// moving down are all its own. Measured with P = 4, jb = 64 and 1000 columns (random
// pivots, tests/test_row_swaps.cpp), kB received per process row:
//   allgather 384 / 840 / 840 / 912, spread_roll 480 / 600 / 616 / 568.

// Tags for the point-to-point messages on the process column. Nothing else sends point to
// point on that communicator, and each call completes its messages before returning, so
// one call's messages can never match another's.
constexpr int kDeliverTag = 7301;
constexpr int kRollTag = 7302;

// U's jb rows cut into P contiguous pieces of jb/P rows, give or take one: row i is in piece
// i*P/jb, and piece k starts at the first i with i*P/jb >= k, i.e. ceil(k*jb/P).
int piece_of(int i, int jb, int nprocs) {
  return static_cast<int>(std::int64_t{i} * nprocs / jb);
}
std::int64_t piece_begin(int k, int jb, int nprocs) {
  return (std::int64_t{k} * jb + nprocs - 1) / nprocs;
}

// One row on its way: read on process row `from` (the owner of original row `row`) and
// written on process row `to`, as U row `u_row` or, for a row moving down, at global row `pos`.
struct Delivery {
  std::int64_t row;
  int from, to;
  int u_row;         // -1 for a row moving down
  std::int64_t pos;  // only for a row moving down
};

// Every delivery, in an order all processes agree on because they hold the same plan. Sender
// and receiver both walk this list, so a message is just its rows back to back, no header.
std::vector<Delivery> plan_deliveries(const SwapPlan& plan, const BlockCyclic& rows) {
  std::vector<Delivery> out;
  for (int i = 0; i < plan.jb; ++i) {
    const std::int64_t r = plan.u_source[i];
    out.push_back({r, rows.owner(r), piece_of(i, plan.jb, rows.nprocs), i, -1});
  }
  for (const auto& [pos, r] : plan.moves_down)
    out.push_back({r, rows.owner(r), rows.owner(pos), -1, pos});
  return out;
}

// My outgoing rows, one buffer per destination process row (my own included: the rows that
// stay here). Everything is read before anything is written, because a moved row's new
// position can be another needed row's old one.
std::vector<std::vector<double>> pack_outgoing(const DistMatrix& a, const std::vector<Delivery>& ds,
                                               std::int64_t c_begin, std::int64_t nt) {
  const BlockCyclic& rows = a.rows();
  std::vector<std::vector<double>> out(rows.nprocs);
  for (const Delivery& d : ds) {
    if (d.from != rows.me) continue;
    const std::int64_t il = rows.to_local(d.row);
    auto& buf = out[d.to];
    for (std::int64_t c = 0; c < nt; ++c) buf.push_back(a.at(il, c_begin + c));
  }
  return out;
}

// Sends `out` and receives one buffer from each process row that has rows for me: only
// pairs with something to say exchange a message, at most P-1 each way.
std::vector<std::vector<double>> exchange(std::vector<std::vector<double>> out,
                                          const std::vector<Delivery>& ds, std::int64_t nt,
                                          const BlockCyclic& rows, MPI_Comm comm) {
  std::vector<std::vector<double>> in(out.size());
  for (const Delivery& d : ds)  // the receiver knows what is coming from the plan alone
    if (d.to == rows.me) in[d.from].resize(in[d.from].size() + nt);
  std::vector<MPI_Request> requests;
  for (int p = 0; p < rows.nprocs; ++p) {
    if (p == rows.me) continue;
    std::vector<double>& from_p = in[p];
    std::vector<double>& to_p = out[p];
    if (!from_p.empty()) {
      requests.emplace_back();
      MPI_Irecv(from_p.data(), static_cast<int>(from_p.size()), MPI_DOUBLE, p, kDeliverTag, comm,
                &requests.back());
    }
    if (!to_p.empty()) {
      requests.emplace_back();
      MPI_Isend(to_p.data(), static_cast<int>(to_p.size()), MPI_DOUBLE, p, kDeliverTag, comm,
                &requests.back());
    }
  }
  MPI_Waitall(static_cast<int>(requests.size()), requests.data(), MPI_STATUSES_IGNORE);
  in[rows.me] = std::move(out[rows.me]);  // the rows that stay here need no message
  return in;
}

// Puts each received row where it belongs: U rows of my piece into `staging` (row-major,
// row i at i*nt), moved-in rows into the matrix.
void unpack_incoming(DistMatrix& a, const std::vector<Delivery>& ds,
                     const std::vector<std::vector<double>>& in, std::int64_t c_begin,
                     std::int64_t nt, double* staging) {
  const BlockCyclic& rows = a.rows();
  std::vector<std::int64_t> next(in.size(), 0);  // read position in each incoming buffer
  for (const Delivery& d : ds) {
    if (d.to != rows.me) continue;
    const double* src = in[d.from].data() + next[d.from];
    next[d.from] += nt;
    if (d.u_row >= 0) {
      std::copy_n(src, nt, staging + d.u_row * nt);
    } else {
      const std::int64_t il = rows.to_local(d.pos);
      for (std::int64_t c = 0; c < nt; ++c) a.at(il, c_begin + c) = src[c];
    }
  }
}

// The roll (HPL's HPL_rollT): a ring allgather of the P pieces of U in `staging`, which is
// row-major so that each piece is one contiguous span. In step s, process row r sends piece
// r-s (its own at first, then the one it received last step) to r+1 and receives piece
// r-s-1 from r-1. After P-1 steps every process row holds all P pieces, each having sent
// and received P-1 pieces of jb/P rows: the same load on every link of the ring.
void roll(double* staging, int jb, std::int64_t nt, const BlockCyclic& rows, MPI_Comm comm) {
  const int np = rows.nprocs, me = rows.me;
  const int next = (me + 1) % np, prev = (me + np - 1) % np;
  auto begin = [&](int k) { return staging + piece_begin(k, jb, np) * nt; };
  auto count = [&](int k) {
    return static_cast<int>((piece_begin(k + 1, jb, np) - piece_begin(k, jb, np)) * nt);
  };
  for (int s = 0; s < np - 1; ++s) {
    const int send_piece = (me - s + np) % np;
    const int recv_piece = (me - s - 1 + np) % np;
    MPI_Request requests[2];
    MPI_Irecv(begin(recv_piece), count(recv_piece), MPI_DOUBLE, prev, kRollTag, comm,
              &requests[0]);
    MPI_Isend(begin(send_piece), count(send_piece), MPI_DOUBLE, next, kRollTag, comm,
              &requests[1]);
    MPI_Waitall(2, requests, MPI_STATUSES_IGNORE);  // next step forwards what just arrived
  }
}

void swap_spread_roll(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin,
                      std::int64_t nt, const UBlock& u) {
  const BlockCyclic& rows = a.rows();
  const MPI_Comm comm = a.grid().col_comm();
  const std::vector<Delivery> ds = plan_deliveries(plan, rows);
  std::vector<double> staging(static_cast<std::size_t>(plan.jb * nt));
  unpack_incoming(a, ds, exchange(pack_outgoing(a, ds, c_begin, nt), ds, nt, rows, comm),
                  c_begin, nt, staging.data());
  roll(staging.data(), plan.jb, nt, rows, comm);
  for (int i = 0; i < plan.jb; ++i)  // row-major staging -> column-major U (ld = jb)
    for (std::int64_t c = 0; c < nt; ++c) u.data[i + c * u.ld] = staging[i * nt + c];
}

}  // namespace

UBlock swap_rows(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin, std::int64_t c_end,
                 std::vector<double>& u_buffer, SwapAlgo algo) {
  if (a.rows().nprocs == 1) return swap_in_place(a, plan, c_begin, c_end);

  const std::int64_t nt = c_end - c_begin;
  u_buffer.resize(static_cast<std::size_t>(std::max<std::int64_t>(1, plan.jb * nt)));
  UBlock u{u_buffer.data(), plan.jb, c_begin};
  if (nt <= 0) return u;  // the whole process column has no trailing columns: no messages

  if (algo == SwapAlgo::spread_roll) swap_spread_roll(a, plan, c_begin, nt, u);
  else swap_allgather(a, plan, c_begin, nt, u);
  return u;
}

void store_u(DistMatrix& a, const SwapPlan& plan, const UBlock& u, std::int64_t c_begin,
             std::int64_t c_end) {
  const BlockCyclic& rows = a.rows();
  if (rows.nprocs == 1 || rows.owner(plan.j0) != rows.me) return;
  const std::int64_t top = rows.to_local(plan.j0);
  for (std::int64_t c = c_begin; c < c_end; ++c)
    std::copy_n(u.col(c), plan.jb, a.col_ptr(top, c));
}

}  // namespace bramble::hpl
