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
  // Samples are in time order: each window's samples are found by binary search, so a phase
  // of many short windows (STREAM iterations) costs O(windows x log samples).
  auto good_from = [&](double t) {  // first good sample at or after t
    return std::lower_bound(good.begin(), good.end(), t, [](const Sample* s, double v) { return s->t_mono < v; });
  };
  auto good_after = [&](double t) {  // first good sample after t
    return std::upper_bound(good.begin(), good.end(), t, [](double v, const Sample* s) { return v < s->t_mono; });
  };
  auto any_after = [&](double t) {  // first sample after t
    return std::upper_bound(samples.begin(), samples.end(), t, [](double v, const Sample& s) { return v < s.t_mono; });
  };

  double spans = 0;  // time from first to last good sample inside each window, summed
  int steps = 0;     // gaps between those samples
  bool telemetry_started = false;
  for (const Window& w : windows) {
    if (!(w.t1 > w.t0)) continue;
    st.seconds += w.t1 - w.t0;
    const auto inside_begin = good_from(w.t0), inside_end = good_after(w.t1);  // good samples in [t0, t1]

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
          for (auto it = good_after(from); it != good.end() && (*it)->t_mono < to; ++it) {
            const Sample* x = *it;
            st.joules += 0.5 * (prev_w + x->watts) * (x->t_mono - prev_t);
            take_min(st.min_watts, x->watts);
            take_max(st.max_watts, x->watts);
            prev_t = x->t_mono;
            prev_w = x->watts;
          }
          const double end_w = reading_at(good, to, false);
          st.joules += 0.5 * (prev_w + end_w) * (to - prev_t);
          take_min(st.min_watts, end_w);
          take_max(st.max_watts, end_w);
        }
      }
    }

    // Sample counts, spacing, and the power range of a counter.
    const int inside = static_cast<int>(inside_end - inside_begin);
    st.samples += inside;
    if (inside >= 2) {
      spans += (*(inside_end - 1))->t_mono - (*inside_begin)->t_mono;
      steps += inside - 1;
    }
    if (cumulative)
      for (auto it = inside_begin; it != inside_end && it + 1 != inside_end; ++it) {
        const Sample* a = *it;
        const Sample* b = *(it + 1);
        if (b->t_mono > a->t_mono) {
          take_min(st.min_watts, (b->joules - a->joules) / (b->t_mono - a->t_mono));
          take_max(st.max_watts, (b->joules - a->joules) / (b->t_mono - a->t_mono));
        }
      }

    // Failed readings and telemetry. Start is the last sample at or before t0 (else the
    // first inside), end the last sample at or before t1; extremes over start..end.
    const auto first_inside = std::lower_bound(samples.begin(), samples.end(), w.t0,
                                               [](const Sample& s, double v) { return s.t_mono < v; });
    const auto past_end = any_after(w.t1);
    for (auto it = first_inside; it != past_end; ++it)
      if (!it->ok) ++st.failed;
    if (past_end == samples.begin()) continue;  // no sample at or before t1
    auto start = any_after(w.t0);
    if (start != samples.begin()) --start;  // the last at or before t0
    const auto end = past_end - 1;
    if (!telemetry_started) {
      st.temp_start = start->temp_c;
      st.clock_start = start->clock_mhz;
      telemetry_started = true;
    }
    st.temp_end = end->temp_c;
    st.clock_end = end->clock_mhz;
    for (auto it = start; it != past_end; ++it) {
      take_max(st.temp_max, it->temp_c);
      take_min(st.clock_min, it->clock_mhz);
      if (it->throttled >= 0) st.throttled = std::max<std::int64_t>(st.throttled, 0) | it->throttled;
    }
  }
  // How long a reading stayed exactly the same, across the whole phase (from the first
  // window's start to the last one's end, gaps included: a frozen sensor stays frozen).
  if (!windows.empty()) {
    const Sample* run_start = nullptr;
    for (auto it = good_from(windows.front().t0); it != good.end() && (*it)->t_mono <= windows.back().t1; ++it) {
      if (!run_start || value_of(**it, cumulative) != value_of(*run_start, cumulative)) run_start = *it;
      st.longest_repeat = std::max(st.longest_repeat, (*it)->t_mono - run_start->t_mono);
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
