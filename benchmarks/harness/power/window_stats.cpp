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

}  // namespace

WindowStats window_stats(const std::vector<Sample>& samples, const std::vector<Window>& windows, bool cumulative) {
  WindowStats st;
  st.cumulative = cumulative;
  std::vector<const Sample*> good;
  for (const Sample& s : samples)
    if (s.ok && !std::isnan(value_of(s, cumulative))) good.push_back(&s);

  double spans = 0;  // time from first to last good sample inside each window, summed
  int steps = 0;      // gaps between those samples
  bool telemetry_started = false;
  for (const Window& w : windows) {
    if (!(w.t1 > w.t0)) continue;
    st.seconds += w.t1 - w.t0;

    // Energy over the covered part of the window.
    if (good.size() >= 2) {
      const double from = std::max(w.t0, good.front()->t_mono), to = std::min(w.t1, good.back()->t_mono);
      if (to > from) {
        st.covered += to - from;
        if (cumulative) {
          st.joules += reading_at(good, to, true) - reading_at(good, from, true);
        } else {
          double prev_t = from, prev_w = reading_at(good, from, false);
          take_min(st.min_watts, prev_w);
          take_max(st.max_watts, prev_w);
          for (const Sample* s : good) {
            if (s->t_mono <= from || s->t_mono >= to) continue;
            st.joules += 0.5 * (prev_w + s->watts) * (s->t_mono - prev_t);
            prev_t = s->t_mono;
            prev_w = s->watts;
          }
          const double end_w = reading_at(good, to, false);
          st.joules += 0.5 * (prev_w + end_w) * (to - prev_t);
          take_min(st.min_watts, end_w);
          take_max(st.max_watts, end_w);
        }
      }
    }

    // Sample counts, power range of a counter, and how long a reading stayed the same.
    const Sample* first = nullptr;
    const Sample* last = nullptr;
    const Sample* run_start = nullptr;
    for (std::size_t i = 0; i < good.size(); ++i) {
      const Sample& s = *good[i];
      if (s.t_mono < w.t0 || s.t_mono > w.t1) continue;
      ++st.samples;
      if (!first) first = &s;
      if (cumulative && last && s.t_mono > last->t_mono) {
        const double watts = (s.joules - last->joules) / (s.t_mono - last->t_mono);
        take_min(st.min_watts, watts);
        take_max(st.max_watts, watts);
      }
      if (!run_start || value_of(s, cumulative) != value_of(*run_start, cumulative)) run_start = &s;
      st.longest_repeat = std::max(st.longest_repeat, s.t_mono - run_start->t_mono);
      last = &s;
    }
    int inside = 0;
    for (const Sample* s : good) inside += s->t_mono >= w.t0 && s->t_mono <= w.t1;
    if (inside >= 2) {
      spans += last->t_mono - first->t_mono;
      steps += inside - 1;
    }
    for (const Sample& s : samples)
      if (!s.ok && s.t_mono >= w.t0 && s.t_mono <= w.t1) ++st.failed;

    // Telemetry: start is the last sample at or before t0 (else the first inside), end the
    // last sample at or before t1; extremes over everything from start to end.
    const Sample* start = nullptr;
    const Sample* end = nullptr;
    for (const Sample& s : samples) {
      if (s.t_mono <= w.t0) start = &s;
      if (s.t_mono <= w.t1) end = &s;
    }
    if (!start)
      for (const Sample& s : samples)
        if (s.t_mono <= w.t1) {
          start = &s;
          break;
        }
    if (!start || !end) continue;
    if (!telemetry_started) {
      st.temp_start = start->temp_c;
      st.clock_start = start->clock_mhz;
      telemetry_started = true;
    }
    st.temp_end = end->temp_c;
    st.clock_end = end->clock_mhz;
    for (const Sample* s = start; s <= end; ++s) {
      take_max(st.temp_max, s->temp_c);
      take_min(st.clock_min, s->clock_mhz);
      if (s->throttled >= 0) st.throttled = std::max<std::int64_t>(st.throttled, 0) | s->throttled;
    }
  }
  if (steps > 0) st.interval = spans / steps;
  if (st.covered > 0) st.mean_watts = st.joules / st.covered;
  return st;
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
