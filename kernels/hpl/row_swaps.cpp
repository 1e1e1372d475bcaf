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

}  // namespace

UBlock swap_rows(DistMatrix& a, const SwapPlan& plan, std::int64_t c_begin, std::int64_t c_end,
                 std::vector<double>& u_buffer) {
  const BlockCyclic& rows = a.rows();
  if (rows.nprocs == 1) return swap_in_place(a, plan, c_begin, c_end);

  const std::int64_t nt = c_end - c_begin;
  u_buffer.resize(static_cast<std::size_t>(std::max<std::int64_t>(1, plan.jb * nt)));
  UBlock u{u_buffer.data(), plan.jb, c_begin};
  if (nt <= 0) return u;  // the whole process column has no trailing columns: no collective

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
