// The machine-readable forms of a scaling study: CSV with one row per result (the study's
// fit repeated on each row, so one file plots every curve) and JSON with the same names.
#include <cmath>
#include <cstdio>

#include "comparison/scaling_report.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

// Unknown and undefined numbers (Karp-Flatt at the base, no communication phase, Amdahl's
// limit without a serial part) are empty in CSV and null in JSON.
std::string number(double v, const char* unknown) {
  if (!std::isfinite(v)) return unknown;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

std::string json_strings(const std::vector<std::string>& items) {
  std::string out = "[";
  for (const auto& i : items) out += (out.size() > 1 ? ", " : "") + json_string(i);
  return out + "]";
}

std::string json_row(const ScalingRow& r) {
  return "{\"ranks\": " + std::to_string(r.ranks) + ", \"nodes\": " + std::to_string(r.nodes) +
         ", \"figure_of_merit\": " + number(r.figure, "null") + ", \"seconds\": " + number(r.seconds, "null") +
         ", \"speedup\": " + number(r.speedup, "null") + ", \"efficiency\": " + number(r.efficiency, "null") +
         ", \"serial_fraction\": " + number(r.serial_fraction, "null") +
         ", \"comm_wait_share\": " + number(r.waiting_share, "null") +
         ", \"passed\": " + (r.passed ? "true" : "false") +
         ", \"repeated_ranks\": " + (r.repeated ? "true" : "false") + ", \"problem\": " + json_string(r.problem) +
         ", \"file\": " + json_string(r.file) + ", \"run\": " + json_string(r.run) + "}";
}

std::string json_fit(const ScalingStudy& s) {
  if (!s.fit) return "null";
  const ScalingFit& f = *s.fit;
  return "{\"law\": " + json_string(f.law) + ", \"serial_fraction\": " + number(f.serial_fraction, "null") +
         ", \"rms\": " + number(f.rms, "null") + ", \"speedup_limit\": " + number(f.speedup_limit, "null") +
         ", \"predicted_ranks\": " + std::to_string(f.predicted_ranks) +
         ", \"predicted_speedup\": " + number(f.predicted_speedup, "null") +
         ", \"summary\": " + json_string(fit_sentence(s)) + "}";
}

}  // namespace

void write_scaling_csv(std::ostream& out, const std::vector<ScalingStudy>& studies) {
  out << "kernel,mode,mode_from,ranks,nodes,figure_of_merit,unit,seconds,speedup,efficiency,serial_fraction,"
         "comm_wait_share,passed,repeated_ranks,base_ranks,fit_law,fit_serial_fraction,fit_speedup_limit,"
         "problem,file,run\n";
  for (const auto& s : studies)
    for (const auto& r : s.rows) {
      const double f = s.fit ? s.fit->serial_fraction : NAN, limit = s.fit ? s.fit->speedup_limit : NAN;
      out << csv_field(s.kernel) << ',' << mode_text(s.mode) << ',' << csv_field(s.mode_from) << ',' << r.ranks << ','
          << r.nodes << ',' << number(r.figure, "") << ',' << csv_field(s.unit) << ',' << number(r.seconds, "") << ','
          << number(r.speedup, "") << ',' << number(r.efficiency, "") << ',' << number(r.serial_fraction, "") << ','
          << number(r.waiting_share, "") << ',' << (r.passed ? 1 : 0) << ',' << (r.repeated ? 1 : 0) << ','
          << s.base_ranks << ',' << (s.fit ? s.fit->law : "") << ',' << number(f, "") << ',' << number(limit, "")
          << ',' << csv_field(r.problem) << ',' << csv_field(r.file) << ',' << csv_field(r.run) << '\n';
    }
}

void write_scaling_json(std::ostream& out, const std::vector<ScalingStudy>& studies,
                        const std::vector<std::string>& notes) {
  out << "{\"notes\": " << json_strings(notes) << ", \"studies\": [";
  for (std::size_t i = 0; i < studies.size(); ++i) {
    const ScalingStudy& s = studies[i];
    out << (i ? ", " : "") << "{\"kernel\": " << json_string(s.kernel)
        << ", \"mode\": " << json_string(mode_text(s.mode))
        << ", \"mode_from\": " << json_string(s.mode_from) << ", \"unit\": " << json_string(s.unit)
        << ", \"base_ranks\": " << s.base_ranks
        << ", \"held_constant\": " << (s.mode == ScalingMode::weak ? json_string(s.weak_load.held) : "null")
        << ", \"serial_fraction_formula\": "
        << json_string(s.mode == ScalingMode::strong ? "Karp-Flatt (1/S - 1/p) / (1 - 1/p)"
                       : s.weak_load.work_constant   ? "Gustafson (p - S) / (p - 1)"
                                                     : "none: the work per rank was not held constant")
        << ", \"comm_wait_phases\": " << json_strings(s.waiting_phases)
        << ", \"steps\": [";
    for (std::size_t j = 0; j < s.rows.size(); ++j) out << (j ? ", " : "") << json_row(s.rows[j]);
    out << "], \"fit\": " << json_fit(s) << ", \"no_fit\": " << (s.fit ? "null" : json_string(s.no_fit))
        << ", \"notes\": " << json_strings(s.notes)
        << ", \"warnings\": " << json_strings(s.warnings) << "}";
  }
  out << "]}\n";
}

}  // namespace bramble
