// A panel's row interchanges: HPL's spread-roll ("long") swap against the allgather, value for
// value, on every grid that fits the rank count; both against a serial permutation; the bytes
// each moves; and the full LU still solving with the default swap.
#include <gtest/gtest.h>
#include <mpi.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <set>
#include <tuple>
#include <utility>
#include <vector>

#include "hpl/back_solve.hpp"
#include "hpl/lu_factor.hpp"
#include "hpl/matrix_generator.hpp"
#include "hpl/residual.hpp"
#include "hpl/row_swaps.hpp"
#include "hpl_test_util.hpp"

// Bytes through the point-to-point calls and the allgather, counted through MPI's profiling
// interface: these definitions replace the library's for this program and forward to PMPI_*.
// Counting is off except around the one swap_rows call that the traffic test measures.
namespace {
struct Traffic {
  bool on = false;
  std::int64_t sent = 0, received = 0;
} traffic;

std::int64_t bytes(int count, MPI_Datatype type) {
  int size = 0;
  PMPI_Type_size(type, &size);
  return std::int64_t{count} * size;
}
}  // namespace

extern "C" int MPI_Isend(const void* buf, int count, MPI_Datatype type, int dest, int tag,
                         MPI_Comm comm, MPI_Request* request) {
  if (traffic.on) traffic.sent += bytes(count, type);
  return PMPI_Isend(buf, count, type, dest, tag, comm, request);
}

extern "C" int MPI_Irecv(void* buf, int count, MPI_Datatype type, int source, int tag,
                         MPI_Comm comm, MPI_Request* request) {
  if (traffic.on) traffic.received += bytes(count, type);
  return PMPI_Irecv(buf, count, type, source, tag, comm, request);
}

// What reaches me is everyone's contribution but my own; what I send depends on the
// library's allgather algorithm, so only the received bytes are counted.
extern "C" int MPI_Allgatherv(const void* sendbuf, int sendcount, MPI_Datatype sendtype,
                              void* recvbuf, const int recvcounts[], const int displs[],
                              MPI_Datatype recvtype, MPI_Comm comm) {
  if (traffic.on) {
    int size = 0, rank = 0;
    PMPI_Comm_size(comm, &size);
    PMPI_Comm_rank(comm, &rank);
    for (int r = 0; r < size; ++r)
      if (r != rank) traffic.received += bytes(recvcounts[r], recvtype);
  }
  return PMPI_Allgatherv(sendbuf, sendcount, sendtype, recvbuf, recvcounts, displs, recvtype,
                         comm);
}

namespace bramble::hpl {
namespace {

using testing::grids_for;
using testing::world_size;

constexpr std::uint64_t kSeed = 2024;

// Runs `body` on a p x q grid made of the first p*q ranks of the world; the other ranks sit
// it out. Lets 4 ranks test the 2x1 and 3x1 grids too.
template <class Body>
void on_grid(int p, int q, GridOrder order, Body body) {
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  MPI_Comm comm = MPI_COMM_NULL;
  MPI_Comm_split(MPI_COMM_WORLD, rank < p * q ? 0 : MPI_UNDEFINED, rank, &comm);
  if (comm == MPI_COMM_NULL) return;
  {
    ProcessGrid grid(comm, p, q, order);
    body(grid);
  }
  MPI_Comm_free(&comm);
}

// Every grid of at most world_size() ranks, in both orders where the order matters.
std::vector<std::tuple<int, int, GridOrder>> grids_up_to_world() {
  std::vector<std::tuple<int, int, GridOrder>> out;
  for (int ranks = 1; ranks <= world_size(); ++ranks)
    for (auto [p, q] : grids_for(ranks)) {
      out.emplace_back(p, q, GridOrder::row_major);
      if (p > 1 && q > 1) out.emplace_back(p, q, GridOrder::column_major);
    }
  return out;
}

// Pivot patterns a panel can produce: ipiv[i] is in [j0+i, n).
enum class Pivots { identity, random, all_to_last, pairs_below, within_top, from_bottom };
constexpr Pivots kAllPivots[] = {Pivots::identity,    Pivots::random,     Pivots::all_to_last,
                                 Pivots::pairs_below, Pivots::within_top, Pivots::from_bottom};

std::vector<std::int64_t> make_pivots(Pivots kind, std::int64_t n, std::int64_t j0, int jb) {
  std::mt19937_64 rng(kSeed + static_cast<std::uint64_t>(j0));  // the same on every rank
  std::vector<std::int64_t> ipiv(static_cast<std::size_t>(jb));
  for (int i = 0; i < jb; ++i) {
    const std::int64_t top = j0 + i;
    std::int64_t r = top;
    switch (kind) {
      case Pivots::identity: break;
      case Pivots::random: r = top + static_cast<std::int64_t>(rng() % static_cast<std::uint64_t>(n - top)); break;
      case Pivots::all_to_last: r = n - 1; break;                         // one row, again and again
      case Pivots::pairs_below: r = std::min(n - 1, j0 + jb + i / 2); break;  // each twice
      case Pivots::within_top: r = j0 + jb - 1 - i; break;                // U is the top reversed
      case Pivots::from_bottom: r = n - 1 - i; break;                     // rows from far away
    }
    ipiv[static_cast<std::size_t>(i)] = std::max(top, r);
  }
  return ipiv;
}

// The swaps applied serially to row numbers: row_at[g] is the original row that ends at g.
std::vector<std::int64_t> serial_permutation(std::int64_t n, std::int64_t j0,
                                             const std::vector<std::int64_t>& ipiv) {
  std::vector<std::int64_t> row_at(static_cast<std::size_t>(n));
  for (std::int64_t g = 0; g < n; ++g) row_at[static_cast<std::size_t>(g)] = g;
  for (std::size_t i = 0; i < ipiv.size(); ++i)
    std::swap(row_at[static_cast<std::size_t>(j0) + i], row_at[static_cast<std::size_t>(ipiv[i])]);
  return row_at;
}

struct Swapped {
  std::vector<double> local;  // my whole local matrix, local_rows x local_cols
  std::vector<double> u;      // U, jb x nt, column-major
  std::int64_t c_begin = 0, nt = 0;
};

Swapped run_swap(const ProcessGrid& grid, std::int64_t n, int nb, std::int64_t j0, int jb,
                 const std::vector<std::int64_t>& ipiv, SwapAlgo algo) {
  DistMatrix a(grid, n, nb);
  generate_system(a, kSeed);
  const SwapPlan plan = plan_swaps(j0, jb, ipiv.data());
  Swapped out;
  out.c_begin = a.cols().first_local_at_or_after(j0 + jb);
  out.nt = a.local_cols() - out.c_begin;
  std::vector<double> u_buffer;
  const UBlock u = swap_rows(a, plan, out.c_begin, a.local_cols(), u_buffer, algo);
  for (std::int64_t c = out.c_begin; c < a.local_cols(); ++c)
    out.u.insert(out.u.end(), u.col(c), u.col(c) + jb);
  for (std::int64_t c = 0; c < a.local_cols(); ++c)
    out.local.insert(out.local.end(), a.col_ptr(0, c), a.col_ptr(0, c) + a.local_rows());
  return out;
}

bool same_bits(const std::vector<double>& x, const std::vector<double>& y) {
  return x.size() == y.size() && std::memcmp(x.data(), y.data(), x.size() * sizeof(double)) == 0;
}

// How many values of `s` differ from the serial permutation of the generated matrix: the
// rows below the panel's top and U in the trailing columns, and everything left of them.
std::int64_t serial_mismatches(const Swapped& s, const DistMatrix& shape, std::int64_t j0, int jb,
                               const std::vector<std::int64_t>& row_at) {
  const BlockCyclic& rows = shape.rows();
  const BlockCyclic& cols = shape.cols();
  const std::int64_t m = shape.local_rows();
  std::int64_t bad = 0;
  for (std::int64_t jl = 0; jl < shape.local_cols(); ++jl) {
    const std::int64_t gj = cols.to_global(jl);
    const bool trailing = jl >= s.c_begin;
    for (std::int64_t il = 0; il < m; ++il) {
      const std::int64_t g = rows.to_global(il);
      if (trailing && g < j0 + jb) continue;  // the old top rows: U is checked below
      const std::int64_t want_row = trailing ? row_at[static_cast<std::size_t>(g)] : g;
      if (s.local[static_cast<std::size_t>(il + jl * m)] != system_entry(kSeed, want_row, gj)) ++bad;
    }
    if (!trailing) continue;
    for (int i = 0; i < jb; ++i) {
      const double got = s.u[static_cast<std::size_t>(i + (jl - s.c_begin) * jb)];
      if (got != system_entry(kSeed, row_at[static_cast<std::size_t>(j0 + i)], gj)) ++bad;
    }
  }
  return bad;
}

// Panels worth checking in an n/nb matrix: the first, second, middle and last (which is
// short when nb does not divide n).
std::set<std::int64_t> panels(std::int64_t n, int nb) {
  const std::int64_t blocks = (n + nb - 1) / nb;
  return {0, std::min<std::int64_t>(1, blocks - 1), blocks / 2, blocks - 1};
}

// The grid loop below checks nothing on a grid it does not visit: it must visit the world's
// column and row (P x 1 and 1 x Q), and every smaller grid.
TEST(RowSwaps, GridsCoverTheWorldAndSmallerGrids) {
  const auto grids = grids_up_to_world();
  const int np = world_size();
  auto has = [&](int p, int q) {
    return std::count(grids.begin(), grids.end(), std::tuple{p, q, GridOrder::row_major}) == 1;
  };
  EXPECT_TRUE(has(np, 1));
  EXPECT_TRUE(has(1, np));
  EXPECT_TRUE(has(1, 1));
  if (np >= 3) {
    EXPECT_TRUE(has(2, 1));
  }
  if (np == 4) {
    EXPECT_TRUE(has(2, 2) && has(3, 1));
  }
}

TEST(RowSwaps, SpreadRollIsBitwiseTheAllgatherAndTheSerialPermutation) {
  const std::pair<std::int64_t, int> sizes[] = {{1, 1},  {6, 1},  {10, 3}, {17, 4},
                                                {33, 8}, {40, 5}, {50, 16}, {23, 64}};
  std::int64_t cases = 0;
  for (auto [p, q, order] : grids_up_to_world())
    on_grid(p, q, order, [&](const ProcessGrid& grid) {
      for (auto [n, nb] : sizes)
        for (std::int64_t k : panels(n, nb))
          for (Pivots kind : kAllPivots) {
            const std::int64_t j0 = k * nb;
            const int jb = static_cast<int>(std::min<std::int64_t>(nb, n - j0));
            const std::vector<std::int64_t> ipiv = make_pivots(kind, n, j0, jb);
            SCOPED_TRACE(::testing::Message()
                         << "grid " << p << "x" << q << (order == GridOrder::row_major ? "" : " col-major")
                         << " N=" << n << " NB=" << nb << " panel " << k << " pivots "
                         << static_cast<int>(kind) << " at (" << grid.my_row() << ","
                         << grid.my_col() << ")");
            const Swapped ag = run_swap(grid, n, nb, j0, jb, ipiv, SwapAlgo::allgather);
            const Swapped sr = run_swap(grid, n, nb, j0, jb, ipiv, SwapAlgo::spread_roll);
            EXPECT_TRUE(same_bits(sr.local, ag.local));
            EXPECT_TRUE(same_bits(sr.u, ag.u));
            const DistMatrix shape(grid, n, nb);
            const std::vector<std::int64_t> row_at = serial_permutation(n, j0, ipiv);
            EXPECT_EQ(serial_mismatches(sr, shape, j0, jb, row_at), 0);
            EXPECT_EQ(serial_mismatches(ag, shape, j0, jb, row_at), 0);
            ++cases;
          }
    });
  int rank = 0;
  MPI_Comm_rank(MPI_COMM_WORLD, &rank);
  if (rank == 0) {
    EXPECT_GT(cases, 100);  // rank 0 is in every grid
  }
}

// A swap that goes wrong must be caught: the checks above see a single changed value.
TEST(RowSwaps, TheChecksSeeOneWrongValue) {
  on_grid(1, 1, GridOrder::row_major, [](const ProcessGrid& grid) {
    const std::vector<std::int64_t> ipiv = make_pivots(Pivots::random, 20, 4, 4);
    Swapped s = run_swap(grid, 20, 4, 4, 4, ipiv, SwapAlgo::spread_roll);
    const DistMatrix shape(grid, 20, 4);
    const std::vector<std::int64_t> row_at = serial_permutation(20, 4, ipiv);
    ASSERT_EQ(serial_mismatches(s, shape, 4, 4, row_at), 0);
    Swapped wrong = s;
    wrong.local.back() += 1;
    EXPECT_FALSE(same_bits(wrong.local, s.local));
    EXPECT_EQ(serial_mismatches(wrong, shape, 4, 4, row_at), 1);
    wrong = s;
    wrong.u.front() = -wrong.u.front();
    EXPECT_EQ(serial_mismatches(wrong, shape, 4, 4, row_at), 1);
  });
}

// One HPL-sized example on a P x 1 grid (P = the world, 4 in the np4 run): jb = NB = 64 and
// 1000 trailing columns (N = 1063: 1064 columns with b, minus the panel's 64). Random pivots
// as a panel of a random matrix would pick. Bytes received per process row, for 8-byte values:
//   allgather:   every needed row I do not own. Needed = the 64 U rows + the old top rows
//                that move down, up to 128 rows; with P = 4 a process row receives ~96 rows
//                on average, ~0.77 MB (the diagonal process row, owning the 64 old top rows,
//                receives ~48; the others ~110, ~0.9 MB).
//   spread_roll: the roll's 48 rows (3 pieces of 16), plus the rows of my piece of U owned
//                elsewhere (<= 16), plus the rows moving down into my rows: <= jb + moved in.
// The test prints the measured counts and checks those bounds.
TEST(RowSwapsTraffic, SpreadRollReceivesAtMostUPlusTheRowsMovedIn) {
  const int np = world_size();
  if (np < 2) GTEST_SKIP() << "needs at least two process rows";
  const std::int64_t n = 1063;
  const int nb = 64, jb = 64;
  on_grid(np, 1, GridOrder::row_major, [&](const ProcessGrid& grid) {
    const std::vector<std::int64_t> ipiv = make_pivots(Pivots::random, n, 0, jb);
    const SwapPlan plan = plan_swaps(0, jb, ipiv.data());
    std::int64_t received[2] = {0, 0}, sent[2] = {0, 0}, nt = 0;
    for (SwapAlgo algo : {SwapAlgo::allgather, SwapAlgo::spread_roll}) {
      DistMatrix a(grid, n, nb);
      generate_system(a, kSeed);
      const std::int64_t c_begin = a.cols().first_local_at_or_after(jb);
      nt = a.local_cols() - c_begin;
      std::vector<double> u_buffer;
      traffic = Traffic{true, 0, 0};
      swap_rows(a, plan, c_begin, a.local_cols(), u_buffer, algo);
      traffic.on = false;
      received[static_cast<int>(algo)] = traffic.received;
      sent[static_cast<int>(algo)] = traffic.sent;
    }
    ASSERT_EQ(nt, 1000);

    // The rows each scheme must bring here, from the plan.
    const DistMatrix shape(grid, n, nb);
    const BlockCyclic& rows = shape.rows();
    std::set<std::int64_t> needed(plan.u_source.begin(), plan.u_source.end());
    std::int64_t moved_in = 0;
    for (const auto& [pos, row] : plan.moves_down) {
      needed.insert(row);
      if (rows.owner(pos) == rows.me && rows.owner(row) != rows.me) ++moved_in;
    }
    const auto not_mine = std::count_if(needed.begin(), needed.end(),
                                        [&](std::int64_t r) { return rows.owner(r) != rows.me; });
    const std::int64_t row_bytes = nt * 8;
    EXPECT_EQ(received[0], not_mine * row_bytes);
    EXPECT_LE(received[1], (jb + moved_in) * row_bytes);
    EXPECT_GE(received[1], (jb - jb / np - 1) * row_bytes);  // at least the roll's pieces

    // Every process row's counts, printed by the first.
    std::int64_t mine[4] = {received[0], received[1], sent[1], moved_in};
    std::vector<std::int64_t> all(static_cast<std::size_t>(4 * np));
    MPI_Gather(mine, 4, MPI_INT64_T, all.data(), 4, MPI_INT64_T, 0, grid.col_comm());
    if (grid.my_row() != 0) return;
    std::int64_t total[2] = {0, 0};
    std::printf("[ TRAFFIC  ] P=%d jb=%d columns=%lld, bytes per swap_rows call:\n", np, jb,
                static_cast<long long>(nt));
    for (int r = 0; r < np; ++r) {
      const std::int64_t* c = &all[static_cast<std::size_t>(4 * r)];
      std::printf("[ TRAFFIC  ]   row %d: allgather received %lld; spread_roll received %lld, "
                  "sent %lld (moved-in rows %lld)\n",
                  r, static_cast<long long>(c[0]), static_cast<long long>(c[1]),
                  static_cast<long long>(c[2]), static_cast<long long>(c[3]));
      total[0] += c[0];
      total[1] += c[1];
    }
    std::printf("[ TRAFFIC  ]   column total received: allgather %lld, spread_roll %lld\n",
                static_cast<long long>(total[0]), static_cast<long long>(total[1]));
    if (np >= 4) {
      EXPECT_LT(total[1], total[0]);
    }
  });
}

// The LU itself, with the default options (and so the default swap), still solves.
TEST(RowSwapsInLu, DefaultFactorisationStillPasses) {
  for (auto [p, q] : testing::grids_for_world()) {
    SCOPED_TRACE(::testing::Message() << "grid " << p << "x" << q);
    ProcessGrid grid(MPI_COMM_WORLD, p, q);
    DistMatrix a(grid, 97, 8);
    generate_system(a, kSeed);
    LuObserver quiet;
    EXPECT_TRUE(factor_lu(a, LuOptions{}, quiet).nonsingular);
    const std::vector<double> x = back_substitute(a, quiet);
    generate_system(a, kSeed);
    EXPECT_LT(hpl_residual(a, x).scaled(), kHplThreshold);
  }
}

}  // namespace
}  // namespace bramble::hpl
