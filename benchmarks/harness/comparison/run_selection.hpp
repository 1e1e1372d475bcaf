#pragma once
// Which runs a comparison looks at. A result file may hold several runs (every `bramble run
// --out F` appends one); `FILE` takes them all, `FILE#NAME` those whose name is NAME, a
// run's name being its label, else its first host and time (results/model.hpp run_name), and
// `FILE#run-0002` the run of that group, which always works: a label may hold '#' or be
// given to two runs.
#include <cstdint>
#include <string>
#include <vector>

#include "results/model.hpp"

namespace bramble {

struct SelectedRun {
  std::string file;  // the path as given
  std::string name;  // run_name(run), with " (2)", " (3)" added where two runs share a name
  RunRecord run;
};

// Reads every file once, in order. Throws InputError naming the file for a missing,
// foreign, truncated or newer-schema file, and for a NAME no run of the file has (the
// message lists the names it does have).
std::vector<SelectedRun> select_runs(const std::vector<std::string>& specs);

// "results/a.h5#epyc" -> {"results/a.h5", "epyc"}; "a.h5" -> {"a.h5", ""}. A path that
// itself holds '#' and exists as given is taken whole; otherwise the split is at the first
// '#' whose prefix exists, so "a.h5#rack#2" is run "rack#2" of a.h5.
std::pair<std::string, std::string> split_run_spec(const std::string& spec);

}  // namespace bramble
