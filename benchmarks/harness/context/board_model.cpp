#include "context/board_model.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "context/cpuinfo.hpp"

namespace bramble {
namespace {

std::string read_bytes(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// The board types of new-style revision codes (bits 4-11), as Raspberry Pi documents them,
// spelled as the device tree spells their model.
const char* pi_type(unsigned type) {
  switch (type) {
    case 0x04: return "2 Model B";
    case 0x08: return "3 Model B";
    case 0x0d: return "3 Model B Plus";
    case 0x11: return "4 Model B";
    case 0x12: return "Zero 2 W";
    case 0x13: return "400";
    case 0x14: return "Compute Module 4";
    case 0x17: return "5 Model B";
    default: return nullptr;
  }
}

}  // namespace

std::string device_tree_string(const std::string& bytes) {
  const std::string s = bytes.substr(0, bytes.find('\0'));
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string pi_board_from_revision(const std::string& code) {
  if (code.empty()) return "";
  char* end = nullptr;
  const unsigned long v = std::strtoul(code.c_str(), &end, 16);
  // Bit 23 marks the new-style code (every board since the Pi 2); older codes are a plain
  // table index, and other ARM kernels print "Revision : 0000".
  if (*end != '\0' || (v & (1UL << 23)) == 0) return "";
  const char* type = pi_type(static_cast<unsigned>((v >> 4) & 0xff));
  return type ? std::string("Raspberry Pi ") + type + " Rev 1." + std::to_string(v & 0xf) : "";
}

std::string board_model(const std::string& root, const std::string& cpuinfo) {
  for (const char* path : {"/proc/device-tree/model", "/sys/firmware/devicetree/base/model"}) {
    std::string model = device_tree_string(read_bytes(root + path));
    if (!model.empty()) return model;
  }
  const std::string model = cpuinfo::first(cpuinfo, "Model");
  return !model.empty() ? model : pi_board_from_revision(cpuinfo::first(cpuinfo, "Revision"));
}

}  // namespace bramble
