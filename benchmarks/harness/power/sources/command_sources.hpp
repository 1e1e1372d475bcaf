#pragma once
// Sources read by running a command and parsing what it prints: the Raspberry Pi 5's PMIC
// (`vcgencmd pmic_read_adc`) and a server BMC (`ipmitool dcmi power reading`). The command
// is injectable, so tests run fake scripts with canned (and broken) output.
#include <string>

#include "power/sources/power_source.hpp"

namespace bramble::power {

// Runs `command` through /bin/sh and returns its standard output; PowerError if it cannot
// be started or exits non-zero.
std::string run_command(const std::string& command);

// Sum of V x I over the PMIC's rails, pairing each rail's `_A` current line with its `_V`
// voltage line by rail name (not by the number in parentheses). Throws PowerError naming
// a rail that has a current but no voltage, or output with no current lines at all.
double parse_pmic_watts(const std::string& output);

// The "Instantaneous power reading" in watts; PowerError when the BMC says the reading is
// deactivated, or reads zero (some BMCs report 0 rather than an error).
double parse_dcmi_watts(const std::string& output);

// The linear model behind `pi5-pmic:wall`: input power ~= kPmicToInputSlope x (sum of the
// PMIC's rails) + kPmicToInputOffsetWatts. Where it comes from: the README of
// github.com/jfikar/RPi5-power, whose author measured one Raspberry Pi 5 with a USB-C power
// meter at several loads against the PMIC sum (averaged over 50 s) and fitted a line. It is
// someone else's measurement of one board, not measured here; and a USB-C meter sits between
// the power supply and the board, so the model estimates the board's 5 V input, without the
// supply's own loss. Hence its own scope, wall-model, which never counts as measured wall.
inline constexpr double kPmicToInputSlope = 1.1451;
inline constexpr double kPmicToInputOffsetWatts = 0.5879;

class Pi5PmicSource : public PowerSource {
 public:
  // With `wall_model`, applies the model above and reports scope wall-model; else the rails'
  // sum as it is, scope board.
  explicit Pi5PmicSource(std::string command = "vcgencmd pmic_read_adc", bool wall_model = false);
  std::string kind() const override { return "pi5-pmic"; }
  std::string describe() const override;
  Scope scope() const override { return correct_ ? Scope::wall_model : Scope::board; }
  Reading read() override;

 private:
  std::string command_;
  bool correct_;
};

class IpmiSource : public PowerSource {
 public:
  explicit IpmiSource(std::string command = "ipmitool dcmi power reading");
  std::string kind() const override { return "ipmi"; }
  std::string describe() const override { return "`" + command_ + "`, instantaneous reading (chassis)"; }
  Scope scope() const override { return Scope::wall; }
  Reading read() override { return Reading{false, 0, parse_dcmi_watts(run_command(command_))}; }

 private:
  std::string command_;
};

}  // namespace bramble::power
