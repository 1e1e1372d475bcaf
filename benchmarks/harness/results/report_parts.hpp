#pragma once
// Pieces the reporters share.
#include <memory>
#include <string>
#include <vector>

#include "results/headline.hpp"
#include "results/report.hpp"

namespace bramble {

// "2 Gflop/s/W" with a '*' when not Green500-valid.
std::string per_watt_text(const HeadlinePower& h);

// The declared extras (--power-extra) in one line: "switch 12 W, fans 3 W"; "" for none.
std::string extras_text(const std::vector<PowerExtra>& extras);

std::unique_ptr<Reporter> make_table_reporter();
std::unique_ptr<Reporter> make_markdown_reporter();
std::unique_ptr<Reporter> make_csv_reporter();
std::unique_ptr<Reporter> make_json_reporter();

}  // namespace bramble
