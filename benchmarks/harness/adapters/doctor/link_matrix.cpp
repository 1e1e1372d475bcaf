#include "adapters/doctor/link_matrix.hpp"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <thread>
#include <limits>

#include "adapters/doctor/outliers.hpp"
#include "adapters/doctor/quiet_barrier.hpp"
#include "common/splitmix.hpp"
#include "core/comm_info.hpp"
#include "core/gather.hpp"

namespace bramble::doctor {
namespace {

constexpr int kTagPing = 1, kTagData = 2, kTagAck = 3;
constexpr int kUntimedRoundTrips = 10;
constexpr double kPretendBytesPerSecond = 12.5e6;  // LinkPlan::slow_node: 100 Mbit/s
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// What `from` sends `to`: a pattern of its own per direction, so a message delivered to the
// wrong place or mixed up with another would not pass the check either.
std::vector<std::uint64_t> payload(int bytes, int from, int to) {
  std::vector<std::uint64_t> words(static_cast<std::size_t>(bytes) / sizeof(std::uint64_t));
  const std::uint64_t seed = (std::uint64_t(from) << 48) ^ (std::uint64_t(to) << 32);
  for (std::size_t i = 0; i < words.size(); ++i) words[i] = mix64(seed + i);
  return words;
}

// The q-quantile (0..1) of `values`, nearest rank; NaN for none.
double quantile(std::vector<double> values, double q) {
  if (values.empty()) return kNaN;
  std::sort(values.begin(), values.end());
  const auto rank = static_cast<std::size_t>(std::ceil(q * double(values.size())));
  return values[std::min(values.size() - 1, rank == 0 ? 0 : rank - 1)];
}

struct Latency {
  double best = kNaN, p50 = kNaN, p90 = kNaN, p99 = kNaN;  // one way, microseconds
};

// Half of each timed round trip; run by the pair's starter.
Latency ping(MPI_Comm c, int peer, int round_trips) {
  char msg[8] = {};
  std::vector<double> half;
  for (int i = -kUntimedRoundTrips; i < round_trips; ++i) {
    const double t0 = MPI_Wtime();
    MPI_Send(msg, sizeof msg, MPI_BYTE, peer, kTagPing, c);
    MPI_Recv(msg, sizeof msg, MPI_BYTE, peer, kTagPing, c, MPI_STATUS_IGNORE);
    if (i >= 0) half.push_back((MPI_Wtime() - t0) / 2 * 1e6);
  }
  return {quantile(half, 0), median(half), quantile(half, 0.90), quantile(half, 0.99)};
}

void pong(MPI_Comm c, int peer, int round_trips) {
  char msg[8] = {};
  for (int i = -kUntimedRoundTrips; i < round_trips; ++i) {
    MPI_Recv(msg, sizeof msg, MPI_BYTE, peer, kTagPing, c, MPI_STATUS_IGNORE);
    MPI_Send(msg, sizeof msg, MPI_BYTE, peer, kTagPing, c);
  }
}

// MB/s of the best of message_reps messages, each timed to its ack, after one untimed. A
// pretended slow link holds each message until 100 Mbit/s would have delivered it.
double send_messages(MPI_Comm c, int peer, const std::vector<std::uint64_t>& data, bool pretend_slow,
                     const LinkPlan& plan) {
  double best = 0;
  for (int m = -1; m < plan.message_reps; ++m) {
    const double t0 = MPI_Wtime();
    MPI_Send(data.data(), plan.message_bytes, MPI_BYTE, peer, kTagData, c);
    if (pretend_slow) {
      const double until = t0 + double(plan.message_bytes) / kPretendBytesPerSecond;
      while (MPI_Wtime() < until) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    MPI_Recv(nullptr, 0, MPI_BYTE, peer, kTagAck, c, MPI_STATUS_IGNORE);
    if (m >= 0) best = std::max(best, double(plan.message_bytes) / (MPI_Wtime() - t0) / 1e6);
  }
  return best;
}

// Receives send_messages' messages; true if the last one is exactly `expected`.
bool receive_messages(MPI_Comm c, int peer, const std::vector<std::uint64_t>& expected, const LinkPlan& plan) {
  std::vector<std::uint64_t> got(expected.size(), 0);
  for (int m = -1; m < plan.message_reps; ++m) {
    MPI_Recv(got.data(), plan.message_bytes, MPI_BYTE, peer, kTagData, c, MPI_STATUS_IGNORE);
    MPI_Send(nullptr, 0, MPI_BYTE, peer, kTagAck, c);
  }
  return got == expected;
}

// This leader's half of the pair (a, b); appends what it measured as
// (from, to, MB/s, best us, P50 us, P90 us, P99 us).
bool measure_pair(MPI_Comm c, const Pair& pair, const LinkPlan& plan, std::vector<double>& mine) {
  const int me = comm_rank(c);
  const int peer = me == pair.first ? pair.second : pair.first;
  const bool pretend_slow = plan.slow_node == pair.first || plan.slow_node == pair.second;
  Latency latency[2];  // [0]: started by a, [1]: by b
  for (int starter = 0; starter < 2; ++starter) {
    const bool mine_to_start = me == (starter == 0 ? pair.first : pair.second);
    if (mine_to_start)
      latency[starter] = ping(c, peer, plan.round_trips);
    else
      pong(c, peer, plan.round_trips);
  }
  bool ok = true;
  for (int sender = 0; sender < 2; ++sender) {
    const int from = sender == 0 ? pair.first : pair.second, to = sender == 0 ? pair.second : pair.first;
    const std::vector<std::uint64_t> data = payload(plan.message_bytes, from, to);
    if (me == from) {
      const double mbs = send_messages(c, peer, data, pretend_slow, plan);
      const Latency& l = latency[sender];
      mine.insert(mine.end(), {double(from), double(to), mbs, l.best, l.p50, l.p90, l.p99});
    } else {
      ok = receive_messages(c, peer, data, plan) && ok;
    }
  }
  return ok;
}

}  // namespace

LinkMatrix measure_links(MPI_Comm leaders, const std::vector<Round>& rounds, const LinkPlan& plan) {
  const int me = comm_rank(leaders);
  LinkMatrix m;
  m.nodes = comm_size(leaders);
  quiet_barrier(leaders);
  const double t0 = MPI_Wtime();
  std::vector<double> mine;
  int ok = 1;
  for (const Round& round : rounds) {
    for (const Pair& pair : round)
      if (pair.first == me || pair.second == me) ok = measure_pair(leaders, pair, plan, mine) ? ok : 0;
    quiet_barrier(leaders);  // the next round starts when every pair of this one is done
  }
  m.seconds = MPI_Wtime() - t0;
  MPI_Allreduce(MPI_IN_PLACE, &ok, 1, MPI_INT, MPI_MIN, leaders);
  m.payload_ok = ok == 1;

  const auto all = gather_doubles(leaders, mine);  // rank 0 only
  const auto cells = static_cast<std::size_t>(m.nodes) * static_cast<std::size_t>(m.nodes);
  for (auto* matrix : {&m.mbs, &m.latency_best_us, &m.latency_us, &m.latency_p90_us, &m.latency_p99_us})
    matrix->assign(cells, kNaN);
  for (const auto& entries : all)
    for (std::size_t i = 0; i + 6 < entries.size(); i += 7) {
      const auto cell = static_cast<std::size_t>(entries[i]) * m.nodes + static_cast<std::size_t>(entries[i + 1]);
      m.mbs[cell] = entries[i + 2];
      m.latency_best_us[cell] = entries[i + 3];
      m.latency_us[cell] = entries[i + 4];
      m.latency_p90_us[cell] = entries[i + 5];
      m.latency_p99_us[cell] = entries[i + 6];
    }
  return m;
}

void keep_best(LinkMatrix& best, const LinkMatrix& again) {
  if (best.mbs.empty()) {
    best = again;
    return;
  }
  for (std::size_t cell = 0; cell < best.mbs.size() && cell < again.mbs.size(); ++cell) {
    best.mbs[cell] = std::fmax(best.mbs[cell], again.mbs[cell]);  // fmax/fmin skip a NaN
    best.latency_best_us[cell] = std::fmin(best.latency_best_us[cell], again.latency_best_us[cell]);
    best.latency_us[cell] = std::fmin(best.latency_us[cell], again.latency_us[cell]);
    best.latency_p90_us[cell] = std::fmin(best.latency_p90_us[cell], again.latency_p90_us[cell]);
    best.latency_p99_us[cell] = std::fmin(best.latency_p99_us[cell], again.latency_p99_us[cell]);
  }
  best.payload_ok = best.payload_ok && again.payload_ok;
  best.seconds += again.seconds;
}

std::vector<Round> pairs_with(const std::vector<Round>& rounds, const std::vector<int>& nodes) {
  const auto listed = [&](int node) { return std::find(nodes.begin(), nodes.end(), node) != nodes.end(); };
  std::vector<Round> out;
  for (const Round& round : rounds) {
    Round kept;
    for (const Pair& pair : round)
      if (listed(pair.first) || listed(pair.second)) kept.push_back(pair);
    if (!kept.empty()) out.push_back(std::move(kept));
  }
  return out;
}

std::vector<double> per_node_median(const std::vector<double>& matrix, int nodes) {
  std::vector<double> out;
  for (int i = 0; i < nodes; ++i) {
    std::vector<double> pairs;
    for (int j = 0; j < nodes; ++j) {
      if (j == i) continue;
      for (double v : {matrix[std::size_t(i) * nodes + j], matrix[std::size_t(j) * nodes + i]})
        if (!std::isnan(v)) pairs.push_back(v);  // NaN: a pair not measured
    }
    out.push_back(median(pairs));
  }
  return out;
}

}  // namespace bramble::doctor
