#include "power/sources/command_sources.hpp"

#include <sys/wait.h>

#include <cstdio>
#include <map>
#include <regex>
#include <sstream>

namespace bramble::power {

std::string run_command(const std::string& command) {
  // coreutils' timeout: a hung vcgencmd or BMC must not hang the sampler (and so the rank).
  // Its complaints go into the message (stderr joined to stdout), not onto every node's
  // terminal; the parsers look for their own lines, so a warning line does no harm.
  const std::string bounded = "timeout -k 1 5 " + command + " 2>&1";
  FILE* pipe = ::popen(bounded.c_str(), "r");
  if (!pipe) throw PowerError("cannot run `" + command + "`");
  std::string out;
  char buf[4096];
  for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, pipe)) > 0;) out.append(buf, n);
  const int status = ::pclose(pipe);
  if (status != 0) {
    if (WIFEXITED(status) && WEXITSTATUS(status) == 124) throw PowerError("`" + command + "` timed out after 5 s");
    if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
      throw PowerError("`" + command + "` failed: " + command.substr(0, command.find(' ')) +
                       " is not installed or not on PATH");
    const std::string first = out.substr(0, out.find('\n'));
    throw PowerError("`" + command + "` failed" + (first.empty() ? "" : ": " + first));
  }
  return out;
}

double parse_pmic_watts(const std::string& output) {
  // e.g. "  VDD_CORE_A current(7)=10.87674000A" and "  VDD_CORE_V volt(15)=0.89745940V"
  static const std::regex line(R"(^\s*(\S+)_([AV])\s+\w+\(\d+\)=([-+0-9.eE]+)[AV]\s*$)");
  std::map<std::string, double> amps, volts;
  std::istringstream in(output);
  for (std::string text; std::getline(in, text);) {
    std::smatch m;
    if (!std::regex_match(text, m, line)) continue;
    (m[2] == "A" ? amps : volts)[m[1]] = std::stod(m[3]);
  }
  if (amps.empty()) throw PowerError("no PMIC current lines in `vcgencmd pmic_read_adc` output: \"" +
                                     output.substr(0, output.find('\n')) + "\" (a Raspberry Pi 5 is needed)");
  double watts = 0;
  for (const auto& [rail, a] : amps) {
    const auto v = volts.find(rail);
    if (v == volts.end()) throw PowerError("PMIC rail " + rail + " has a current line but no voltage line");
    watts += a * v->second;
  }
  return watts;
}

double parse_dcmi_watts(const std::string& output) {
  static const std::regex reading(R"(Instantaneous power reading:\s*([0-9.]+)\s*Watts)");
  static const std::regex state(R"(Power reading state is:\s*(\w+))");
  std::smatch m;
  if (std::regex_search(output, m, state) && m[1] != "activated")
    throw PowerError("the BMC's DCMI power reading is " + std::string(m[1]) + " (enable it in the BMC)");
  if (!std::regex_search(output, m, reading))
    throw PowerError("no \"Instantaneous power reading\" in ipmitool's output");
  const double watts = std::stod(m[1]);
  if (!(watts > 0)) throw PowerError("the BMC reports 0 W: its DCMI power reading is not usable");
  return watts;
}

Pi5PmicSource::Pi5PmicSource(std::string command, bool wall_model)
    : command_(std::move(command)), correct_(wall_model) {}

std::string Pi5PmicSource::describe() const {
  return "`" + command_ + "`, sum of rail V x I" +
         (correct_ ? std::string(", modelled as input power 1.1451 W + 0.5879 W (a published fit of one board, "
                                 "github.com/jfikar/RPi5-power; not measured here)")
                   : std::string());
}

Reading Pi5PmicSource::read() {
  const double pmic = parse_pmic_watts(run_command(command_));
  return Reading{false, 0, correct_ ? kPmicToInputSlope * pmic + kPmicToInputOffsetWatts : pmic};
}

IpmiSource::IpmiSource(std::string command) : command_(std::move(command)) {}

}  // namespace bramble::power
