#pragma once
// A phase that ends while its meter's reading is overdue: the source stopped answering
// and the read has not yet reached its own timeout, so the sampler has not recorded a
// failure. Left at that, the phase's record would only look sparsely sampled; instead
// the overdue reading counts as failed, and the record says the source stopped answering.
#include <vector>

#include "power/record.hpp"
#include "power/sampler.hpp"

namespace bramble {

// Adds the sampler's overdue reading, if any, to `n` (the node that reads the meter):
// one more error and failed reading (when it started before the phase ended), and the
// reason, unless `n` already has an error.
void count_overdue_reading(NodePhase& n, const power::Sampler& sampler, const std::vector<power::Window>& windows);

}  // namespace bramble
