#include "render/tile_counter.hpp"

namespace bramble::render {
namespace {

// A receive still posted when the counter goes away (only after an exception part way):
// cancelled, so neither it nor the communicator outlives the counter.
void cancel(MPI_Request& request) {
  if (request == MPI_REQUEST_NULL) return;
  MPI_Cancel(&request);
  MPI_Wait(&request, MPI_STATUS_IGNORE);
}

}  // namespace

TileCounter::TileCounter(MPI_Comm comm, std::size_t tiles) : tiles_(static_cast<std::int64_t>(tiles)) {
  MPI_Comm_dup(comm, &comm_);
  int ranks = 1;
  MPI_Comm_rank(comm_, &rank_);
  MPI_Comm_size(comm_, &ranks);
  if (!is_server()) return;
  requests_.assign(std::size_t(ranks - 1), MPI_REQUEST_NULL);
  arrived_.resize(requests_.size());
  for (std::size_t w = 0; w < requests_.size(); ++w)
    MPI_Irecv(nullptr, 0, MPI_BYTE, int(w) + 1, kRequestTag, comm_, &requests_[w]);
}

TileCounter::~TileCounter() {
  for (MPI_Request& r : requests_) cancel(r);
  cancel(pending_);
  MPI_Comm_free(&comm_);
}

std::optional<std::size_t> TileCounter::take() {
  if (is_server()) {
    serve();  // the others first: they are waiting, rank 0 is not
    const std::int64_t mine = next_or_none();
    if (mine == kNone) return std::nullopt;
    return std::size_t(mine);
  }
  if (pending_ == MPI_REQUEST_NULL) ask();  // the first call; later ones asked ahead
  MPI_Wait(&pending_, MPI_STATUS_IGNORE);
  if (answer_ == kNone) return std::nullopt;  // told once; rank 0 expects nothing more
  const auto tile = std::size_t(answer_);
  ask();  // for the tile after this one, while this one renders
  return tile;
}

void TileCounter::serve() {
  if (!is_server() || told_ == requests_.size()) return;
  int count = 0;
  MPI_Testsome(int(requests_.size()), requests_.data(), &count, arrived_.data(), MPI_STATUSES_IGNORE);
  for (int i = 0; i < count; ++i) answer(std::size_t(arrived_[std::size_t(i)]));  // MPI_UNDEFINED: none
}

void TileCounter::finish() {
  if (!is_server()) return;
  while (told_ < requests_.size()) {
    int count = 0;
    MPI_Waitsome(int(requests_.size()), requests_.data(), &count, arrived_.data(), MPI_STATUSES_IGNORE);
    for (int i = 0; i < count; ++i) answer(std::size_t(arrived_[std::size_t(i)]));
  }
}

void TileCounter::ask() {
  // The answer's receive goes first, so rank 0's reply always finds it and never waits.
  MPI_Irecv(&answer_, 1, MPI_INT64_T, 0, kAnswerTag, comm_, &pending_);
  MPI_Send(nullptr, 0, MPI_BYTE, 0, kRequestTag, comm_);
}

void TileCounter::answer(std::size_t w) {
  const std::int64_t tile = next_or_none();
  MPI_Send(&tile, 1, MPI_INT64_T, int(w) + 1, kAnswerTag, comm_);
  if (tile == kNone)
    ++told_;  // it asks no more: its receive stays closed
  else
    MPI_Irecv(nullptr, 0, MPI_BYTE, int(w) + 1, kRequestTag, comm_, &requests_[w]);
}

std::int64_t TileCounter::next_or_none() { return next_ < tiles_ ? next_++ : kNone; }

}  // namespace bramble::render
