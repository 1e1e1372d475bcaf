// The table and markdown forms of a scaling study: one line per result, then the fit, what
// the communication column counts, and what the numbers say.
#include <cmath>
#include <cstdio>

#include "comparison/scaling_report.hpp"
#include "core/format_units.hpp"

namespace bramble {
namespace {

std::string format(const char* pattern, double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, pattern, v);
  return buf;
}

// Figures of merit from 0.001 to 100000 with four or five significant digits, never in
// exponent form.
std::string figure_text(double v) {
  const double a = std::fabs(v);
  return fixed(v, a >= 1000 ? 0 : a >= 100 ? 1 : a >= 10 ? 2 : 3);
}

std::string percent(double share) { return std::isnan(share) ? "-" : fixed(100 * share, 1) + "%"; }

std::string join(const std::vector<std::string>& items) {
  std::string out;
  for (const auto& i : items) out += (out.empty() ? "" : ", ") + i;
  return out;
}

std::vector<std::string> headers(const ScalingStudy& s) {
  return {"ranks", "nodes", s.unit, "time s", s.mode == ScalingMode::weak ? "scaled speedup" : "speedup",
          "efficiency", "serial fraction", "comm+wait", "problem", "note"};
}

std::vector<std::string> cells(const ScalingRow& r) {
  std::string note = r.passed ? "" : "FAILED";
  if (r.repeated) note += note.empty() ? "repeat" : ", repeat";
  return {std::to_string(r.ranks), std::to_string(r.nodes), figure_text(r.figure), format("%.4g", r.seconds),
          fixed(r.speedup, 2), percent(r.efficiency),
          std::isnan(r.serial_fraction) ? "-" : fixed(r.serial_fraction, 3), percent(r.waiting_share),
          r.problem, note};
}

std::string title(const ScalingStudy& s) {
  return s.kernel + ": " + mode_text(s.mode) + " scaling from " + std::to_string(s.rows.front().ranks) + " to " +
         std::to_string(s.rows.back().ranks) + " ranks (" + mode_text(s.mode) + " from " + s.mode_from + ")";
}

// What the speedup column is measured against and what the comm+wait column counts.
std::vector<std::string> explanations(const ScalingStudy& s) {
  std::vector<std::string> lines;
  const std::string base = std::to_string(s.base_ranks) + (s.base_ranks == 1 ? " rank" : " ranks");
  // The scaled speedup is a ratio of rates, so it counts the work each run actually did; only
  // with the same work per rank does its ideal of p compare like with like.
  if (s.mode == ScalingMode::weak && s.weak_load.work_constant)
    lines.push_back(s.weak_load.held + ": the scaled speedup is the work done per second over that at " + base +
                    " (ideal: p)");
  else if (s.mode == ScalingMode::weak)
    lines.push_back(s.weak_load.held + ": the scaled speedup is the work actually done per second over that at " +
                    base + " (ideal: p, though a rank's rate changes with its share of the work)");
  if (s.base_ranks != 1)
    lines.push_back("speedup relative to " + std::to_string(s.base_ranks) + " ranks, the smallest count measured; "
                    "p in efficiency and serial fraction is ranks / " + std::to_string(s.base_ranks));
  lines.push_back(s.mode == ScalingMode::strong
                      ? "serial fraction: Karp-Flatt e = (1/S - 1/p) / (1 - 1/p), the Amdahl f that gives each speedup"
                  : s.weak_load.work_constant
                      ? "serial fraction: (p - S) / (p - 1), the Gustafson f that gives each scaled speedup"
                      : "serial fraction: none, since Gustafson's (p - S) / (p - 1) assumes constant work per rank");
  lines.push_back(s.waiting_phases.empty()
                      ? "comm+wait: " + s.kernel + " records no communication phase"
                      : "comm+wait: share of all ranks' time in " + join(s.waiting_phases));
  return lines;
}

void table(std::ostream& out, const ScalingStudy& s) {
  std::vector<std::vector<std::string>> grid{headers(s)};
  for (const auto& r : s.rows) grid.push_back(cells(r));
  std::vector<std::size_t> width(grid[0].size(), 0);
  for (const auto& line : grid)
    for (std::size_t c = 0; c < line.size(); ++c) width[c] = std::max(width[c], line[c].size());
  out << title(s) << "\n";
  for (const auto& line : grid) {
    std::string text;
    for (std::size_t c = 0; c < line.size(); ++c) {
      const std::string pad(width[c] - line[c].size(), ' ');
      // Numbers right-aligned, the problem and note left-aligned.
      text += (c ? "  " : "") + (c < 8 ? pad + line[c] : line[c] + pad);
    }
    while (!text.empty() && text.back() == ' ') text.pop_back();
    out << text << "\n";
  }
}

void markdown_table(std::ostream& out, const ScalingStudy& s) {
  out << "### " << title(s) << "\n\n";
  const auto h = headers(s);
  out << "|";
  for (const auto& c : h) out << " " << c << " |";
  out << "\n|";
  for (std::size_t c = 0; c < h.size(); ++c) out << (c < 8 ? "---:|" : "---|");
  out << "\n";
  for (const auto& r : s.rows) {
    out << "|";
    for (const auto& c : cells(r)) out << " " << c << " |";
    out << "\n";
  }
  out << "\n";
}

}  // namespace

std::string fit_sentence(const ScalingStudy& s) {
  if (!s.fit) return "no fit: " + s.no_fit;
  const ScalingFit& f = *s.fit;
  const std::string base = std::to_string(s.base_ranks) + (s.base_ranks == 1 ? " rank" : " ranks");
  std::string text = f.law + " fit: serial fraction f = " + fixed(f.serial_fraction, 4) +
                     " (rms error of the speedup " + fixed(f.rms, 3) + ")";
  if (f.serial_fraction <= 0)
    text += "; no serial part found (superlinear speedup, e.g. from caches)";
  else if (f.serial_fraction >= 1)
    return text + "; f >= 1: more ranks got less done per second than " + base +
           ", so overhead (communication, waiting, shared cores), not a serial part, dominates";
  else if (s.mode == ScalingMode::strong)
    text += "; however many ranks, at most 1/f = " + fixed(f.speedup_limit, 1) + " times " + base;
  else
    text += "; efficiency tends to 1 - f = " + fixed(100 * (1 - f.serial_fraction), 1) + "%";
  return text + "; predicted at " + std::to_string(f.predicted_ranks) + " ranks: " + fixed(f.predicted_speedup, 2) +
         "x";
}

void write_scaling_text(std::ostream& out, const std::vector<ScalingStudy>& studies,
                        const std::vector<std::string>& notes, bool markdown) {
  const std::string bullet = markdown ? "- " : "";
  for (const auto& n : notes) out << bullet << "note: " << n << "\n";
  if (!notes.empty()) out << "\n";
  for (std::size_t i = 0; i < studies.size(); ++i) {
    const ScalingStudy& s = studies[i];
    if (i) out << "\n";
    if (markdown) markdown_table(out, s);
    else table(out, s);
    out << bullet << fit_sentence(s) << "\n";
    for (const auto& line : explanations(s)) out << bullet << line << "\n";
    for (const auto& n : s.notes) out << bullet << "note: " << n << "\n";
    for (const auto& w : s.warnings) out << bullet << "warning: " << w << "\n";
  }
}

}  // namespace bramble
