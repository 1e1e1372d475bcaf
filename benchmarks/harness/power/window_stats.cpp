#include "power/window_stats.hpp"

#include <algorithm>

namespace bramble::power {
namespace {

double value_of(const Sample& s, bool cumulative) { return cumulative ? s.joules : s.watts; }

// Linear interpolation of the reading at t, between the good samples around it.
double reading_at(const std::vector<const Sample*>& good, double t, bool cumulative) {
  const auto hi = std::upper_bound(good.begin(), good.end(), t, [](double v, const Sample* s) { return v < s->t_mono; });
  if (hi == good.begin()) return value_of(*good.front(), cumulative);
  if (hi == good.end()) return value_of(*good.back(), cumulative);
  const Sample& a = **(hi - 1);
  const Sample& b = **hi;
  const double va = value_of(a, cumulative), vb = value_of(b, cumulative);
  return va + (vb - va) * (t - a.t_mono) / (b.t_mono - a.t_mono);
}

void take_min(double& m, double v) {
  if (!std::isnan(v) && (std::isnan(m) || v < m)) m = v;
}
void take_max(double& m, double v) {
  if (!std::isnan(v) && (std::isnan(m) || v > m)) m = v;
}

// One pass over the windows, in four parts: energy, sample counts, health, staleness.
class WindowScan {
 public:
  WindowScan(const std::vector<Sample>& samples, bool cumulative) : samples_(samples), cumulative_(cumulative) {
    st.cumulative = cumulative;
    for (const Sample& s : samples)
      if (s.ok && !std::isnan(value_of(s, cumulative))) good_.push_back(&s);
  }

  void add(const Window& w) {
    if (!(w.t1 > w.t0)) return;
    st.seconds += w.t1 - w.t0;
    add_energy(w);
    add_counts(w);
    add_health(w);
  }

  // How long a reading stayed exactly the same, across the whole phase (from the first
  // window's start to the last one's end, gaps included: a frozen sensor stays frozen).
  void add_longest_repeat(const std::vector<Window>& windows) {
    if (windows.empty()) return;
    const Sample* run_start = nullptr;
    for (auto it = good_from(windows.front().t0); it != good_.end() && (*it)->t_mono <= windows.back().t1; ++it) {
      if (!run_start || value_of(**it, cumulative_) != value_of(*run_start, cumulative_)) run_start = *it;
      st.longest_repeat = std::max(st.longest_repeat, (*it)->t_mono - run_start->t_mono);
    }
  }

  // Failed readings across the whole phase, gaps between windows included: a source that
  // fails while a kernel verifies one repetition, between two timed ones, failed during the
  // phase all the same. Counting only inside the windows made the count depend on where the
  // failures fell, which a busy machine moves (issue 21: cli.power_plug_stops under load).
  void add_failed(const std::vector<Window>& windows) {
    if (windows.empty()) return;
    const auto first = std::lower_bound(samples_.begin(), samples_.end(), windows.front().t0,
                                        [](const Sample& s, double v) { return s.t_mono < v; });
    for (auto it = first; it != any_after(windows.back().t1); ++it)
      if (!it->ok) ++st.failed;
  }

  WindowStats finish() {
    if (steps_ > 0) st.interval = spans_ / steps_;
    if (st.covered > 0) st.mean_watts = st.joules / st.covered;
    return st;
  }

  WindowStats st;

 private:
  using Good = std::vector<const Sample*>::const_iterator;
  // Samples are in time order: each window's samples are found by binary search, so a phase
  // of many short windows (STREAM iterations) costs O(windows x log samples).
  Good good_from(double t) const {  // first good sample at or after t
    return std::lower_bound(good_.begin(), good_.end(), t, [](const Sample* s, double v) { return s->t_mono < v; });
  }
  Good good_after(double t) const {  // first good sample after t
    return std::upper_bound(good_.begin(), good_.end(), t, [](double v, const Sample* s) { return v < s->t_mono; });
  }
  std::vector<Sample>::const_iterator any_after(double t) const {  // first sample after t
    return std::upper_bound(samples_.begin(), samples_.end(), t, [](double v, const Sample& s) { return v < s.t_mono; });
  }

  void watts_seen(double w) {
    take_min(st.min_watts, w);
    take_max(st.max_watts, w);
  }

  // Energy over the covered part of the window: a counter's difference, or the trapezoid
  // rule over power readings, interpolated at the edges.
  void add_energy(const Window& w) {
    if (good_.size() < 2) return;
    const double from = std::max(w.t0, good_.front()->t_mono), to = std::min(w.t1, good_.back()->t_mono);
    if (!(to > from)) return;
    st.covered += to - from;
    if (cumulative_) {
      st.joules += reading_at(good_, to, true) - reading_at(good_, from, true);
      return;
    }
    double prev_t = from, prev_w = reading_at(good_, from, false);
    watts_seen(prev_w);
    for (auto it = good_after(from); it != good_.end() && (*it)->t_mono < to; ++it) {
      st.joules += 0.5 * (prev_w + (*it)->watts) * ((*it)->t_mono - prev_t);
      watts_seen((*it)->watts);
      prev_t = (*it)->t_mono;
      prev_w = (*it)->watts;
    }
    const double end_w = reading_at(good_, to, false);
    st.joules += 0.5 * (prev_w + end_w) * (to - prev_t);
    watts_seen(end_w);
  }

  // Sample counts, spacing, and the power range of a counter.
  void add_counts(const Window& w) {
    const auto inside_begin = good_from(w.t0), inside_end = good_after(w.t1);  // good samples in [t0, t1]
    const int inside = static_cast<int>(inside_end - inside_begin);
    st.samples += inside;
    if (inside >= 2) {
      spans_ += (*(inside_end - 1))->t_mono - (*inside_begin)->t_mono;
      steps_ += inside - 1;
    }
    if (cumulative_)
      for (auto it = inside_begin; it != inside_end && it + 1 != inside_end; ++it) {
        const Sample* a = *it;
        const Sample* b = *(it + 1);
        if (b->t_mono > a->t_mono) watts_seen((b->joules - a->joules) / (b->t_mono - a->t_mono));
      }
  }


  // Start is the last sample at or before t0 (else the first inside), end the last sample
  // at or before t1; extremes over start..end.
  void add_health(const Window& w) {
    const auto past_end = any_after(w.t1);
    if (past_end == samples_.begin()) return;  // no sample at or before t1
    auto start = any_after(w.t0);
    if (start != samples_.begin()) --start;  // the last at or before t0
    if (!health_started_) {
      st.temp_start = start->temp_c;
      st.clock_start = start->clock_mhz;
      health_started_ = true;
    }
    st.temp_end = (past_end - 1)->temp_c;
    st.clock_end = (past_end - 1)->clock_mhz;
    for (auto it = start; it != past_end; ++it) {
      take_max(st.temp_max, it->temp_c);
      take_min(st.clock_min, it->clock_mhz);
      if (it->throttled >= 0) st.throttled = std::max<std::int64_t>(st.throttled, 0) | it->throttled;
    }
  }

  const std::vector<Sample>& samples_;
  bool cumulative_;
  std::vector<const Sample*> good_;
  double spans_ = 0;  // time from first to last good sample inside each window, summed
  int steps_ = 0;     // gaps between those samples
  bool health_started_ = false;
};

}  // namespace

WindowStats window_stats(const std::vector<Sample>& samples, const std::vector<Window>& windows, bool cumulative) {
  WindowScan scan(samples, cumulative);
  for (const Window& w : windows) scan.add(w);
  scan.add_longest_repeat(windows);
  scan.add_failed(windows);
  return scan.finish();
}

std::string throttle_text(std::int64_t word) {
  if (word < 0) return "";
  std::string out;
  auto add = [&](std::int64_t bit, const char* what) {
    if (word & bit) out += (out.empty() ? "" : ", ") + std::string(what);
  };
  add(kUnderVoltage, "under-voltage");
  add(kFrequencyCapped, "frequency capped");
  add(kThrottled, "throttled");
  add(kSoftTempLimit, "soft temperature limit");
  return out;
}

}  // namespace bramble::power
