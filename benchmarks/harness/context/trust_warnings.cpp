#include "context/trust_warnings.hpp"

#include "blas_info.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <sstream>

namespace bramble {
namespace {

bool same_name(const std::string& a, const std::string& b) {
  return std::equal(a.begin(), a.end(), b.begin(), b.end(), [](char x, char y) {
    return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
  });
}

std::string join(const std::vector<std::string>& parts, const std::string& separator = ", ") {
  std::string out;
  for (const auto& p : parts) out += (out.empty() ? "" : separator) + p;
  return out;
}

// "node a" or "nodes a, b".
std::string nodes_named(const std::vector<std::string>& names) {
  return (names.size() == 1 ? "node " : "nodes ") + join(names);
}

bool env_set(const char* name) {
  const char* v = std::getenv(name);
  return v != nullptr && v[0] != '\0';
}

// A host as the warnings need it: pretend nodes of one host share its cores and governor.
struct Host {
  std::string name, governor;
  int cores = 0, ranks = 0;
  int physical_cores = 0;      // physical_cores_or_logical() of its nodes
  bool physical_known = true;  // every node's count came from the CPU topology, not the logical CPUs
  std::vector<int> nodes;      // indices into RunMetadata::nodes
};

std::vector<Host> hosts_of(const RunMetadata& m, const TrustInputs& in) {
  std::vector<Host> hosts;
  for (std::size_t i = 0; i < m.nodes.size(); ++i) {
    const NodeInfo& node = m.nodes[i];
    const std::string name = i < in.hosts.size() ? in.hosts[i] : node.hostname;
    auto it = std::find_if(hosts.begin(), hosts.end(), [&](const Host& h) { return h.name == name; });
    if (it == hosts.end()) {
      it = hosts.insert(hosts.end(), Host{});
      it->name = name;
      it->governor = node.governor;
    }
    it->cores = std::max(it->cores, node.cores);
    it->physical_cores = std::max(it->physical_cores, physical_cores_or_logical(node));
    it->physical_known = it->physical_known && node.physical_cores > 0 && node.core_note.empty();
    it->ranks += node.ranks;
    it->nodes.push_back(static_cast<int>(i));
  }
  return hosts;
}

// "4 physical cores", or where the topology was not read "4 logical CPUs (physical cores unknown)".
std::string physical_cores_text(const Host& h) {
  return h.physical_known ? std::to_string(h.physical_cores) + " physical cores"
                          : std::to_string(h.physical_cores) + " logical CPUs (physical cores unknown)";
}

std::string ranks_text(int ranks) { return std::to_string(ranks) + (ranks == 1 ? " rank" : " ranks"); }

// What in the flags makes timings unrepresentative, in the order found. The last -O is the
// one the compiler uses; none at all means -O0 (no flags at all: not recorded, so no claim).
std::vector<std::string> slow_flags(const std::string& flags) {
  std::vector<std::string> found;
  std::istringstream in(flags);
  std::string flag, last_o;
  while (in >> flag) {
    if (flag.rfind("-O", 0) == 0) last_o = flag;
    const bool slow = flag == "-D_GLIBCXX_ASSERTIONS" || flag.rfind("-D_GLIBCXX_DEBUG", 0) == 0 ||
                      flag.rfind("-D_LIBCPP_ENABLE_ASSERTIONS", 0) == 0 ||
                      flag.rfind("-fsanitize=", 0) == 0 || flag == "--coverage" ||
                      flag == "-fprofile-arcs" || flag == "-pg";
    if (slow && std::find(found.begin(), found.end(), flag) == found.end()) found.push_back(flag);
  }
  if (last_o.empty() && !flags.empty()) found.push_back("no -O (so -O0)");
  else if (last_o == "-O0" || last_o == "-Og") found.push_back(last_o);
  return found;
}

void build_warning(const RunMetadata& m, std::vector<std::string>& out) {
  const bool release = same_name(m.build_type, "Release");
  const std::vector<std::string> flags = slow_flags(m.compiler_flags);
  if (release && flags.empty()) return;
  std::string what = m.build_type.empty() ? "a build with no build type" : "a " + m.build_type + " build";
  if (!flags.empty()) what += " with " + join(flags, " ");
  out.push_back("this is " + what +
                ", so timings are not representative: build the release preset "
                "(cmake --preset release && cmake --build build/release)");
}

// One line per governor: the fix is the same for every node that has it.
void governor_warnings(const std::vector<Host>& hosts, std::vector<std::string>& out) {
  std::vector<std::string> governors;
  for (const Host& h : hosts)
    if (!h.governor.empty() && h.governor != "performance" &&
        std::find(governors.begin(), governors.end(), h.governor) == governors.end())
      governors.push_back(h.governor);
  for (const std::string& g : governors) {
    std::vector<std::string> names;
    for (const Host& h : hosts)
      if (h.governor == g) names.push_back(h.name);
    out.push_back("CPU governor is " + g + ", not performance, on " + nodes_named(names) +
                  ", so clocks follow the load and timings vary: "
                  "run cpupower frequency-set -g performance there as root");
  }
}

// Forcing a core is not wrong in itself (OpenBLAS may not know a new CPU and pick a slow
// generic core), so the fix offered is to compare like with like; but a figure made with a
// forced core is not what a default install gives, and a comparison across machines must
// say so.
void blas_core_warning(const RunMetadata& m, const TrustInputs& in, const std::vector<Host>& hosts,
                       std::vector<std::string>& out) {
  if (in.blas_coretype.empty()) return;
  const std::string where = hosts.empty() ? "this node" : hosts.front().name;
  const std::string forced = "OPENBLAS_CORETYPE=" + in.blas_coretype + " forces OpenBLAS's " +
                             m.blas_corename + " kernels";
  const bool unknown = m.blas_core_auto.empty() || m.blas_core_auto == "unknown";
  if (unknown) {
    out.push_back(forced + " and bramble could not tell which core OpenBLAS would pick on " + where +
                  (in.blas_probe_error.empty() ? "" : " (" + in.blas_probe_error + ")") +
                  ", so BLAS-bound figures (HPL) may not be what OpenBLAS gives here by default: "
                  "compare only with runs on the same core, or unset OPENBLAS_CORETYPE to measure its own pick");
  } else if (!same_name(m.blas_core_auto, m.blas_corename)) {
    out.push_back(forced + ", but on " + where + " OpenBLAS would pick " + m.blas_core_auto +
                  ", so BLAS-bound figures (HPL) are not what OpenBLAS gives here by default: "
                  "compare only with runs on the same core, or unset OPENBLAS_CORETYPE to measure its own pick");
  }
}

void oversubscription_warning(const std::vector<Host>& hosts, std::vector<std::string>& out) {
  std::vector<std::string> crowded;
  for (const Host& h : hosts)
    if (h.cores > 0 && h.ranks > h.cores)
      crowded.push_back(h.name + " (" + std::to_string(h.ranks) + " ranks on " +
                        std::to_string(h.cores) + " online cores)");
  if (crowded.empty()) return;
  out.push_back("more ranks than cores on " + nodes_named(crowded) +
                ", so ranks take turns on a core and timings are not representative: "
                "start at most one rank per physical core");
}

// Between the physical cores and the hardware threads: no rank waits for a turn, but SMT
// siblings split one core's pipelines and caches. Beyond the threads the rule above speaks.
void smt_sharing_warning(const std::vector<Host>& hosts, std::vector<std::string>& out) {
  std::vector<std::string> shared;
  for (const Host& h : hosts)
    if (h.physical_known && h.ranks > h.physical_cores && h.ranks <= h.cores)
      shared.push_back(h.name + " (" + ranks_text(h.ranks) + " on " + physical_cores_text(h) + ", " +
                       std::to_string(h.cores) + " hardware threads)");
  if (shared.empty()) return;
  out.push_back("more ranks than physical cores on " + nodes_named(shared) +
                ", so ranks share cores as SMT siblings and a rank's figures are not a core's: "
                "start at most one rank per physical core");
}

// Ranks bound (mpirun --bind-to, taskset, a cpuset) within one physical core each, two or
// more to the same core, on a host with a core for every rank: they take turns on it, or
// split it as SMT siblings, while other cores idle. With more ranks than cores the rules
// above already speak, so this one stays silent there.
void shared_core_binding_warning(const RunMetadata& m, const std::vector<Host>& hosts,
                                 std::vector<std::string>& out) {
  std::vector<std::string> found;
  for (const Host& h : hosts) {
    if (h.ranks > h.physical_cores) continue;
    std::vector<std::pair<std::string, std::vector<int>>> ranks_on;  // core -> ranks, in rank order
    for (std::size_t r = 0; r < m.rank_placement.size(); ++r) {
      const RankPlacement& p = m.rank_placement[r];
      if (p.core.empty() || std::find(h.nodes.begin(), h.nodes.end(), p.node) == h.nodes.end()) continue;
      auto it = std::find_if(ranks_on.begin(), ranks_on.end(), [&](const auto& c) { return c.first == p.core; });
      if (it == ranks_on.end()) it = ranks_on.insert(ranks_on.end(), {p.core, {}});
      it->second.push_back(static_cast<int>(r));
    }
    std::vector<std::string> cores;
    for (const auto& [core, ranks] : ranks_on) {
      if (ranks.size() < 2) continue;
      std::vector<std::string> names;
      for (int r : ranks) names.push_back(std::to_string(r));
      cores.push_back("ranks " + join(names) + " on core " + core);
    }
    if (!cores.empty()) found.push_back(h.name + " (" + join(cores, "; ") + ")");
  }
  if (found.empty()) return;
  out.push_back("ranks bound to the same physical core (package:core) on " + nodes_named(found) +
                ", so they take turns on it or split it as SMT siblings while other cores idle: "
                "bind one rank per physical core (mpirun --bind-to core) or do not bind");
}

// /core divides by every physical core of the node, and the node draws its idle power
// whether its cores work or not: a node running fewer ranks than cores looks worse per core
// and per watt than it is. BLAS threads do not change that: only HPL uses them.
void undersubscription_warning(const std::vector<Host>& hosts, std::vector<std::string>& out) {
  std::vector<std::string> idle;
  for (const Host& h : hosts)
    if (h.physical_cores > 0 && h.ranks < h.physical_cores)
      idle.push_back(h.name + " (" + ranks_text(h.ranks) + " on " + physical_cores_text(h) + ")");
  if (idle.empty()) return;
  out.push_back("fewer ranks than physical cores on " + nodes_named(idle) +
                ", so cores sit idle and per-core and per-watt figures understate the machine: "
                "start one rank per physical core (scripts/run.sh does)");
}

void blas_threads_warning(const TrustInputs& in, const std::vector<Host>& hosts, std::vector<std::string>& out) {
  if (in.blas_threads <= 1) return;
  const int t = in.blas_threads;
  std::vector<std::string> crowded;
  int most = 0;  // the most threads per rank every crowded host has cores for
  for (const Host& h : hosts) {
    // Unset, OpenBLAS sizes its pool for the whole machine in every rank, so a second rank
    // on the host is already too many; set, it is too many only beyond the cores.
    const bool too_many = in.blas_threads_set ? h.cores > 0 && static_cast<long>(t) * h.ranks > h.cores
                                              : h.ranks > 1;
    if (!too_many) continue;
    crowded.push_back(h.name + " (" + std::to_string(h.ranks) + (h.ranks == 1 ? " rank" : " ranks") +
                      (h.cores > 0 ? " on " + std::to_string(h.cores) + " cores" : "") + ")");
    const int fit = h.cores > 0 ? std::max(1, h.cores / std::max(1, h.ranks)) : 1;
    most = most == 0 ? fit : std::min(most, fit);
  }
  if (crowded.empty()) return;
  if (!in.blas_threads_set)
    out.push_back(std::to_string(t) + " BLAS threads per rank with several ranks on " + nodes_named(crowded) +
                  " oversubscribe the cores (OPENBLAS_NUM_THREADS is unset, so every rank's OpenBLAS "
                  "starts a thread per core): set OPENBLAS_NUM_THREADS=1");
  else
    out.push_back(std::to_string(t) + " BLAS threads per rank are more threads than cores on " +
                  nodes_named(crowded) + ", so BLAS threads take turns on a core: set OPENBLAS_NUM_THREADS=" +
                  std::to_string(most) + (most > 1 ? " or fewer" : ""));
}

}  // namespace

TrustInputs this_process_trust_inputs() {
  TrustInputs in;
  in.blas_threads = bramble_blas_threads();
  // OpenBLAS takes its thread count from the first of these that is set.
  in.blas_threads_set = env_set("OPENBLAS_NUM_THREADS") || env_set("GOTO_NUM_THREADS") || env_set("OMP_NUM_THREADS");
  if (const char* core = std::getenv("OPENBLAS_CORETYPE")) in.blas_coretype = core;
  return in;
}

std::vector<std::string> trust_warnings(const RunMetadata& m, const TrustInputs& in) {
  std::vector<std::string> out;
  const std::vector<Host> hosts = hosts_of(m, in);
  build_warning(m, out);
  governor_warnings(hosts, out);
  blas_core_warning(m, in, hosts, out);
  oversubscription_warning(hosts, out);
  smt_sharing_warning(hosts, out);
  shared_core_binding_warning(m, hosts, out);
  undersubscription_warning(hosts, out);
  blas_threads_warning(in, hosts, out);
  return out;
}

}  // namespace bramble
