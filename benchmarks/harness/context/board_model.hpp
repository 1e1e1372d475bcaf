#pragma once
// Which board a node is ("Raspberry Pi 4 Model B Rev 1.4"): two boards with the same core
// differ in clocks, cooling and memory, so results are compared board by board. The device
// tree names the board; x86 machines and VMs have none, and record "" (never an error).
#include <string>

namespace bramble {

// A device-tree string property as the kernel exposes it: the bytes up to the first NUL
// (the file ends with one), surrounding whitespace removed.
std::string device_tree_string(const std::string& bytes);

// The board a Raspberry Pi revision code names ("c03114" -> "Raspberry Pi 4 Model B Rev
// 1.4"); "" for old-style, unknown or unreadable codes.
std::string pi_board_from_revision(const std::string& code);

// The board under `root` ("" for this machine, a fake tree in tests): the device tree's
// model (/proc/device-tree/model, else /sys/firmware/devicetree/base/model), else the lines a
// Raspberry Pi kernel adds to `cpuinfo` ("Model", then "Revision": for containers that do not
// mount the device tree); "" when none says.
std::string board_model(const std::string& root, const std::string& cpuinfo);

}  // namespace bramble
