#pragma once
// Published HPL results with wall power (results/reference/published.csv), and where the
// user's own HPL runs stand among them: `bramble compare --published`.
#include <ostream>
#include <string>
#include <vector>

#include "comparison/run_selection.hpp"

namespace bramble {

struct PublishedRow {
  std::string system;
  int nodes = 0, cores = 0;
  double gflops = 0, watts = 0;  // watts: wall power averaged over the HPL run
  double idle_watts = 0;         // NaN where not published
  double usd = 0;                // NaN where not published
  std::string source, date;      // date: YYYY-MM-DD, YYYY-MM, or "" where not found
  std::string notes;
};

// The CSV's header line, exactly (a plotting script reads the same names).
inline constexpr const char* kPublishedHeader = "system,nodes,cores,gflops,watts,idle_watts,usd,source,date,notes";

// Parses the CSV text; `origin` names it in messages. Throws InputError naming the line
// ("origin line N: ...") for a row that does not parse, has the wrong number of fields, a
// non-positive nodes, cores, gflops or watts, a malformed date or an empty source; and for
// text with no header or no rows.
std::vector<PublishedRow> parse_published_csv(const std::string& text, const std::string& origin);

// The text of results/reference/published.csv as it was when the program was built, and
// its rows: the installed binary needs no source tree.
const std::string& builtin_published_text();
std::vector<PublishedRow> builtin_published();

// The user's HPL runs (the best passed HPL result of each selected run) ranked among the
// rows, per node and per watt, in "table", "markdown", "csv" or "json".
void report_published_ranking(std::ostream& out, const std::vector<PublishedRow>& rows,
                              const std::vector<SelectedRun>& runs, const std::string& format);

}  // namespace bramble
