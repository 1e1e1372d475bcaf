#include "core/sysfs.hpp"

#include <algorithm>
#include <fstream>
#include <sstream>

namespace bramble::sysfs {
namespace fs = std::filesystem;

std::string read_trimmed(const fs::path& path) {
  std::ifstream in(path);
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string s = ss.str();
  const auto b = s.find_first_not_of(" \t\r\n");
  const auto e = s.find_last_not_of(" \t\r\n");
  return b == std::string::npos ? "" : s.substr(b, e - b + 1);
}

std::string first_word(const fs::path& path) {
  std::ifstream in(path);
  std::string w;
  in >> w;
  return w;
}

std::vector<fs::path> entries(const fs::path& dir, const std::string& prefix) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec))
    if (it->path().filename().string().rfind(prefix, 0) == 0) out.push_back(it->path());
  std::sort(out.begin(), out.end());
  return out;
}

std::vector<NamedDevice> named_devices(const fs::path& dir, const std::string& prefix) {
  std::vector<NamedDevice> out;
  for (const auto& entry : entries(dir, prefix)) {
    std::string name = first_word(entry / "name");
    if (!name.empty()) out.push_back({entry, std::move(name)});
  }
  return out;
}

}  // namespace bramble::sysfs
