#include "context/build_id.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <bit>
#include <cerrno>
#include <cstring>
#include <vector>

#include "core/errors.hpp"
#include "core/format_units.hpp"

namespace bramble {
namespace {

constexpr std::uint64_t kOdd1 = 0x9E3779B97F4A7C15ULL;  // 2^64 / golden ratio, odd
constexpr std::uint64_t kOdd2 = 0xC2B2AE3D27D4EB4FULL;

std::uint64_t rotl(std::uint64_t x, int r) { return (x << r) | (x >> (64 - r)); }

// Spreads every input bit over the whole word, so nearby inputs give unrelated digests.
std::uint64_t avalanche(std::uint64_t x) {
  x ^= x >> 33;
  x *= kOdd2;
  x ^= x >> 29;
  x *= kOdd1;
  x ^= x >> 32;
  return x;
}

std::uint64_t load_word(const unsigned char* p) {  // little-endian, whatever the host
  std::uint64_t w = 0;
  std::memcpy(&w, p, sizeof w);
  if constexpr (std::endian::native == std::endian::big) w = __builtin_bswap64(w);
  return w;
}

// Four independent lanes over 32-byte blocks: the multiplications of one block do not wait
// on each other, which is what makes hashing a large executable quick even on a Pi.
class Digest {
 public:
  void update(const unsigned char* data, std::size_t n) {
    length_ += n;
    while (n > 0) {
      const std::size_t take = std::min(n, sizeof pending_ - pending_size_);
      std::memcpy(pending_ + pending_size_, data, take);
      pending_size_ += take;
      data += take;
      n -= take;
      if (pending_size_ == sizeof pending_) {
        block(pending_);
        pending_size_ = 0;
      }
      // Whole blocks straight from the caller's buffer, without the copy.
      for (; pending_size_ == 0 && n >= sizeof pending_; data += sizeof pending_, n -= sizeof pending_) block(data);
    }
  }

  std::uint64_t finish() {
    unsigned char tail[sizeof pending_] = {};
    std::memcpy(tail, pending_, pending_size_);
    tail[pending_size_] = 0x80;  // marks where the bytes end, so a trailing zero byte counts
    if (pending_size_ > 0 || length_ == 0) block(tail);
    std::uint64_t h = avalanche(length_);
    for (int i = 0; i < 4; ++i) h = avalanche(h ^ rotl(lane_[i], 13 * i + 7));
    return h;
  }

 private:
  void block(const unsigned char* p) {
    for (int i = 0; i < 4; ++i) lane_[i] = rotl(lane_[i] ^ (load_word(p + 8 * i) * kOdd2), 31) * kOdd1;
  }

  std::uint64_t lane_[4] = {kOdd1, kOdd2, ~kOdd1, ~kOdd2};
  unsigned char pending_[32] = {};
  std::size_t pending_size_ = 0;
  std::uint64_t length_ = 0;
};

class File {  // closes itself
 public:
  explicit File(const std::string& path) : fd_(::open(path.c_str(), O_RDONLY | O_CLOEXEC)) {}
  ~File() {
    if (fd_ >= 0) ::close(fd_);
  }
  File(const File&) = delete;
  File& operator=(const File&) = delete;
  int fd() const { return fd_; }

 private:
  int fd_;
};

}  // namespace

std::string file_digest(const std::string& path) {
  auto fail = [&] {
    return Error(kExitInternal, std::string("cannot read ") + path + " to identify the build: " + std::strerror(errno));
  };
  const File file(path);
  if (file.fd() < 0) throw fail();
  std::vector<unsigned char> buffer(1 << 20);
  Digest digest;
  for (;;) {
    const ssize_t n = ::read(file.fd(), buffer.data(), buffer.size());
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw fail();
    if (n == 0) break;
    digest.update(buffer.data(), static_cast<std::size_t>(n));
  }
  return hex64(digest.finish());
}

std::string this_build_id() { return file_digest("/proc/self/exe"); }

}  // namespace bramble
