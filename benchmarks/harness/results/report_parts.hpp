#pragma once
// Pieces the reporters share.
#include <memory>
#include <string>

#include "results/headline.hpp"
#include "results/report.hpp"

namespace bramble {

// "2 Gflop/s/W" with a '*' when not Green500-valid.
std::string per_watt_text(const HeadlinePower& h);

std::unique_ptr<Reporter> make_table_reporter();
std::unique_ptr<Reporter> make_markdown_reporter();
std::unique_ptr<Reporter> make_csv_reporter();
std::unique_ptr<Reporter> make_json_reporter();

}  // namespace bramble
