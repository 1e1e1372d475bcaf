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

std::unique_ptr<Reporter> make_reporter(const std::string& format) {
  if (format == "table") return make_table_reporter();
  if (format == "markdown") return make_markdown_reporter();
  if (format == "csv") return make_csv_reporter();
  if (format == "json") return make_json_reporter();
  throw Error(kExitUsage, "unknown report format \"" + format + "\" (table, markdown, csv, json)");
}

}  // namespace bramble
