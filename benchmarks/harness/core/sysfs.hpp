#pragma once
// Reading the kernel's small text files (/sys, /proc): one value per file, missing files read
// as empty, so a VM or a board without a sensor is an "unknown", never an error.
#include <filesystem>
#include <string>
#include <vector>

namespace bramble::sysfs {

// The whole file with surrounding whitespace removed; "" when unreadable.
std::string read_trimmed(const std::filesystem::path& path);

// The file's first whitespace-separated word; "" when unreadable.
std::string first_word(const std::filesystem::path& path);

// Entries of `dir` whose name starts with `prefix`, sorted (so results do not depend on
// directory order).
std::vector<std::filesystem::path> entries(const std::filesystem::path& dir, const std::string& prefix = "");

// A device directory (hwmon, powercap zone) and the word in its `name` file.
struct NamedDevice {
  std::filesystem::path dir;
  std::string name;
};

// The subdirectories of `dir` starting with `prefix` that have a readable `name` file.
std::vector<NamedDevice> named_devices(const std::filesystem::path& dir, const std::string& prefix = "");

}  // namespace bramble::sysfs
