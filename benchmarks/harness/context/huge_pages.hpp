#pragma once
// Transparent huge pages (THP): whether the kernel backs large allocations (HPL's matrix,
// STREAM's arrays) with huge pages by itself. They cut TLB misses, so the same machine can
// give different DGEMM and memory figures with "always" than with "madvise" or "never".
// Read from /sys/kernel/mm/transparent_hugepage/{enabled,defrag} under `root` (tests give a
// fake tree); a kernel without THP, or a container without /sys, reads as "".
#include <string>

namespace bramble {

struct HugePages {
  std::string enabled;  // "always", "madvise" or "never"; "" where unreadable
  std::string defrag;   // "always", "defer", "defer+madvise", "madvise" or "never"; ""
};

HugePages read_huge_pages(const std::string& root);

// The word in brackets, which the kernel uses to mark the active choice among those it
// lists ("always [madvise] never" -> "madvise"); the whole text when it has no brackets
// (some kernels print only the choice), "" for empty text.
std::string bracketed_choice(const std::string& text);

}  // namespace bramble
