#include "power/power_extra.hpp"

#include <optional>

#include "core/errors.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"

namespace bramble {

std::string check_power_extra(const std::string& text) {
  const std::size_t colon = text.find(':');
  const std::optional<double> watts = parse_finite_number(std::string_view(text).substr(0, colon));
  if (!watts || !(*watts > 0 && *watts <= kMaxExtraWatts))
    return "must be W[:NAME], W a finite number of watts above 0 and at most 1000000 (e.g. 12:switch), got " +
           in_quotes(text);
  // The name is shown in every table and stored in the result file.
  if (colon != std::string::npos && (colon + 1 == text.size() || !is_printable(text.substr(colon + 1))))
    return "must be W[:NAME] with NAME printable text that is not empty (e.g. 12:switch), got " + in_quotes(text);
  return "";
}

PowerExtra parse_power_extra(const std::string& text) {
  if (const std::string problem = check_power_extra(text); !problem.empty())
    throw InputError("--power-extra: " + problem);
  const std::size_t colon = text.find(':');
  return {colon == std::string::npos ? std::string(kDefaultExtraName) : text.substr(colon + 1),
          *parse_finite_number(std::string_view(text).substr(0, colon))};
}

double total_extra_watts(const std::vector<PowerExtra>& extras) {
  double sum = 0;
  for (const PowerExtra& e : extras) sum += e.watts;
  return sum;
}

}  // namespace bramble
