#include "comparison/comparison.hpp"

#include "core/errors.hpp"

namespace bramble {
// Placeholder until the comparison lands.
Comparison compare_runs(std::vector<SelectedRun>, const CompareOptions&) { throw InputError("bramble compare is not implemented yet"); }
}  // namespace bramble
