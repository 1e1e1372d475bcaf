#include "comparison/scaling_groups.hpp"

#include <algorithm>
#include <map>
#include <set>
#include <sstream>

#include "comparison/case_match.hpp"
#include "core/errors.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

// Besides what compare leaves out of a problem (parameter_defines_problem: the process grid,
// which changes with the rank count by design, repetition counts, output paths), STREAM's
// sizing hints: two runs differing only in these ran the same problem.
const std::set<std::string> kSizingHints{"llc_bytes", "llc_source"};
// Parameters that a weak study grows with the rank count (HPL's N, the stencil's global
// extents, render's samples per pixel); the rest must stay the same.
const std::set<std::string> kWeakSizes{"n", "nx", "ny", "nz", "spp"};

// What must be equal for two results to belong to one study of `mode`.
std::string study_key(const KernelResult& r, ScalingMode mode) {
  std::string key;
  for (const auto& v : r.parameters) {
    if (!parameter_defines_problem(v.name) || kSizingHints.count(v.name) ||
        (mode == ScalingMode::weak && kWeakSizes.count(v.name)))
      continue;
    key += v.name + "=" + to_text(v.value) + ";";
  }
  return key;
}

// The mode a scripts/scaling.sh label ("scaling strong hpl np=4") states for this kernel.
std::optional<ScalingMode> label_mode(const std::string& label, const std::string& kernel) {
  std::istringstream words(label);
  std::string scaling, mode, labelled_kernel;
  words >> scaling >> mode >> labelled_kernel;
  if (scaling != "scaling" || labelled_kernel != kernel) return std::nullopt;
  if (mode == "strong") return ScalingMode::strong;
  if (mode == "weak") return ScalingMode::weak;
  return std::nullopt;
}

struct Candidate {
  ScalingPoint point;
  std::optional<ScalingMode> mode;
  std::string mode_from;
};

Candidate candidate(const SelectedRun& s, const KernelRecord& k, std::optional<ScalingMode> forced) {
  Candidate c{{s.file, s.name, k.result.ranks, s.run.context.node_count, k.result, s.run.context.trust_warnings},
              forced, ""};
  if (forced) {
    c.mode_from = *forced == ScalingMode::weak ? "--weak" : "--strong";
  } else if ((c.mode = label_mode(s.run.context.label, k.result.kernel))) {
    c.mode_from = "run labels";
  } else if (to_number(find_value(k.result.parameters, "weak"), 0) == 1) {
    c.mode = ScalingMode::weak;
    c.mode_from = "the stencil's weak parameter";
  } else if (k.result.kernel == "stream") {  // --stream-n is per rank: more ranks, more work
    c.mode = ScalingMode::weak;
    c.mode_from = "STREAM, sized per rank";
  }
  return c;
}

void add_to(std::vector<ScalingGroup>& groups, std::map<std::string, std::size_t>& index, const std::string& key,
            ScalingGroup prototype, ScalingPoint point) {
  auto [it, fresh] = index.emplace(key, groups.size());
  if (fresh) groups.push_back(std::move(prototype));
  groups[it->second].points.push_back(std::move(point));
}

// Results no label or parameter classifies: one problem at several rank counts is strong
// scaling; a problem that changes with every rank count cannot be told apart from weak.
void add_undecided(std::vector<ScalingGroup>& groups, std::vector<Candidate>& undecided) {
  std::map<std::string, std::set<int>> ranks_by_problem;
  for (const auto& c : undecided)
    ranks_by_problem[study_key(c.point.result, ScalingMode::strong)].insert(c.point.ranks);
  const bool one_count_each = ranks_by_problem.size() > 1 &&
      std::all_of(ranks_by_problem.begin(), ranks_by_problem.end(), [](const auto& e) { return e.second.size() == 1; });
  std::map<std::string, std::size_t> index;
  for (auto& c : undecided) {
    ScalingGroup g{c.point.result.kernel, ScalingMode::strong, "the same problem at every rank count", {}, {}};
    std::string key = c.point.result.kernel + "\n" + study_key(c.point.result, ScalingMode::strong);
    if (one_count_each) {
      g.mode_from = "a guess";
      g.warnings.push_back("cannot tell strong from weak scaling: no scripts/scaling.sh label, and the problem "
                           "differs at every rank count; treated as strong (pass --weak if the work per rank "
                           "was held constant)");
      key = c.point.result.kernel + "\n?";
    }
    add_to(groups, index, key, std::move(g), std::move(c.point));
  }
}

}  // namespace

std::string mode_text(ScalingMode mode) { return mode == ScalingMode::weak ? "weak" : "strong"; }

std::vector<ScalingGroup> scaling_groups(const std::vector<SelectedRun>& runs, const std::string& kernel,
                                         std::optional<ScalingMode> forced) {
  std::vector<ScalingGroup> groups;
  std::map<std::string, std::size_t> index;
  std::map<std::string, std::vector<Candidate>> undecided;  // by kernel
  std::set<std::string> kernels_seen;
  for (const auto& s : runs)
    for (const auto& k : s.run.kernels) {
      kernels_seen.insert(k.result.kernel);
      if (!kernel.empty() && k.result.kernel != kernel) continue;
      Candidate c = candidate(s, k, forced);
      if (!c.mode) {
        undecided[k.result.kernel].push_back(std::move(c));
        continue;
      }
      const std::string key = k.result.kernel + "\n" + mode_text(*c.mode) + "\n" + study_key(k.result, *c.mode);
      add_to(groups, index, key, {k.result.kernel, *c.mode, c.mode_from, {}, {}}, std::move(c.point));
    }
  if (!kernel.empty() && !kernels_seen.count(kernel)) {
    std::string found;
    for (const auto& k : kernels_seen) found += (found.empty() ? "" : ", ") + k;
    throw InputError("--kernel " + in_quotes(kernel) + ": no run of the selected files has it" +
                     (found.empty() ? std::string(" (they hold no kernel results)") : "; they hold " + found));
  }
  for (auto& [name, candidates] : undecided) add_undecided(groups, candidates);
  for (auto& g : groups)
    std::stable_sort(g.points.begin(), g.points.end(), [](const auto& a, const auto& b) { return a.ranks < b.ranks; });
  return groups;
}

std::vector<int> rank_counts(const ScalingGroup& group) {
  std::set<int> counts;
  for (const auto& p : group.points) counts.insert(p.ranks);
  return {counts.begin(), counts.end()};
}

}  // namespace bramble
