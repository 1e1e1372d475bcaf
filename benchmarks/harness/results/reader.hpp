#pragma once
// Reading a result file back into the result model (results/model.hpp), for the summary
// after a run, `bramble show`, tests and `bramble compare`.
#include <string>

#include "results/model.hpp"

namespace bramble {

// Throws InputError for a missing, foreign, truncated or damaged file.
ResultFile read_result_file(const std::string& path);

}  // namespace bramble
