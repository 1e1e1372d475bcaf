#pragma once
// A node's sampler: a thread that reads the node's power source and health at a fixed
// interval and keeps every sample. It runs on one rank per node (or per plug) alongside
// that rank's kernel work; it never calls MPI. Each read is a few small file reads (or one
// HTTP request / one command for plugs, BMCs and the Pi PMIC), so at 10 Hz it costs the
// kernels well under 1% (benchmarks/compare/power_overhead.sh measures it).
//
// A failed read (any exception, not only PowerError: a parser meeting output it never saw
// must not kill the rank) is kept as a failed sample with the error counted, so a sensor
// that goes away mid-run shows up in the results instead of stopping the run. Reads happen
// outside the lock that guards the samples, so a slow plug never blocks samples(). Each
// source bounds its own reads (HTTP deadline, command timeout), so stop() waits at most
// that long for a read in progress.
#include <chrono>
#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "power/clock.hpp"
#include "power/sources/power_source.hpp"
#include "power/sample.hpp"
#include "power/telemetry.hpp"

namespace bramble::power {

class Sampler {
 public:
  // `source` may be null: then only health is sampled. `clock` is injectable for tests.
  Sampler(std::unique_ptr<PowerSource> source, TelemetryReader telemetry, double interval_seconds,
          std::function<Instant()> clock = now);
  ~Sampler();
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  void start();        // first sample at once, then every interval on a schedule that does not drift
  void stop();         // joins the thread; idempotent
  void sample_once();  // one sample now (tests drive the sampler this way, without the thread)

  std::vector<Sample> samples() const;  // a copy, safe while the thread runs
  bool has_sample_after(double t_mono) const;  // cheap: no copy
  std::string telemetry_description() const { return telemetry_.describe(); }
  const PowerSource* source() const { return source_.get(); }
  double interval() const { return interval_; }
  int errors() const;
  std::string first_error() const;  // "" if none; says whether the source vanished mid-run
  int wraps() const;
  // The source is not answering now: its latest reading failed, or the read in progress has
  // taken over stall_seconds(). Whoever waits for a reading (the end of a kernel's phase)
  // stops waiting then: a hung plug must cost the kernels nothing.
  bool stalled() const;
  double stall_seconds() const;
  // The read in progress, when it has taken over stall_seconds(): it has not failed yet (its
  // own timeout will end it), but a phase that ends now must count it as failed.
  struct OverdueRead {
    double t_mono = 0;          // when it started, on the samples' clock
    double waited_seconds = 0;  // so far
    int good_before = 0;        // good readings before it, in the run
  };
  std::optional<OverdueRead> overdue_read() const;

 private:
  std::unique_ptr<PowerSource> source_;
  TelemetryReader telemetry_;
  double interval_;
  std::function<Instant()> clock_;

  std::mutex read_mutex_;     // one reader of the source at a time (the thread, or a test)
  mutable std::mutex mutex_;  // guards the samples and counters below, never held during a read
  std::vector<Sample> samples_;
  int errors_ = 0, good_ = 0, wraps_ = 0;
  bool reading_ = false;  // a read of the source is in progress, started at read_start_
  std::chrono::steady_clock::time_point read_start_;
  double read_start_mono_ = 0;  // the same moment on the samples' clock
  std::string first_error_;
  std::condition_variable_any wake_;
  std::jthread thread_;
};

}  // namespace bramble::power
