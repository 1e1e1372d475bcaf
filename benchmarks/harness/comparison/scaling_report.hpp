#pragma once
// Writing scaling studies: "table" (a terminal, a classroom projector), "markdown" (a
// GitHub issue or lab notes), "csv" (a row per rank count, for plotting) or "json".
#include <ostream>
#include <string>
#include <vector>

#include "comparison/scaling_analysis.hpp"

namespace bramble {

// `notes`: what was left out, e.g. a kernel run at one rank count only.
void write_scaling_text(std::ostream& out, const std::vector<ScalingStudy>& studies,
                        const std::vector<std::string>& notes, bool markdown);
void write_scaling_csv(std::ostream& out, const std::vector<ScalingStudy>& studies);
void write_scaling_json(std::ostream& out, const std::vector<ScalingStudy>& studies,
                        const std::vector<std::string>& notes);

// The fit in one sentence, e.g. "Amdahl fit: serial fraction f = 0.083 ...".
std::string fit_sentence(const ScalingStudy& s);

}  // namespace bramble
