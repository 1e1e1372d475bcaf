#include "results/report.hpp"

#include <cstdio>

#include "core/errors.hpp"
#include "results/report_parts.hpp"

namespace bramble {

std::string per_watt_text(const HeadlinePower& h) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.4g %s", h.per_watt, h.per_watt_unit.c_str());
  return buf + std::string(h.green500_valid ? "" : "*");
}

std::string extras_text(const std::vector<PowerExtra>& extras) {
  std::string out;
  for (const PowerExtra& e : extras) {
    char watts[32];
    std::snprintf(watts, sizeof watts, " %g W", e.watts);
    out += (out.empty() ? "" : ", ") + e.name + watts;
  }
  return out;
}

std::unique_ptr<Reporter> make_reporter(const std::string& format) {
  if (format == "table") return make_table_reporter();
  if (format == "markdown") return make_markdown_reporter();
  if (format == "csv") return make_csv_reporter();
  if (format == "json") return make_json_reporter();
  throw Error(kExitUsage, "unknown report format \"" + format + "\" (table, markdown, csv, json)");
}

}  // namespace bramble
