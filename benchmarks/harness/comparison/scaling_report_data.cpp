// The machine-readable forms of a scaling study: CSV with one row per result (the study's
// fit repeated on each row, so one file plots every curve) and JSON with the same names.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "comparison/scaling_report.hpp"
#include "results/json_output.hpp"
#include "results/report_text.hpp"

namespace bramble {
namespace {

// Unknown and undefined numbers (Karp-Flatt at the base, no communication phase, Amdahl's
// limit without a serial part) are NaN: `unknown` in CSV, null in JSON.
std::string number(double v, const char* unknown) {
  if (!std::isfinite(v)) return unknown;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return buf;
}

// The JSON holds the numbers the CSV shows: 6 significant digits (unknown ones stay NaN,
// which write_json turns into null).
double six_digits(double v) {
  if (!std::isfinite(v)) return v;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.6g", v);
  return std::strtod(buf, nullptr);
}

Json step_json(const ScalingRow& r) {
  return {{"ranks", r.ranks},
          {"nodes", r.nodes},
          {"figure_of_merit", six_digits(r.figure)},
          {"seconds", six_digits(r.seconds)},
          {"speedup", six_digits(r.speedup)},
          {"efficiency", six_digits(r.efficiency)},
          {"serial_fraction", six_digits(r.serial_fraction)},
          {"comm_wait_share", six_digits(r.waiting_share)},
          {"passed", r.passed},
          {"repeated_ranks", r.repeated},
          {"problem", r.problem},
          {"file", r.file},
          {"run", r.run}};
}

Json fit_json(const ScalingStudy& s) {
  if (!s.fit) return nullptr;
  const ScalingFit& f = *s.fit;
  return {{"law", f.law},
          {"serial_fraction", six_digits(f.serial_fraction)},
          {"rms", six_digits(f.rms)},
          {"speedup_limit", six_digits(f.speedup_limit)},
          {"predicted_ranks", f.predicted_ranks},
          {"predicted_speedup", six_digits(f.predicted_speedup)},
          {"summary", fit_sentence(s)}};
}

Json study_json(const ScalingStudy& s) {
  const char* formula = s.mode == ScalingMode::strong ? "Karp-Flatt (1/S - 1/p) / (1 - 1/p)"
                        : s.weak_load.work_constant   ? "Gustafson (p - S) / (p - 1)"
                                                      : "none: the work per rank was not held constant";
  return {{"kernel", s.kernel},
          {"mode", mode_text(s.mode)},
          {"mode_from", s.mode_from},
          {"unit", s.unit},
          {"base_ranks", s.base_ranks},
          {"held_constant", s.mode == ScalingMode::weak ? Json(s.weak_load.held) : Json(nullptr)},
          {"serial_fraction_formula", formula},
          {"comm_wait_phases", s.waiting_phases},
          {"steps", json_array(s.rows, step_json)},
          {"fit", fit_json(s)},
          {"no_fit", s.fit ? Json(nullptr) : Json(s.no_fit)},
          {"notes", s.notes},
          {"warnings", s.warnings}};
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
  write_json(out, {{"notes", notes}, {"studies", json_array(studies, study_json)}});
}

}  // namespace bramble
