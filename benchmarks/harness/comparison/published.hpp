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
  double gflops = 0, watts = 0;
  double idle_watts = 0;  // NaN where not published
  double usd = 0;         // NaN where not published
  std::string source, date;
};

// Parses the CSV text; `origin` names it in messages. Throws InputError naming the line
// for a row that does not parse or lacks a source.
std::vector<PublishedRow> parse_published_csv(const std::string& text, const std::string& origin);

// The copy built into the program (results/reference/published.csv at build time).
std::vector<PublishedRow> builtin_published();

// The user's HPL runs (the best passed HPL result of each selected run) ranked among the
// rows, per node and per watt, in "table", "markdown", "csv" or "json".
void report_published_ranking(std::ostream& out, const std::vector<PublishedRow>& rows,
                              const std::vector<SelectedRun>& runs, const std::string& format);

}  // namespace bramble
