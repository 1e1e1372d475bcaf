#include "power/sampler.hpp"

#include <algorithm>
#include <chrono>

namespace bramble::power {

Sampler::Sampler(std::unique_ptr<PowerSource> source, TelemetryReader telemetry, double interval_seconds,
                 std::function<Instant()> clock)
    : source_(std::move(source)), telemetry_(std::move(telemetry)), interval_(interval_seconds), clock_(std::move(clock)) {
  samples_.reserve(4096);
}

Sampler::~Sampler() { stop(); }

void Sampler::sample_once() {
  std::lock_guard reading(read_mutex_);
  Sample s;
  const Instant t = clock_();
  s.t_mono = t.mono;
  s.t_real = t.real;
  std::string error;
  if (source_) {
    {
      std::lock_guard lock(mutex_);
      reading_ = true;
      read_start_ = std::chrono::steady_clock::now();
      read_start_mono_ = t.mono;
    }
    try {
      const Reading r = source_->read();
      if (r.cumulative)
        s.joules = r.joules;
      else
        s.watts = r.watts;
      s.ok = true;
    } catch (const std::exception& e) {
      error = e.what();
    }
  }
  const Health h = telemetry_.read();
  s.temp_c = h.temp_c;
  s.clock_mhz = h.clock_mhz;
  s.throttled = h.throttled;
  const int wraps = source_ ? source_->wraps() : 0;

  std::lock_guard lock(mutex_);
  reading_ = false;
  if (s.ok) {
    ++good_;
  } else if (source_ && errors_++ == 0) {
    first_error_ = good_ > 0 ? error + " (the source vanished mid-run, after " + std::to_string(good_) + " good readings)"
                             : error;
  }
  wraps_ = wraps;
  samples_.push_back(s);
}

void Sampler::start() {
  if (thread_.joinable()) return;
  thread_ = std::jthread([this](std::stop_token stop) {
    using clock = std::chrono::steady_clock;
    const auto period = std::chrono::duration_cast<clock::duration>(std::chrono::duration<double>(interval_));
    auto next = clock::now();
    while (!stop.stop_requested()) {
      sample_once();
      next += period;
      if (next < clock::now()) next = clock::now();  // a slow read: skip, don't catch up in a burst
      std::unique_lock lock(mutex_);
      wake_.wait_until(lock, stop, next, [] { return false; });  // wakes early only to stop
    }
  });
}

void Sampler::stop() {
  if (!thread_.joinable()) return;
  thread_.request_stop();
  thread_.join();
}

std::vector<Sample> Sampler::samples() const {
  std::lock_guard lock(mutex_);
  return samples_;
}

bool Sampler::has_sample_after(double t_mono) const {
  std::lock_guard lock(mutex_);
  return !samples_.empty() && samples_.back().t_mono >= t_mono;
}

int Sampler::errors() const {
  std::lock_guard lock(mutex_);
  return errors_;
}

std::string Sampler::first_error() const {
  std::lock_guard lock(mutex_);
  return first_error_;
}

// A healthy source answers well within its interval (the schedule assumes so); twice that,
// or a second for fast sources, is time enough to say it is not answering.
double Sampler::stall_seconds() const { return std::max(2 * interval_, 1.0); }

bool Sampler::stalled() const {
  {
    std::lock_guard lock(mutex_);
    if (!source_) return false;
    if (!samples_.empty() && !samples_.back().ok) return true;
  }
  return overdue_read().has_value();
}

std::optional<Sampler::OverdueRead> Sampler::overdue_read() const {
  std::lock_guard lock(mutex_);
  if (!reading_) return std::nullopt;
  const double waited = std::chrono::duration<double>(std::chrono::steady_clock::now() - read_start_).count();
  if (!(waited > stall_seconds())) return std::nullopt;
  return OverdueRead{read_start_mono_, waited, good_};
}

int Sampler::wraps() const {
  std::lock_guard lock(mutex_);
  return wraps_;
}

}  // namespace bramble::power
