#pragma once
// `--power KIND[:ARG]` to a live source. Kinds so far: rapl, hwmon:NAME[:SCOPE], pi5-pmic[:wall],
// ipmi[:COMMAND], smartplug:URL, fixed:WATTS[:IDLE], auto, none. The two `wall` suffixes are
// not measured wall power: hwmon's is the user's label (scope wall-declared), pi5-pmic's a
// model (scope wall-model); see power/scope.hpp. A named source is read once here, so a broken
// one fails before any kernel runs.
// `auto` picks the best available and returns nullptr when nothing is: then the run goes on
// without energy figures.
#include <memory>
#include <string>

#include "power/sources/credentials.hpp"
#include "power/sources/power_source.hpp"

namespace bramble::power {

// Where `auto` looks, best scope first: a BMC over IPMI (wall; when /dev/ipmi0 exists), the
// Pi 5 PMIC (board; on a board whose device tree says Raspberry Pi 5), an INA2xx current sensor in hwmon (board),
// RAPL (cpu-package). Commands and the root are injectable for tests.
struct AutoProbe {
  std::string root;                                   // prefixes /sys, /proc and /dev
  std::string pmic_command = "vcgencmd pmic_read_adc";
  std::string ipmi_command = "ipmitool dcmi power reading";
};

// The first candidate that reads, or nullptr with `why` saying what was tried and why each
// failed (e.g. RAPL present but root-only).
std::unique_ptr<PowerSource> auto_source(const AutoProbe& probe, std::string& why);

// Throws PowerError for an unknown kind or a bad argument, or if the source asked for
// cannot be read. `root` prefixes /sys (tests). For `auto` finding nothing, returns
// nullptr and, if `why` is given, says why. `credentials` are a smart plug's, from the power
// config; any other kind given some is refused rather than ignored.
std::unique_ptr<PowerSource> make_source(const std::string& spec, const std::string& root = "",
                                         std::string* why = nullptr, const HttpCredentials& credentials = {});

}  // namespace bramble::power
