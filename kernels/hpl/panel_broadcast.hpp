#pragma once
// One panel's broadcast along a process row, in progress while the rank computes.
//
// Over TCP, MPI moves a message only while some MPI call runs on both ends, so a broadcast
// started before a long DGEMM would otherwise wait for its end. The LU therefore calls
// progress() between chunks of its trailing update; progress() also forwards pieces that
// arrived (ring and long broadcasts), which MPI_Ibcast's own schedule does inside MPI.
//
// Two moments matter: received() - the panel is all here and may be read - and done() -
// my sends have left too, so the buffer may be reused for another panel.
#include <mpi.h>

#include <cstdint>
#include <vector>

#include "hpl/bcast_schedule.hpp"

namespace bramble::hpl {

class PanelBroadcast {
 public:
  PanelBroadcast() = default;
  PanelBroadcast(const PanelBroadcast&) = delete;
  PanelBroadcast& operator=(const PanelBroadcast&) = delete;
  ~PanelBroadcast();  // waits for anything still in flight

  // Starts broadcasting `count` doubles at `buf` from `root` of `comm` (every rank of comm
  // calls it with the same count, root, algo and tag). The buffer must stay put until done().
  void start(double* buf, std::int64_t count, int root, MPI_Comm comm, BcastAlgo algo, int tag);

  void progress();        // never blocks
  bool received() const;  // every piece is here
  bool done() const;      // received, and my sends have completed
  // Until done(); a no-op when nothing was started. The LU never waits on one panel alone
  // (it polls them all: see lu_factor.cpp), so this is only for reusing the buffer.
  void wait_done();

 private:
  void post_ready_send();  // the next send in order, once its piece is here and none is out
  void complete(int index);
  void wait_one();

  double* buf_ = nullptr;
  MPI_Comm comm_ = MPI_COMM_NULL;
  int root_ = 0, q_ = 1, tag_ = 0;
  bool native_ = false;  // MPI_Ibcast
  BcastSchedule plan_;
  std::vector<bool> held_;
  std::size_t next_send_ = 0;
  std::size_t missing_ = 0;
  // requests_[0] is the send in flight (or the Ibcast); the rest are the receives.
  std::vector<MPI_Request> requests_;
};

}  // namespace bramble::hpl
