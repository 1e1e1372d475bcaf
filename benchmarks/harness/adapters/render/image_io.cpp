#include "adapters/render/image_io.hpp"

#include <fcntl.h>
#include <png.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "core/errors.hpp"
#include "results/interrupt.hpp"
#include "results/replace_file.hpp"

namespace bramble {
namespace {

// The temporary an image is written to, beside its target so that the rename stays on one
// file system. Removed unless commit() renamed it into place, and by the interrupt handler
// if SIGINT/SIGTERM/SIGHUP ends the run meanwhile; one left by a run killed outright
// (SIGKILL, a power cut) is removed by the next image written to the same target.
class PendingFile {
 public:
  explicit PendingFile(const std::string& target)
      : target_(target), temp_(temp_path_for(target)), watch_(temp_) {
    for (const std::string& stale : remove_stale_temp_files(target_))
      std::fprintf(stderr, "bramble: removed %s, left by a run killed while writing\n", stale.c_str());
    // O_NOFOLLOW: a link planted at the temporary name must not redirect the write.
    const int fd = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_NOFOLLOW | O_CLOEXEC, 0644);
    if (fd < 0) fail_errno();  // nothing created, nothing to remove
    stream_ = ::fdopen(fd, "wb");
    if (!stream_) {
      const int error = errno;
      ::close(fd);
      ::unlink(temp_.c_str());
      fail(std::strerror(error));
    }
  }
  PendingFile(const PendingFile&) = delete;
  PendingFile& operator=(const PendingFile&) = delete;

  ~PendingFile() {
    if (stream_) std::fclose(stream_);
    if (!committed_) ::unlink(temp_.c_str());
  }

  std::FILE* stream() const { return stream_; }

  void write(const void* data, std::size_t bytes) {
    if (std::fwrite(data, 1, bytes, stream_) != bytes) fail_errno();
  }

  // Data on disk first, then the rename, then the directory entry on disk: after a crash
  // the target is either the old file or the whole new one.
  void commit() {
    if (std::fflush(stream_) != 0 || ::fsync(::fileno(stream_)) != 0) fail_errno();
    std::FILE* const stream = stream_;
    stream_ = nullptr;
    if (std::fclose(stream) != 0) fail_errno();  // e.g. a delayed NFS write error
    if (::rename(temp_.c_str(), target_.c_str()) != 0) fail_errno();
    committed_ = true;
    const std::filesystem::path parent = std::filesystem::path(target_).parent_path();
    const std::string dir = parent.empty() ? "." : parent.string();
    const int fd = ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    const bool synced = fd >= 0 && ::fsync(fd) == 0;
    const int error = errno;
    if (fd >= 0) ::close(fd);
    if (!synced) fail(std::string("cannot flush directory ") + dir + ": " + std::strerror(error));
  }

  [[noreturn]] void fail(const std::string& reason) const {
    throw IoError("cannot write image " + target_ + ": " + reason);
  }
  [[noreturn]] void fail_errno() const { fail(std::strerror(errno)); }

 private:
  std::string target_;
  std::string temp_;
  RemovedOnInterrupt watch_;
  std::FILE* stream_ = nullptr;
  bool committed_ = false;
};

void require_rgb(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb) {
  if (width < 1 || height < 1 ||
      rgb.size() != static_cast<std::size_t>(width) * static_cast<std::size_t>(height) * 3)
    throw Error(kExitInternal, "cannot write image " + path + ": " + std::to_string(rgb.size()) +
                                   " bytes do not make a " + std::to_string(width) + "x" +
                                   std::to_string(height) + " RGB image");
}

}  // namespace

void write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb) {
  require_rgb(path, width, height, rgb);
  PendingFile file(path);
  // libpng's simplified API catches its own longjmp-based errors and reports them in
  // image.message, so no setjmp reaches this C++ frame.
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  image.width = static_cast<png_uint_32>(width);
  image.height = static_cast<png_uint_32>(height);
  image.format = PNG_FORMAT_RGB;
  errno = 0;  // libpng says only "Write Error"; errno from the failed fwrite says why
  if (!png_image_write_to_stdio(&image, file.stream(), 0, rgb.data(), 0, nullptr)) {
    const int error = errno;
    file.fail(std::string("libpng: ") + image.message +
              (error != 0 ? std::string(" (") + std::strerror(error) + ")" : std::string()));
  }
  file.commit();
}

void write_ppm(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb) {
  require_rgb(path, width, height, rgb);
  PendingFile file(path);
  const std::string header = "P6\n" + std::to_string(width) + " " + std::to_string(height) + "\n255\n";
  file.write(header.data(), header.size());
  file.write(rgb.data(), rgb.size());
  file.commit();
}

std::vector<std::uint8_t> read_png(const std::string& path, int& width, int& height) {
  png_image image{};
  image.version = PNG_IMAGE_VERSION;
  // Frees libpng's state on every way out; a no-op once png_image_finish_read has run.
  struct Release {
    png_image& image;
    ~Release() { png_image_free(&image); }
  } release{image};
  const auto fail = [&path](const std::string& why) { return IoError("cannot read image " + path + ": " + why); };
  if (!png_image_begin_read_from_file(&image, path.c_str())) throw fail(image.message);
  if (image.width > INT_MAX / 3 || image.height > INT_MAX) throw fail("image too large");
  image.format = PNG_FORMAT_RGB;
  std::vector<std::uint8_t> rgb(PNG_IMAGE_SIZE(image));
  if (!png_image_finish_read(&image, nullptr, rgb.data(), 0, nullptr)) throw fail(image.message);
  width = static_cast<int>(image.width);
  height = static_cast<int>(image.height);
  return rgb;
}

}  // namespace bramble
