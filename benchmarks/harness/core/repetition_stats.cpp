#include "core/repetition_stats.hpp"

#include <algorithm>
#include <boost/math/distributions/students_t.hpp>
#include <cmath>
#include <numeric>

namespace bramble {
namespace {

const double kNaN = std::nan("");
constexpr double kConfidence = 0.95;

double mean_of(const std::vector<double>& v) { return std::accumulate(v.begin(), v.end(), 0.0) / double(v.size()); }

double sample_variance(const std::vector<double>& v, double mean) {
  double sum = 0;
  for (double x : v) sum += (x - mean) * (x - mean);
  return sum / double(v.size() - 1);
}

// The two-sided 95 % quantile of Student's t with `dof` degrees of freedom.
double t_quantile(double dof) {
  return boost::math::quantile(boost::math::complement(boost::math::students_t(dof), (1 - kConfidence) / 2));
}

}  // namespace

RepetitionStats repetition_stats(const std::vector<double>& seconds) {
  RepetitionStats s;
  s.count = int(seconds.size());
  if (seconds.empty()) {
    s.best = s.median = s.mean = s.cv_percent = s.ci95_low = s.ci95_high = kNaN;
    return s;
  }
  std::vector<double> sorted = seconds;
  std::sort(sorted.begin(), sorted.end());
  s.best = sorted.front();
  const std::size_t n = sorted.size();
  s.median = n % 2 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
  s.mean = mean_of(sorted);
  if (n < 2) {
    s.cv_percent = s.ci95_low = s.ci95_high = kNaN;
    return s;
  }
  const double sd = std::sqrt(sample_variance(sorted, s.mean));
  s.cv_percent = 100 * sd / s.mean;
  const double half = t_quantile(double(n - 1)) * sd / std::sqrt(double(n));
  s.ci95_low = s.mean - half;
  s.ci95_high = s.mean + half;
  return s;
}

std::vector<double> repetition_rates(double figure_at_best, const std::vector<double>& seconds) {
  std::vector<double> rates;
  if (seconds.empty()) return rates;
  const double best = *std::min_element(seconds.begin(), seconds.end());
  for (double t : seconds) rates.push_back(t > 0 ? figure_at_best * best / t : kNaN);
  return rates;
}

RatioInterval compare_rates(const std::vector<double>& a, const std::vector<double>& b) {
  RatioInterval r;
  auto logs = [](const std::vector<double>& v) {
    std::vector<double> out;
    for (double x : v)
      if (std::isfinite(x) && x > 0) out.push_back(std::log(x));
    return out;
  };
  const std::vector<double> la = logs(a), lb = logs(b);
  if (la.size() < 2 || lb.size() < 2) {
    r.low = r.high = kNaN;
    return r;
  }
  const double ma = mean_of(la), mb = mean_of(lb);
  const double va = sample_variance(la, ma) / double(la.size()), vb = sample_variance(lb, mb) / double(lb.size());
  const double se = std::sqrt(va + vb);
  double half = 0;
  if (se > 0) {
    // Welch-Satterthwaite degrees of freedom.
    const double dof = (va + vb) * (va + vb) /
                       (va * va / double(la.size() - 1) + vb * vb / double(lb.size() - 1));
    half = t_quantile(dof) * se;
  }
  r.low = std::exp(ma - mb - half);
  r.high = std::exp(ma - mb + half);
  // Identical repetitions (se 0) differ exactly by their ratio, which is beyond noise unless 1.
  r.verdict = (r.low <= 1 && r.high >= 1) ? NoiseVerdict::within_noise : NoiseVerdict::beyond_noise;
  return r;
}

const char* verdict_text(NoiseVerdict v) {
  switch (v) {
    case NoiseVerdict::beyond_noise: return "beyond noise";
    case NoiseVerdict::within_noise: return "within noise";
    case NoiseVerdict::too_few_reps: return "too few reps";
  }
  return "";
}

}  // namespace bramble
