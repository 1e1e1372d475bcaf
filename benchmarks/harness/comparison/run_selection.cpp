#include "comparison/run_selection.hpp"

#include <sys/stat.h>

#include <map>

#include "core/errors.hpp"
#include "results/reader.hpp"

namespace bramble {

std::pair<std::string, std::string> split_run_spec(const std::string& spec) {
  struct stat st {};
  const std::size_t first = spec.find('#');
  if (first == std::string::npos || ::stat(spec.c_str(), &st) == 0) return {spec, ""};
  // The first '#' after which the path exists: a label may hold '#' too ("rack#2"), and a
  // path may; where no prefix exists, the first '#' (the message then names that file).
  for (std::size_t hash = first; hash != std::string::npos; hash = spec.find('#', hash + 1))
    if (::stat(spec.substr(0, hash).c_str(), &st) == 0) return {spec.substr(0, hash), spec.substr(hash + 1)};
  return {spec.substr(0, first), spec.substr(first + 1)};
}

std::vector<SelectedRun> select_runs(const std::vector<std::string>& specs) {
  std::vector<SelectedRun> selected;
  std::map<std::string, ResultFile> files;  // each file read once, however often it is named
  for (const auto& spec : specs) {
    const auto [path, name] = split_run_spec(spec);
    auto it = files.find(path);
    if (it == files.end()) it = files.emplace(path, read_result_file(path)).first;
    const ResultFile& file = it->second;
    if (file.runs.empty()) throw InputError(path + " holds no runs");
    // A run's group ("run-0002") picks it whatever its label holds, and tells apart runs
    // that share a label; a name picks every run so named.
    bool found = false;
    std::string names;
    for (const auto& run : file.runs) {
      const std::string n = run_name(run);
      names += (names.empty() ? "\"" : ", \"") + n + "\" (" + run.group + ")";
      if (!name.empty() && n != name && run.group != name) continue;
      selected.push_back({path, n, run});
      found = true;
    }
    if (!found)
      throw InputError(path + " has no run named \"" + name + "\"; its runs are " + names +
                       ": pick one by name or by its group, e.g. " + path + "#" + file.runs.back().group);
  }
  // Names are how tables, --baseline and --price refer to runs: make them unique.
  std::map<std::string, int> seen;
  for (auto& s : selected)
    if (int n = ++seen[s.name]; n > 1) s.name += " (" + std::to_string(n) + ")";
  return selected;
}

}  // namespace bramble
