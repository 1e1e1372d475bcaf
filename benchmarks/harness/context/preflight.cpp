#include "context/preflight.hpp"

#include <sys/utsname.h>

#include <chrono>
#include <sstream>

#include "blas_info.h"
#include "bramble/version.hpp"
#include "context/build_id.hpp"
#include "context/topology.hpp"
#include "core/collective.hpp"
#include "core/comm_info.hpp"
#include "core/gather.hpp"

namespace bramble {
namespace {

// Open MPI's version is one line; MPICH's runs to many (configure options): the first says
// which library and version it is.
std::string mpi_library_line() {
  char lib[MPI_MAX_LIBRARY_VERSION_STRING] = {};
  int len = 0;
  MPI_Get_library_version(lib, &len);
  std::string text(lib, static_cast<std::size_t>(len));
  text = text.substr(0, text.find('\n'));
  while (!text.empty() && (text.back() == '\0' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text;
}

// "OpenBLAS 0.3.21 DYNAMIC_ARCH NO_AFFINITY Haswell MAX_THREADS=64" -> "OpenBLAS 0.3.21":
// the rest is build options and the core, which is compared on its own.
std::string blas_version() {
  std::istringstream in(bramble_blas_config());
  std::string name, version;
  in >> name >> version;
  return version.empty() ? name : name + " " + version;
}

void apply_fake(RankFacts& facts, const std::string& fake) {
  const auto eq = fake.find('=');
  const std::string name = fake.substr(0, eq);
  for (const auto& f : rank_facts_fields()) {
    if (f.name != name || eq == std::string::npos) continue;
    const std::string text = fake.substr(eq + 1);
    if (std::holds_alternative<std::int64_t>(f.get(facts))) {
      try {
        f.set(facts, Value{std::int64_t{std::stoll(text)}});
      } catch (const std::exception&) {
        throw InputError(std::string("--preflight-fake ") + fake + ": " + name + " takes a whole number");
      }
    } else {
      f.set(facts, Value{text});
    }
    return;
  }
  std::string names;
  for (const auto& f : rank_facts_fields()) {
    if (!names.empty()) names += ", ";
    names += f.name;
  }
  throw InputError(std::string("--preflight-fake ") + fake + ": expected FIELD=VALUE with FIELD one of " + names);
}

}  // namespace

RankFacts this_rank_facts(const Topology& topology, const std::vector<std::string>& fakes) {
  const NodeInfo& node = topology.nodes()[static_cast<std::size_t>(topology.my_node())];
  RankFacts f;
  f.node = node.hostname;
  f.memory_available_bytes = node.memory_available_bytes;
  f.version = kProgramVersion;
  f.commit = kGitCommit;
  struct utsname u {};
  f.arch = uname(&u) == 0 ? u.machine : "unknown";
  f.mpi_library = mpi_library_line();
  f.blas_core = bramble_blas_corename();
  f.blas_version = blas_version();
  bool faked_build = false;
  for (const auto& fake : fakes) {
    apply_fake(f, fake);
    faked_build = faked_build || fake.rfind("build_id=", 0) == 0;
  }
  if (!faked_build) f.build_id = this_build_id();  // the one part that takes a moment
  return f;
}

PreflightResult run_preflight(MPI_Comm world, const Topology& topology, const std::vector<std::string>& fakes) {
  const auto start = std::chrono::steady_clock::now();
  RankFacts mine;
  agree(world, [&] { mine = this_rank_facts(topology, fakes); });
  const std::vector<std::string> all = gather_text(world, encode(to_values(mine, rank_facts_fields())));

  PreflightResult result;
  PreflightFindings findings;
  if (comm_rank(world) == 0) {
    std::vector<RankFacts> ranks;
    for (const std::string& text : all) ranks.push_back(from_values(decode(text), rank_facts_fields()));
    findings = preflight_findings(ranks);
  }
  agree(world, [&] {
    if (findings.hard.empty()) return;
    std::string message = "preflight: ";
    for (std::size_t i = 0; i < findings.hard.size(); ++i) {
      if (i > 0) message += "; and ";
      message += findings.hard[i];
    }
    message += " (--no-preflight skips this check)";
    throw InputError(message);
  });
  result.warnings = std::move(findings.soft);
  result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return result;
}

}  // namespace bramble
