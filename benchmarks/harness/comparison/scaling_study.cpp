#include "comparison/scaling_study.hpp"

#include "comparison/run_selection.hpp"
#include "comparison/scaling_analysis.hpp"
#include "comparison/scaling_report.hpp"
#include "core/errors.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

std::string ranks_text(const std::vector<int>& counts) {
  std::string out;
  for (int c : counts) out += (out.empty() ? "" : ", ") + std::to_string(c);
  return out + (counts.size() == 1 && counts[0] == 1 ? " rank" : " ranks");
}

// "hpl (N=200 NB=16 1x1) at 2 ranks only".
std::string one_count_text(const ScalingGroup& g) {
  return g.kernel + " (" + g.points.front().result.problem + ") was run at " + ranks_text(rank_counts(g)) + " only";
}

}  // namespace

void report_scaling(std::ostream& out, const ScalingOptions& options) {
  if (options.weak && options.strong) throw Error(kExitUsage, "--weak and --strong exclude each other");
  const std::optional<ScalingMode> forced = options.weak     ? std::optional(ScalingMode::weak)
                                            : options.strong ? std::optional(ScalingMode::strong)
                                                             : std::nullopt;
  const std::vector<SelectedRun> runs = select_runs(options.specs);
  std::vector<ScalingStudy> studies;
  std::vector<std::string> single;  // groups at one rank count: told about, not studied
  for (const ScalingGroup& g : scaling_groups(runs, options.kernel, forced)) {
    if (rank_counts(g).size() >= 2) studies.push_back(analyse_scaling(g));
    else single.push_back(one_count_text(g));
  }
  if (studies.empty()) {
    std::string what;
    for (const auto& s : single) what += (what.empty() ? "" : "; ") + s;
    if (what.empty()) what = "the selected runs hold no kernel results";
    throw InputError("nothing to study: " + what + ". A scaling study needs one kernel at two rank counts or more, "
                     "e.g. scripts/scaling.sh hpl --ranks 1,2,4");
  }
  std::vector<std::string> skipped;
  for (const auto& s : single) skipped.push_back(s + ": not a study");
  if (options.format == "csv") write_scaling_csv(out, studies);
  else if (options.format == "json") write_scaling_json(out, studies, skipped);
  else if (options.format == "table" || options.format == "markdown")
    write_scaling_text(out, studies, skipped, options.format == "markdown");
  else throw Error(kExitUsage, "--format " + in_quotes(options.format) + ": expected table, markdown, csv or json");
}

}  // namespace bramble
