#include "comparison/scaling_study.hpp"

#include "core/errors.hpp"

namespace bramble {
// Placeholder until the scaling study lands.
void report_scaling(std::ostream&, const ScalingOptions&) { throw InputError("bramble scaling is not implemented yet"); }
}  // namespace bramble
