#include "comparison/case_match.hpp"

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <set>

namespace bramble {
namespace {

std::uint64_t fnv1a(std::uint64_t h, const std::string& text) {
  for (unsigned char c : text) h = (h ^ c) * 0x100000001b3ULL;
  return (h ^ 0xff) * 0x100000001b3ULL;  // a separator, so "ab"+"c" differs from "a"+"bc"
}

std::string kind_of(const KernelResult& r) { return r.kernel + '\n' + r.figure_name + '\n' + r.unit; }

std::string text_of(const KernelResult* r, const std::string& name) {
  if (!r) return "-";
  const Value* v = find_value(r->parameters, name);
  return v ? to_text(*v) : "-";
}

}  // namespace

bool parameter_defines_problem(const std::string& name) {
  // An output file and the number of repetitions change neither the problem nor its rates;
  // the process grid is how the machine ran it (a Pi cluster and one server use different
  // grids for the same N), not which problem it solved; nor is the cache the machine has.
  static const std::set<std::string> not_problem{"image", "reps",    "rounds", "blocks", "p",
                                                 "q",     "grid_order", "px", "py",     "pz",
                                                 "llc_bytes", "llc_source", "llc_node_bytes_per_rank"};
  return !not_problem.count(name);
}

std::string case_hash(const KernelResult& r) {
  std::vector<const NamedValue*> params;
  for (const auto& p : r.parameters)
    if (parameter_defines_problem(p.name)) params.push_back(&p);
  std::sort(params.begin(), params.end(), [](auto* a, auto* b) { return a->name < b->name; });
  std::uint64_t h = fnv1a(0xcbf29ce484222325ULL, kind_of(r));
  for (const auto* p : params) h = fnv1a(fnv1a(h, p->name), to_text(p->value));
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(h));
  return text;
}

namespace {

using Records = std::vector<std::vector<const KernelResult*>>;
using Used = std::vector<std::vector<bool>>;  // per run, per record: already in a row
using Hashes = std::vector<std::vector<std::string>>;  // per run, per record: case_hash

CaseRow new_row(const Records& records, std::size_t r, std::size_t i) {
  const KernelResult& first = *records[r][i];
  CaseRow row{first.kernel, first.figure_name, first.unit, std::vector<int>(records.size(), -1), {}, true, {}};
  row.index[r] = int(i);
  return row;
}

// Puts into `row` the first unused record of each later run that `same(run, record)` accepts.
template <class Same>
int fill_later_runs(CaseRow& row, std::size_t r, const Records& records, const Used& used, Same same) {
  int found = 0;
  for (std::size_t s = r + 1; s < records.size(); ++s)
    for (std::size_t j = 0; j < records[s].size(); ++j)
      if (!used[s][j] && same(s, j)) {
        row.index[s] = int(j);
        ++found;
        break;
      }
  return found;
}

void mark_used(const CaseRow& row, Used& used) {
  for (std::size_t s = 0; s < row.index.size(); ++s)
    if (row.index[s] >= 0) used[s][std::size_t(row.index[s])] = true;
}

// First the same problem everywhere it appears: equal hashes, in the first run's order.
void pair_same_problems(const Records& records, const Hashes& hashes, Used& used, std::vector<CaseRow>& rows) {
  for (std::size_t r = 0; r < records.size(); ++r)
    for (std::size_t i = 0; i < records[r].size(); ++i) {
      if (used[r][i]) continue;
      CaseRow row = new_row(records, r, i);
      if (fill_later_runs(row, r, records, used, [&](std::size_t s, std::size_t j) { return hashes[s][j] == hashes[r][i]; }) == 0)
        continue;  // only in one run: paired by kind below
      mark_used(row, used);
      rows.push_back(std::move(row));
    }
}

// Then what is left, paired by kernel, figure and unit in run order (different sizes): into
// a row of the same kind this run has no place in yet, else a new row.
void pair_by_kind(const Records& records, Used& used, std::vector<CaseRow>& rows) {
  for (std::size_t r = 0; r < records.size(); ++r)
    for (std::size_t i = 0; i < records[r].size(); ++i) {
      if (used[r][i]) continue;
      const std::string kind = kind_of(*records[r][i]);
      auto row = std::find_if(rows.begin(), rows.end(), [&](const CaseRow& c) {
        return c.index[r] < 0 && c.kernel + '\n' + c.figure_name + '\n' + c.unit == kind;
      });
      if (row != rows.end()) {
        row->index[r] = int(i);
        used[r][i] = true;
        continue;
      }
      CaseRow fresh = new_row(records, r, i);
      fill_later_runs(fresh, r, records, used, [&](std::size_t s, std::size_t j) { return kind_of(*records[s][j]) == kind; });
      mark_used(fresh, used);
      rows.push_back(std::move(fresh));
    }
}

// Rows in the order the runs ran their kernels (the first run that has the row decides).
void sort_in_run_order(std::vector<CaseRow>& rows) {
  auto position = [](const CaseRow& row) {
    for (std::size_t r = 0; r < row.index.size(); ++r)
      if (row.index[r] >= 0) return std::pair<std::size_t, int>(r, row.index[r]);
    return std::pair<std::size_t, int>(row.index.size(), 0);
  };
  std::stable_sort(rows.begin(), rows.end(), [&](const CaseRow& a, const CaseRow& b) { return position(a) < position(b); });
}

// Each run's hash, and which parameters differ, where they do.
void note_differences(const Records& records, const Hashes& record_hashes, CaseRow& row) {
  const std::size_t runs = records.size();
  std::vector<const KernelResult*> present(runs, nullptr);
  std::set<std::string> hashes, names;
  row.hashes.assign(runs, "");
  for (std::size_t r = 0; r < runs; ++r)
    if (row.index[r] >= 0) {
      present[r] = records[r][std::size_t(row.index[r])];
      row.hashes[r] = record_hashes[r][std::size_t(row.index[r])];
      hashes.insert(row.hashes[r]);
      for (const auto& p : present[r]->parameters)
        if (parameter_defines_problem(p.name)) names.insert(p.name);
    }
  row.same_parameters = hashes.size() <= 1;
  if (row.same_parameters) return;
  for (const auto& name : names) {
    std::set<std::string> values;
    std::string joined;
    for (std::size_t r = 0; r < runs; ++r) {
      const std::string v = text_of(present[r], name);
      if (present[r]) values.insert(v);
      joined += (r ? " | " : "") + v;
    }
    if (values.size() > 1) row.differences.push_back(name + ": " + joined);
  }
}

}  // namespace

std::vector<CaseRow> match_cases(const Records& records) {
  Used used(records.size());
  Hashes hashes(records.size());
  for (std::size_t r = 0; r < records.size(); ++r) {
    used[r].assign(records[r].size(), false);
    for (const KernelResult* k : records[r]) hashes[r].push_back(case_hash(*k));
  }
  std::vector<CaseRow> rows;
  pair_same_problems(records, hashes, used, rows);
  pair_by_kind(records, used, rows);
  sort_in_run_order(rows);
  for (auto& row : rows) note_differences(records, hashes, row);
  return rows;
}

}  // namespace bramble
