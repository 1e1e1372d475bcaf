#include "hpl/bcast_schedule.hpp"

#include <stdexcept>

namespace bramble::hpl {
namespace {

struct Names {
  BcastAlgo algo;
  const char* name;
};
constexpr Names kNames[] = {{BcastAlgo::ibcast, "ibcast"},       {BcastAlgo::ring, "1ring"},
                            {BcastAlgo::ring_modified, "1ringM"}, {BcastAlgo::two_ring, "2ring"},
                            {BcastAlgo::two_ring_modified, "2ringM"}, {BcastAlgo::long_roll, "long"}};

// Every send of every rank, in each sender's order, as (sender, receiver, piece).
struct Send {
  int from, to, piece;
};

// A chain root -> first -> first+1 -> ... -> last (relative ranks).
void chain(std::vector<Send>& s, int first, int last) {
  if (first > last) return;
  s.push_back({0, first, 0});
  for (int r = first; r < last; ++r) s.push_back({r, r + 1, 0});
}

std::vector<Send> all_sends(BcastAlgo algo, int q) {
  std::vector<Send> s;
  switch (algo) {
    case BcastAlgo::ring:
      chain(s, 1, q - 1);
      break;
    case BcastAlgo::ring_modified:
      if (q > 1) s.push_back({0, 1, 0});
      chain(s, 2, q - 1);
      break;
    case BcastAlgo::two_ring: {
      const int mid = 1 + (q - 1 + 1) / 2;  // first rank of the second ring
      chain(s, 1, mid - 1);
      chain(s, mid, q - 1);
      break;
    }
    case BcastAlgo::two_ring_modified: {
      if (q > 1) s.push_back({0, 1, 0});
      const int mid = 2 + (q - 2 + 1) / 2;
      chain(s, 2, mid - 1);
      chain(s, mid, q - 1);
      break;
    }
    case BcastAlgo::long_roll:
      for (int r = 1; r < q; ++r) s.push_back({0, r, r});  // spread: piece r to rank r
      // Roll: rank r passes on r, r-1, ..., r-(q-2) (mod q), each as it arrives; the last
      // rank's sends would return to the root, which has everything, so it sends none.
      for (int r = 0; r < q - 1; ++r)
        for (int step = 0; step < q - 1; ++step) s.push_back({r, r + 1, ((r - step) % q + q) % q});
      break;
    case BcastAlgo::ibcast:
      throw std::logic_error("bcast_schedule: ibcast is MPI's own broadcast");
  }
  return s;
}

}  // namespace

const char* bcast_name(BcastAlgo algo) {
  for (const auto& n : kNames)
    if (n.algo == algo) return n.name;
  return "?";
}

bool parse_bcast(const std::string& name, BcastAlgo& algo) {
  for (const auto& n : kNames)
    if (name == n.name) {
      algo = n.algo;
      return true;
    }
  return false;
}

BcastAlgo bcast_from_hpl_dat(int code) {
  constexpr BcastAlgo kByCode[] = {BcastAlgo::ring,     BcastAlgo::ring_modified, BcastAlgo::two_ring,
                                   BcastAlgo::two_ring_modified, BcastAlgo::long_roll, BcastAlgo::long_roll};
  return code >= 0 && code < 6 ? kByCode[code] : BcastAlgo::ring_modified;
}

BcastSchedule bcast_schedule(BcastAlgo algo, int q, int me, std::int64_t count) {
  BcastSchedule out;
  const int npieces = algo == BcastAlgo::long_roll ? q : 1;
  for (int i = 0; i < npieces; ++i)
    out.pieces.push_back({count * i / npieces, count * (i + 1) / npieces - count * i / npieces});
  out.held_at_start.assign(npieces, me == 0);
  // The spread gives rank r piece r before the roll brings the rest, so the receiver lists
  // below follow each sender's order and one tag per panel suffices (MPI keeps the order of
  // messages between two ranks with the same tag).
  for (const Send& s : all_sends(algo, q)) {
    if (s.from == me) out.sends.push_back({s.to, s.piece});
    if (s.to == me) out.receives.push_back({s.from, s.piece});
  }
  return out;
}

}  // namespace bramble::hpl
