#include "results/comparison_validity.hpp"

#include <algorithm>

#include "core/format_units.hpp"
#include "core/repetition_stats.hpp"
#include "results/headline.hpp"

namespace bramble {
namespace {

std::string percent(double x) { return fixed(x, 1) + " %"; }

std::string joined(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : "; ") + i;
  return out;
}

}  // namespace

ComparisonValidity comparison_validity(const RunRecord& run) {
  ComparisonValidity v;
  auto invalid = [&](const std::string& why) {
    v.valid = false;
    v.reasons.push_back(why);
  };
  if (!run.context.trust_warnings.empty())
    invalid(std::to_string(run.context.trust_warnings.size()) + " trust warning(s)");
  if (run.kernels.empty()) invalid("no kernel results");
  for (const KernelRecord& k : run.kernels) {
    const KernelResult& r = k.result;
    const std::string name = r.kernel;
    if (!r.passed) invalid(name + " failed verification");
    if (k.power && k.power->throttled) invalid(name + " throttled");
    const RepetitionStats s = repetition_stats(r.rep_seconds);
    if (s.count < kValidMinReps)
      invalid(name + " ran " + std::to_string(s.count) + " repetition(s), fewer than " +
              std::to_string(kValidMinReps));
    else if (s.cv_percent > kValidMaxCvPercent)
      invalid(name + " repetitions vary by " + percent(s.cv_percent) + " (CV), above " +
              percent(kValidMaxCvPercent));
    // Memory benchmarks record how many times their arrays exceed the last-level cache
    // (STREAM each array, the stencil each node's share): under 4x, a cache serves part of
    // what another machine's memory must, and the rates say more about the cache.
    if (const Value* m = find_value(r.figures, "cache_multiple"); m && std::holds_alternative<double>(*m)) {
      const double times = std::get<double>(*m);
      if (times > 0 && times < kValidMinCacheMultiple)
        invalid(name + " ran partly from cache (its arrays " + fixed(times, 2) + "x the last-level cache, under " +
                std::to_string(kValidMinCacheMultiple) + "x)");
    }
    const auto h = headline_power(k);
    const std::string why_not = !h                      ? "no power measured on every node"
                                : h->scope == "estimate" ? "power is a declared estimate, not a measurement"
                                                         : "";
    if (!why_not.empty()) {
      v.per_watt_comparable = false;
      if (std::find(v.per_watt_reasons.begin(), v.per_watt_reasons.end(), why_not) == v.per_watt_reasons.end())
        v.per_watt_reasons.push_back(why_not);
    }
  }
  return v;
}

std::string validity_line(const ComparisonValidity& v) {
  std::string line = v.valid ? "valid for comparison: yes" : "valid for comparison: NO (" + joined(v.reasons) + ")";
  if (v.valid && !v.per_watt_comparable) line += "; per watt not comparable (" + joined(v.per_watt_reasons) + ")";
  return line;
}

}  // namespace bramble
