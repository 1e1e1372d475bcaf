#pragma once
// Writing rendered pictures: PNG for people, binary PPM (P6) for comparing with c-ray,
// which writes that. Pixels are 8-bit RGB, row-major, top row first.
//
// Writes are atomic: the image goes to a temporary beside the target, is flushed to disk
// and only then renamed over it, so a reader never sees half an image and a failed write
// leaves any old file as it was. Failures throw IoError("cannot write image PATH: why").
// A pixel buffer that does not hold width x height x 3 bytes is a caller's bug
// (Error with kExitInternal).
#include <cstdint>
#include <string>
#include <vector>

namespace bramble {

void write_png(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb);
void write_ppm(const std::string& path, int width, int height, const std::vector<std::uint8_t>& rgb);

// Any PNG, converted to 8-bit RGB; for tests and tools. Throws IoError.
std::vector<std::uint8_t> read_png(const std::string& path, int& width, int& height);

}  // namespace bramble
