#include "context/preflight_findings.hpp"

#include <algorithm>
#include <functional>

#include "core/format_units.hpp"

namespace bramble {
namespace {

using Key = std::function<std::string(const RankFacts&)>;

// Ranks that share one value of a fact, in order of their first rank.
struct Group {
  std::string value;
  std::vector<int> ranks;
};

std::vector<Group> groups_by(const std::vector<RankFacts>& ranks, const Key& key) {
  std::vector<Group> groups;
  for (int r = 0; r < static_cast<int>(ranks.size()); ++r) {
    const std::string v = key(ranks[static_cast<std::size_t>(r)]);
    auto it = std::find_if(groups.begin(), groups.end(), [&](const Group& g) { return g.value == v; });
    if (it == groups.end()) it = groups.insert(groups.end(), Group{v, {}});
    it->ranks.push_back(r);
  }
  return groups;
}

std::string join(const std::vector<std::string>& parts, const char* separator = ", ") {
  std::string out;
  for (const auto& p : parts) {
    if (!out.empty()) out += separator;
    out += p;
  }
  return out;
}

int ranks_on(const std::vector<RankFacts>& ranks, const std::string& node) {
  return static_cast<int>(
      std::count_if(ranks.begin(), ranks.end(), [&](const RankFacts& f) { return f.node == node; }));
}

// Who a group is, in words: the nodes all of whose ranks are in it, by name, and single
// ranks where a node is split between values (an MPMD launch can do that).
struct Who {
  std::string text;
  bool plural = false;
  bool whole_nodes = true;
  int nodes = 0;
};

Who who(const std::vector<RankFacts>& ranks, const std::vector<int>& group) {
  std::vector<std::string> whole, split, seen;
  for (int r : group) {
    const std::string& node = ranks[static_cast<std::size_t>(r)].node;
    if (std::find(seen.begin(), seen.end(), node) != seen.end()) continue;
    seen.push_back(node);
    const int in_group = static_cast<int>(std::count_if(group.begin(), group.end(), [&](int g) {
      return ranks[static_cast<std::size_t>(g)].node == node;
    }));
    if (in_group == ranks_on(ranks, node)) {
      whole.push_back(node);
      continue;
    }
    for (int g : group)
      if (ranks[static_cast<std::size_t>(g)].node == node)
        split.push_back(std::string("rank ") + std::to_string(g) + " on " + node);
  }
  Who w;
  w.whole_nodes = split.empty();
  w.nodes = static_cast<int>(whole.size());
  w.plural = whole.size() + split.size() > 1;
  std::vector<std::string> parts;
  if (!whole.empty()) parts.push_back(std::string(whole.size() == 1 ? "node " : "nodes ") + join(whole));
  for (auto& s : split) parts.push_back(std::move(s));
  w.text = join(parts);
  return w;
}

// The rest of the run, which holds the reference value.
std::string the_others(const Who& w, std::size_t ranks) {
  if (w.whole_nodes)
    return w.nodes == 1 ? "the other node runs" : std::string("the other ") + std::to_string(w.nodes) + " nodes run";
  return ranks == 1 ? "the other rank runs" : std::string("the other ") + std::to_string(ranks) + " ranks run";
}

// "node c runs X, node d runs Z, the other 2 nodes run Y: <fix>", or "" when every rank
// agrees. The reference is the value most ranks share; the first group (rank 0's) on a tie.
std::string differing(const std::vector<RankFacts>& ranks, const Key& key,
                      const std::function<std::string(const RankFacts&)>& shown, const std::string& fix) {
  const std::vector<Group> groups = groups_by(ranks, key);
  if (groups.size() < 2) return "";
  std::size_t ref = 0;
  for (std::size_t g = 1; g < groups.size(); ++g)
    if (groups[g].ranks.size() > groups[ref].ranks.size()) ref = g;
  auto show = [&](const Group& g) { return shown(ranks[static_cast<std::size_t>(g.ranks.front())]); };
  std::vector<std::string> parts;
  for (std::size_t g = 0; g < groups.size(); ++g) {
    if (g == ref) continue;
    const Who w = who(ranks, groups[g].ranks);
    parts.push_back(w.text + (w.plural ? " run " : " runs ") + show(groups[g]));
  }
  parts.push_back(the_others(who(ranks, groups[ref].ranks), groups[ref].ranks.size()) + " " + show(groups[ref]));
  std::string out = join(parts);
  out += ": ";
  out += fix;
  return out;
}

void add_if(std::vector<std::string>& to, std::string finding) {
  if (!finding.empty()) to.push_back(std::move(finding));
}

std::string build_shown(const RankFacts& f) {
  std::string s = "bramble ";
  s += f.version;
  s += std::string(" (commit ") + f.commit + ", " + f.arch + ", executable digest " + f.build_id + ")";
  return s;
}

// Nodes with clearly less memory available than the run's median node.
std::string memory_finding(const std::vector<RankFacts>& ranks) {
  std::vector<const RankFacts*> nodes;  // each node's first rank
  for (const RankFacts& f : ranks)
    if (f.memory_available_bytes > 0 &&
        std::none_of(nodes.begin(), nodes.end(), [&](const RankFacts* n) { return n->node == f.node; }))
      nodes.push_back(&f);
  if (nodes.size() < 2) return "";
  std::vector<std::int64_t> sizes;
  for (const RankFacts* n : nodes) sizes.push_back(n->memory_available_bytes);
  std::sort(sizes.begin(), sizes.end());
  const std::size_t mid = sizes.size() / 2;
  const double median = sizes.size() % 2 ? double(sizes[mid]) : 0.5 * (double(sizes[mid - 1]) + double(sizes[mid]));
  std::vector<std::string> low;
  for (const RankFacts* n : nodes) {
    const double have = double(n->memory_available_bytes);
    if (have < kMemoryShare * median && median - have >= double(kMemoryGapBytes))
      low.push_back(n->node + " (" + gib(have) + ", " + gib(median - have) + " less)");
  }
  if (low.empty()) return "";
  return std::string(low.size() == 1 ? "node " : "nodes ") + join(low) + (low.size() == 1 ? " has" : " have") +
         " clearly less memory available than the median node (" + gib(median) +
         "), so a problem sized to fill memory is limited by it: look for another job running there";
}

}  // namespace

const Fields<RankFacts>& rank_facts_fields() {
  static const Fields<RankFacts> fields{
      field("node", &RankFacts::node),
      field("build_id", &RankFacts::build_id),
      field("version", &RankFacts::version),
      field("commit", &RankFacts::commit),
      field("arch", &RankFacts::arch),
      field("mpi_library", &RankFacts::mpi_library),
      field("blas_core", &RankFacts::blas_core),
      field("blas_version", &RankFacts::blas_version),
      field("memory_available_bytes", &RankFacts::memory_available_bytes),
  };
  return fields;
}

PreflightFindings preflight_findings(const std::vector<RankFacts>& ranks) {
  PreflightFindings out;
  add_if(out.hard, differing(
                       ranks, [](const RankFacts& f) { return f.build_id; }, build_shown,
                       "every rank must run the same bramble build; install one build on every node"));
  add_if(out.hard, differing(
                       ranks, [](const RankFacts& f) { return f.mpi_library; },
                       [](const RankFacts& f) { return f.mpi_library; },
                       "every rank must use the same MPI library; install one version on every node"));
  add_if(out.soft, differing(
                       ranks, [](const RankFacts& f) { return f.blas_core; },
                       [](const RankFacts& f) { return std::string("OpenBLAS's ") + f.blas_core + " kernels"; },
                       "BLAS-bound figures (HPL) differ by node, and the slowest paces the run; "
                       "check OPENBLAS_CORETYPE there, or compare only with runs on the same mix"));
  add_if(out.soft, differing(
                       ranks, [](const RankFacts& f) { return f.blas_version; },
                       [](const RankFacts& f) { return f.blas_version; },
                       "BLAS speed may differ by node; install one OpenBLAS version on every node"));
  add_if(out.soft, memory_finding(ranks));
  return out;
}

}  // namespace bramble
