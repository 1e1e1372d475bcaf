#include "context/huge_pages.hpp"

#include "core/sysfs.hpp"

namespace bramble {

std::string bracketed_choice(const std::string& text) {
  const auto open = text.find('[');
  const auto close = open == std::string::npos ? std::string::npos : text.find(']', open);
  if (close == std::string::npos) return text;
  return text.substr(open + 1, close - open - 1);
}

HugePages read_huge_pages(const std::string& root) {
  const std::string dir = root + "/sys/kernel/mm/transparent_hugepage/";
  return {bracketed_choice(sysfs::read_trimmed(dir + "enabled")), bracketed_choice(sysfs::read_trimmed(dir + "defrag"))};
}

}  // namespace bramble
