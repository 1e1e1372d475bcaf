// HPL's panel broadcasts as plain schedules, checked without MPI: replaying every rank's
// sends one at a time (as PanelBroadcast posts them) must deliver every piece to every rank
// exactly once, never forward a piece before it arrived, and never stall.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "hpl/bcast_schedule.hpp"

namespace bramble::hpl {
namespace {

constexpr BcastAlgo kAlgos[] = {BcastAlgo::ring, BcastAlgo::ring_modified, BcastAlgo::two_ring,
                                BcastAlgo::two_ring_modified, BcastAlgo::long_roll};

struct Replay {
  bool stalled = false;
  std::vector<std::vector<int>> copies;  // [rank][piece]: times the rank ended up holding it
  int messages = 0;
  std::vector<std::int64_t> sent_by;     // doubles each rank sent
};

Replay replay(BcastAlgo algo, int q, std::int64_t count) {
  std::vector<BcastSchedule> plan;
  for (int r = 0; r < q; ++r) plan.push_back(bcast_schedule(algo, q, r, count));
  Replay out;
  out.sent_by.assign(q, 0);
  for (const auto& p : plan) {
    out.copies.emplace_back();
    for (bool h : p.held_at_start) out.copies.back().push_back(h ? 1 : 0);
  }
  std::vector<std::size_t> next_send(q, 0), next_recv_from(q, 0);
  // Receives are matched per (sender, receiver) in order, as MPI does for one tag.
  std::vector<std::vector<std::size_t>> matched(q, std::vector<std::size_t>(q, 0));
  for (bool moved = true; moved;) {
    moved = false;
    for (int r = 0; r < q; ++r) {
      if (next_send[r] >= plan[r].sends.size()) continue;
      const BcastTransfer s = plan[r].sends[next_send[r]];
      if (!out.copies[r][s.piece]) continue;  // waits for its piece
      // The receiver's next receive from r must be this very piece.
      std::vector<BcastTransfer> from_me;
      for (const auto& rv : plan[s.peer].receives)
        if (rv.peer == r) from_me.push_back(rv);
      std::size_t& k = matched[s.peer][r];
      EXPECT_LT(k, from_me.size()) << "rank " << r << " sends to " << s.peer << " more than it receives";
      if (k >= from_me.size()) return out;
      EXPECT_EQ(from_me[k].piece, s.piece);
      ++k;
      ++out.copies[s.peer][s.piece];
      out.sent_by[r] += plan[r].pieces[s.piece].count;
      ++out.messages;
      ++next_send[r];
      moved = true;
    }
  }
  for (int r = 0; r < q; ++r) out.stalled = out.stalled || next_send[r] < plan[r].sends.size();
  return out;
}

TEST(BcastSchedule, EveryRankGetsEveryPieceOnceWithoutStalling) {
  for (BcastAlgo algo : kAlgos)
    for (int q = 1; q <= 9; ++q)
      for (std::int64_t count : {std::int64_t{0}, std::int64_t{5}, std::int64_t{1000}}) {
        SCOPED_TRACE(std::string(bcast_name(algo)) + " q=" + std::to_string(q) + " count=" + std::to_string(count));
        const Replay r = replay(algo, q, count);
        EXPECT_FALSE(r.stalled);
        for (int rank = 0; rank < q; ++rank)
          for (int c : r.copies[rank]) EXPECT_EQ(c, 1) << "rank " << rank;
        // The pieces tile the message.
        const BcastSchedule s = bcast_schedule(algo, q, 0, count);
        std::int64_t at = 0;
        for (const BcastPiece& p : s.pieces) {
          EXPECT_EQ(p.offset, at);
          at += p.count;
        }
        EXPECT_EQ(at, count);
      }
}

TEST(BcastSchedule, WhoSendsWhat) {
  // 1ringM: the root's first send goes to rank 1, which forwards nothing.
  const BcastSchedule root = bcast_schedule(BcastAlgo::ring_modified, 5, 0, 100);
  ASSERT_EQ(root.sends.size(), 2u);
  EXPECT_EQ(root.sends[0].peer, 1);
  EXPECT_EQ(root.sends[1].peer, 2);
  EXPECT_TRUE(bcast_schedule(BcastAlgo::ring_modified, 5, 1, 100).sends.empty());
  // 2ring: two chains from the root, the last rank of each forwards nothing.
  EXPECT_EQ(bcast_schedule(BcastAlgo::two_ring, 7, 0, 100).sends.size(), 2u);
  // long: every rank sends about one message's worth; a ring root sends the whole
  // message once per hop it serves.
  const Replay lng = replay(BcastAlgo::long_roll, 8, 8000);
  for (std::int64_t sent : lng.sent_by) EXPECT_LE(sent, 2 * 8000);
  EXPECT_EQ(replay(BcastAlgo::ring, 8, 8000).sent_by[0], 8000);
  EXPECT_EQ(replay(BcastAlgo::ring, 8, 8000).sent_by[7], 0);
}

TEST(BcastSchedule, NamesAndHplDatCodes) {
  for (BcastAlgo algo : kAlgos) {
    BcastAlgo parsed = BcastAlgo::ibcast;
    EXPECT_TRUE(parse_bcast(bcast_name(algo), parsed));
    EXPECT_EQ(parsed, algo);
  }
  BcastAlgo unused = BcastAlgo::ring;
  EXPECT_FALSE(parse_bcast("3ring", unused));
  EXPECT_EQ(bcast_from_hpl_dat(0), BcastAlgo::ring);
  EXPECT_EQ(bcast_from_hpl_dat(1), BcastAlgo::ring_modified);
  EXPECT_EQ(bcast_from_hpl_dat(4), BcastAlgo::long_roll);
}

}  // namespace
}  // namespace bramble::hpl
