#pragma once
// /proc/cpuinfo as Linux writes it: "key<tabs>: value" lines, a block per processor (x86,
// ARM), and on Raspberry Pi kernels board lines ("Revision", "Serial", "Model") after the
// last block. Parsed from text so that tests can give any machine's file.
#include <string>
#include <vector>

namespace bramble::cpuinfo {

// Every value of `key`, in file order (one per processor for per-processor keys).
std::vector<std::string> values(const std::string& text, const std::string& key);

// The first value of `key`; "" if there is none.
std::string first(const std::string& text, const std::string& key);

}  // namespace bramble::cpuinfo
