#pragma once
// The Raspberry Pi firmware settings that move benchmark figures: an overclock (arm_freq,
// over_voltage / over_voltage_delta, force_turbo) or a faster SDRAM moves HPL by about 20 %,
// and the same board at stock and overclocked must not be compared as if they were alike.
// Also the SDRAM settings and the NUMA emulation of the kernel command line (numa=fake=N,
// which Raspberry Pi OS enables on some boards) where present.
//
// What the firmware applied comes from `vcgencmd get_config int` and `get_config str`; where
// vcgencmd is missing or fails, what config.txt asks for (/boot/firmware/config.txt, else
// /boot/config.txt), with each setting's [section] filter when it is not [all]: config.txt
// says what was asked for, not what the firmware did. Anything else (an x86 server, a VM)
// is no Raspberry Pi firmware: source "none", no settings. Never fails.
#include <string>
#include <utility>
#include <vector>

namespace bramble {

struct FirmwareSettings {
  std::string settings;  // "arm_freq=2400, force_turbo=0, over_voltage_delta=50000"; "" when none
  std::string source;    // "vcgencmd get_config", a config.txt path (as written), or "none"
};

// Where the settings are read from. Tests point these at a fake vcgencmd script and a fake
// config.txt; firmware_sources(root) gives the real ones.
struct FirmwareSources {
  std::string vcgencmd;                   // an executable path; "" when there is none
  std::vector<std::string> config_files;  // tried in order: the first that exists is read
  std::string cmdline;                    // the kernel command line (/proc/cmdline)
  std::string root;                       // stripped from the config path recorded as the source
};

// For `root` "" (a real node): vcgencmd from PATH, /boot/firmware/config.txt, /boot/config.txt
// and /proc/cmdline. For a fake root: the same paths under it, vcgencmd as <root>/usr/bin/vcgencmd.
FirmwareSources firmware_sources(const std::string& root);

FirmwareSettings read_firmware_settings(const FirmwareSources& sources);

// The settings that move figures, in the order given, from `vcgencmd get_config` output
// ("name=value" lines) or from config.txt text (comments, blank lines and other settings
// left out; "name=value [section]" under a section filter other than [all]).
using Setting = std::pair<std::string, std::string>;
std::vector<Setting> settings_from_get_config(const std::string& output);
std::vector<Setting> settings_from_config_txt(const std::string& text);

// Whether a firmware setting is one that moves figures (clocks, voltages, turbo, SDRAM,
// thermal limit, NUMA).
bool setting_moves_figures(const std::string& name);

}  // namespace bramble
