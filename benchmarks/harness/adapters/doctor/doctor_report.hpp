#pragma once
// The doctor's own report, printed at the end of `bramble doctor`: a row per node with every
// probe's figure and its flags, the link matrix, what was not compared and why, and then
// each finding on a line of its own, "bramble: doctor: n3: link to others 11.9 MB/s vs
// median 112 MB/s", for people and for grep.
#include <string>
#include <vector>

#include "adapters/doctor/diagnosis.hpp"
#include "adapters/doctor/link_matrix.hpp"
#include "adapters/doctor/node_figures.hpp"

namespace bramble::doctor {

std::string doctor_report(const std::vector<NodeFigures>& nodes, const LinkMatrix& links, const Diagnosis& d);

}  // namespace bramble::doctor
