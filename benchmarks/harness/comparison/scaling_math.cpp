#include "comparison/scaling_math.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace bramble {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Root mean square of measured minus `law(f, p)` over the points.
template <class Law>
double rms_residual(const std::vector<double>& p, const std::vector<double>& s, double f, Law law) {
  if (p.empty() || std::isnan(f)) return kNaN;
  double sum = 0;
  for (std::size_t i = 0; i < p.size(); ++i) sum += std::pow(s[i] - law(f, p[i]), 2);
  return std::sqrt(sum / double(p.size()));
}

}  // namespace

double scaling_speedup(double figure, double base_figure) { return figure / base_figure; }

double scaling_efficiency(double speedup, double p) { return speedup / p; }

double karp_flatt(double speedup, double p) {
  if (p == 1) return kNaN;
  return (1 / speedup - 1 / p) / (1 - 1 / p);
}

double gustafson_fraction(double speedup, double p) {
  if (p == 1) return kNaN;
  return (p - speedup) / (p - 1);
}

double amdahl_speedup(double f, double p) { return 1 / (f + (1 - f) / p); }

double gustafson_speedup(double f, double p) { return p - f * (p - 1); }

SerialFractionFit fit_amdahl(const std::vector<double>& p, const std::vector<double>& speedup) {
  double xy = 0, xx = 0;
  for (std::size_t i = 0; i < p.size() && i < speedup.size(); ++i) {
    const double x = 1 - 1 / p[i], y = 1 / speedup[i] - 1 / p[i];
    xy += x * y;
    xx += x * x;
  }
  const double f = xx > 0 ? xy / xx : kNaN;
  return {f, rms_residual(p, speedup, f, amdahl_speedup)};
}

SerialFractionFit fit_gustafson(const std::vector<double>& p, const std::vector<double>& speedup) {
  double xy = 0, xx = 0;
  for (std::size_t i = 0; i < p.size() && i < speedup.size(); ++i) {
    const double x = p[i] - 1;
    xy += x * (p[i] - speedup[i]);
    xx += x * x;
  }
  const double f = xx > 0 ? xy / xx : kNaN;
  return {f, rms_residual(p, speedup, f, gustafson_speedup)};
}

double amdahl_limit(double f) { return f > 0 ? 1 / f : std::numeric_limits<double>::infinity(); }

double waiting_share(const std::vector<std::string>& phase_names, const std::vector<double>& phase_seconds,
                     const std::vector<std::string>& waiting) {
  const std::size_t phases = phase_names.size();
  if (phases == 0) return kNaN;
  double total = 0, waited = 0;
  bool named = false;
  for (std::size_t j = 0; j < phases; ++j) {
    const bool is_waiting = std::find(waiting.begin(), waiting.end(), phase_names[j]) != waiting.end();
    named = named || is_waiting;
    for (std::size_t i = j; i < phase_seconds.size(); i += phases) {
      total += phase_seconds[i];
      if (is_waiting) waited += phase_seconds[i];
    }
  }
  return named && total > 0 ? waited / total : kNaN;
}

}  // namespace bramble
