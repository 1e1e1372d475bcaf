#include "hpl/panel_broadcast.hpp"

#include <climits>
#include <stdexcept>

namespace bramble::hpl {
namespace {

int absolute(int relative, int root, int q) { return (relative + root) % q; }

int as_count(std::int64_t count) {
  if (count > INT_MAX) throw std::length_error("panel broadcast: a piece is larger than MPI's int count");
  return static_cast<int>(count);
}

}  // namespace

PanelBroadcast::~PanelBroadcast() {
  for (auto& r : requests_)
    if (r != MPI_REQUEST_NULL) MPI_Wait(&r, MPI_STATUS_IGNORE);
}

void PanelBroadcast::start(double* buf, std::int64_t count, int root, MPI_Comm comm, BcastAlgo algo,
                           int tag) {
  wait_done();
  buf_ = buf;
  comm_ = comm;
  root_ = root;
  tag_ = tag;
  MPI_Comm_size(comm, &q_);
  int me = 0;
  MPI_Comm_rank(comm, &me);
  native_ = algo == BcastAlgo::ibcast || q_ == 1;
  requests_.assign(1, MPI_REQUEST_NULL);
  if (native_) {
    plan_ = BcastSchedule{};
    held_.assign(1, me == root);  // the root reads its own panel at once
    missing_ = me == root ? 0 : 1;
    MPI_Ibcast(buf, as_count(count), MPI_DOUBLE, root, comm, &requests_[0]);
    return;
  }
  plan_ = bcast_schedule(algo, q_, (me - root + q_) % q_, count);
  held_ = plan_.held_at_start;
  missing_ = 0;
  for (bool h : held_) missing_ += h ? 0 : 1;
  next_send_ = 0;
  // Every receive is posted at once: data that arrives early lands in place.
  for (const BcastTransfer& r : plan_.receives) {
    const BcastPiece& p = plan_.pieces[static_cast<std::size_t>(r.piece)];
    requests_.push_back(MPI_REQUEST_NULL);
    MPI_Irecv(buf + p.offset, as_count(p.count), MPI_DOUBLE, absolute(r.peer, root, q_), tag, comm,
              &requests_.back());
  }
  post_ready_send();
}

// One send at a time, in the schedule's order: on a single link, two sends at once would
// share it, and the rank that needs the panel first (1ringM's rank 1) would wait longer.
void PanelBroadcast::post_ready_send() {
  if (native_ || requests_[0] != MPI_REQUEST_NULL || next_send_ >= plan_.sends.size()) return;
  const BcastTransfer& s = plan_.sends[next_send_];
  if (!held_[static_cast<std::size_t>(s.piece)]) return;
  const BcastPiece& p = plan_.pieces[static_cast<std::size_t>(s.piece)];
  MPI_Isend(buf_ + p.offset, as_count(p.count), MPI_DOUBLE, absolute(s.peer, root_, q_), tag_, comm_,
            &requests_[0]);
  ++next_send_;
}

void PanelBroadcast::complete(int index) {
  if (native_) {
    held_[0] = true;
    missing_ = 0;
    return;
  }
  if (index > 0) {  // a receive: its piece is here
    held_[static_cast<std::size_t>(plan_.receives[static_cast<std::size_t>(index - 1)].piece)] = true;
    --missing_;
  }
  post_ready_send();
}

void PanelBroadcast::progress() {
  if (requests_.empty()) return;
  for (;;) {
    int index = MPI_UNDEFINED, flag = 0;
    MPI_Testany(static_cast<int>(requests_.size()), requests_.data(), &index, &flag, MPI_STATUS_IGNORE);
    if (!flag || index == MPI_UNDEFINED) return;
    complete(index);
  }
}

void PanelBroadcast::wait_one() {
  int index = MPI_UNDEFINED;
  MPI_Waitany(static_cast<int>(requests_.size()), requests_.data(), &index, MPI_STATUS_IGNORE);
  if (index == MPI_UNDEFINED) throw std::logic_error("panel broadcast: waiting with nothing in flight");
  complete(index);
}

bool PanelBroadcast::received() const { return missing_ == 0; }

bool PanelBroadcast::done() const {
  if (!received()) return false;
  for (MPI_Request r : requests_)
    if (r != MPI_REQUEST_NULL) return false;
  return native_ || next_send_ >= plan_.sends.size();
}

void PanelBroadcast::wait_done() {
  if (requests_.empty()) return;
  while (!done()) wait_one();
}

}  // namespace bramble::hpl
