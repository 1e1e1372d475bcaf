#include "power/source_factory.hpp"

#include <cstdlib>

#include "power/fixed_source.hpp"
#include "power/rapl_source.hpp"

namespace bramble::power {

std::unique_ptr<PowerSource> make_source(const std::string& spec, const std::string& root) {
  const auto colon = spec.find(':');
  const std::string kind = spec.substr(0, colon);
  const std::string arg = colon == std::string::npos ? "" : spec.substr(colon + 1);
  if (kind == "none") return nullptr;
  if (kind == "auto") return RaplSource::present(root) ? std::make_unique<RaplSource>(root) : nullptr;
  if (kind == "rapl") return std::make_unique<RaplSource>(root);
  if (kind == "fixed") {
    char* end = nullptr;
    const double watts = std::strtod(arg.c_str(), &end);
    if (arg.empty() || *end != '\0') throw PowerError("--power fixed needs watts, e.g. fixed:7.5");
    return std::make_unique<FixedSource>(watts);
  }
  throw PowerError("unknown power source \"" + kind + "\" (known: auto, rapl, fixed:WATTS, none)");
}

}  // namespace bramble::power
