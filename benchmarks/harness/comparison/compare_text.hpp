#pragma once
// A Comparison as lines and cells of text, shared by the table and markdown reporters so
// both say the same thing: the run list, a grid per case, the geometric mean, the year.
#include <string>
#include <vector>

#include "comparison/comparison.hpp"

namespace bramble {

using TextGrid = std::vector<std::vector<std::string>>;  // the first row is the header

// Four significant digits, "-" for NaN: 81.07, 0.5412, 12345.
std::string sig4(double v);

std::string comparison_title(const Comparison& c);
TextGrid run_list(const Comparison& c);
// The grid of one case: a row per run, with a problem column where the runs' problems differ.
TextGrid case_grid(const Comparison& c, const CompareRow& row);
// "two-ranks 1.85x (per watt 1.10x)" per run, over the kernels named.
std::vector<std::string> geomean_lines(const Comparison& c);
// Only with --duty: the yearly model, a row per case and run.
TextGrid year_grid(const Comparison& c);
std::string year_title(const Comparison& c);

}  // namespace bramble
