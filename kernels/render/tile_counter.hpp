#pragma once
// The dynamic schedule's shared counter "next tile", kept by rank 0 and handed out with
// plain two-sided messages.
//
// Why not one-sided (MPI_Fetch_and_op on a window)? Between hosts over TCP, Debian's Open
// MPI has no one-sided component enabled (its config excludes osc pt2pt), so a window
// aborts with MPI_ERR_WIN unless every user passes `--mca osc pt2pt`. And over TCP rank 0
// only answers a remote atomic when it next enters MPI anyway. So rank 0 answers requests
// itself, at points it chooses: `serve()` between the rows of its own tiles.
//
// The protocol, on a communicator of its own (a duplicate, so no other message can match):
//   worker:  send "request" to rank 0, receive the answer: a tile index, or "none".
//            To hide the round trip it asks for tile k+1 as soon as it is given tile k.
//   rank 0:  a receive posted for each worker's next request; serve() answers every request
//            that has arrived with the counter's next value. Rank 0 takes its own tiles from
//            the same counter, without messages. When the tiles run out each worker is told
//            "none" once, at its next request, and stops asking; finish() answers until all
//            have been told, so no message is left in flight.
// Every request gets exactly one answer and every index is given out once, in order.
#include <mpi.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <vector>

namespace bramble::render {

class TileCounter {
 public:
  // Collective over `comm`: duplicates it. Hands out 0, 1, ..., tiles - 1.
  TileCounter(MPI_Comm comm, std::size_t tiles);
  ~TileCounter();  // collective: frees the duplicate
  TileCounter(const TileCounter&) = delete;
  TileCounter& operator=(const TileCounter&) = delete;

  // The next tile for this rank, or nothing when all have been handed out. A worker waits
  // for rank 0's answer (usually already here: it was asked for one tile ahead); rank 0
  // first answers whatever requests are waiting.
  std::optional<std::size_t> take();

  // Rank 0: answers every request that has arrived, without waiting. Elsewhere: nothing.
  void serve();

  // Call once take() has returned nothing. Rank 0: answers requests until every worker has
  // been told "none". Elsewhere: nothing (a worker has then been told already).
  void finish();

  bool is_server() const { return rank_ == 0; }

 private:
  void ask();                   // worker: post the receive for the answer, then request
  void answer(std::size_t w);   // rank 0: reply to worker w (rank w + 1)
  std::int64_t next_or_none();  // rank 0: the counter's next value, or kNone

  static constexpr std::int64_t kNone = -1;
  static constexpr int kRequestTag = 1, kAnswerTag = 2;

  MPI_Comm comm_ = MPI_COMM_NULL;
  int rank_ = 0;
  std::int64_t tiles_ = 0;
  // Rank 0: the counter, one posted receive per worker, and how many were told "none".
  std::int64_t next_ = 0;
  std::vector<MPI_Request> requests_;
  std::vector<int> arrived_;
  std::size_t told_ = 0;
  // Worker: the answer being waited for.
  std::int64_t answer_ = kNone;
  MPI_Request pending_ = MPI_REQUEST_NULL;
};

}  // namespace bramble::render
