#pragma once
// Who sends which piece of a panel to whom, for each of HPL's panel broadcasts.
//
// A panel travels along a process row from the process column that factored it (the root)
// to every other column. MPI_Ibcast would do, but HPL's own broadcasts are written for
// slow links, and they differ in who forwards and in how much the root itself sends:
//   1ring   root -> 1 -> 2 -> ... -> Q-1: the root sends once, every other rank forwards.
//   1ringM  "modified": the root sends to 1 first (the next panel's owner, who needs it
//           soonest and forwards nothing), then to 2, which starts the ring 2 -> 3 -> ...
//   2ring   two rings, root -> 1 -> ... and root -> (middle) -> ..., half as long.
//   2ringM  the root sends to 1 first, then two rings over 2 .. Q-1.
//   long    the panel cut into Q pieces: the root scatters piece r to rank r ("spread"),
//           then every rank passes pieces along one ring, Q-1 steps ("roll"). Each rank
//           sends about one panel in all, however large Q is: bandwidth-optimal.
// Ranks here are relative to the root (0 = root). The schedule is plain data, so it can be
// checked without MPI: every rank ends with every piece, and no rank forwards a piece before
// it has it.
#include <cstdint>
#include <string>
#include <vector>

namespace bramble::hpl {

enum class BcastAlgo { ibcast, ring, ring_modified, two_ring, two_ring_modified, long_roll };

// "ibcast", "1ring", "1ringM", "2ring", "2ringM", "long"; HPL.dat's BCAST numbers 0..5 map
// to 1ring, 1ringM, 2ring, 2ringM, long, long (HPL's 5, "long modified", runs as long).
const char* bcast_name(BcastAlgo algo);
bool parse_bcast(const std::string& name, BcastAlgo& algo);
BcastAlgo bcast_from_hpl_dat(int code);

struct BcastPiece {
  std::int64_t offset = 0, count = 0;  // in doubles
};

struct BcastTransfer {
  int peer = 0;   // relative rank
  int piece = 0;  // index into pieces
};

// One rank's part: the pieces it starts with (the root: all), what it sends in order (each
// send waits for its piece), and what it receives, per sender in that sender's order.
struct BcastSchedule {
  std::vector<BcastPiece> pieces;
  std::vector<bool> held_at_start;
  std::vector<BcastTransfer> sends;
  std::vector<BcastTransfer> receives;
};

// The schedule of relative rank `me` among `q` ranks for a message of `count` doubles.
// Not for BcastAlgo::ibcast (MPI's own).
BcastSchedule bcast_schedule(BcastAlgo algo, int q, int me, std::int64_t count);

}  // namespace bramble::hpl
