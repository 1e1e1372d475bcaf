#include "comparison/published.hpp"

#include "core/errors.hpp"

namespace bramble {
// Placeholder until the published figures land.
std::vector<PublishedRow> parse_published_csv(const std::string&, const std::string& origin) {
  throw InputError(origin + ": published figures are not implemented yet");
}
std::vector<PublishedRow> builtin_published() { return parse_published_csv("", "built-in published figures"); }
void report_published_ranking(std::ostream&, const std::vector<PublishedRow>&, const std::vector<SelectedRun>&,
                              const std::string&) {}
}  // namespace bramble
