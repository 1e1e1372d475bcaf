#pragma once
// Golden image checksums, so that a run of a shipped scene at a standard size checks the
// picture itself, not only that the ranks agree with each other: a change to the tracer,
// the camera or the sampling that every rank makes alike would otherwise pass unnoticed.
//
// The image depends on the scene, width, height, spp and depth, and on the toolchain: the
// architecture, the compiler (its floating point code) and the C library (libm's last bits
// in pow and tan); those make the key. An image from a toolchain without an entry is "not
// checked", never FAILED: a correct image may differ in a last bit on another glibc or GCC.
// It does not depend on the schedule, the tile size, the BVH or the rank count: every x86-64 entry
// was measured with all three schedules, tiles of 7, 13, 32 and 64, with and without the
// BVH, on 1 to 3 ranks, and came out the same. The scene is keyed by name and by its
// fingerprint (its numbers), so another file that happens to be called simple.scene is
// "not checked" rather than FAILED. The built-in sphereflake and scenes/sphereflake.scene
// are the same scene and share entries.
//
// Regenerating (after a deliberate change to the picture, or for a new platform): run each
// case, e.g.
//     mpirun -np 2 bramble run render [--quick] [--scene kernels/render/scenes/simple.scene] --out g.h5
// and `bramble show g.h5`: until the entry exists, verification golden_checksum reads
// "not checked: no golden value for <scene> (scene <fingerprint>) <W>x<H> spp=<spp>
// depth=<depth> on <toolchain>", and checksum_fnv1a64 is the image's checksum. Look at the
// PNG before recording it. An entry names every toolchain it was measured on: one image for
// all of them. aarch64 (GCC 12, glibc 2.36, Debian 12; measured under qemu-user by
// scripts/test-arm64.sh) gave the x86-64 image bit for bit in every case measured; a
// toolchain whose image differs gets an entry of its own.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#if defined(__GLIBC__)
#include <gnu/libc-version.h>
#endif

#include "core/format_units.hpp"
#include "render/scene.hpp"

namespace bramble {

struct GoldenCase {
  std::string scene;                  // Scene::name
  std::uint64_t scene_fingerprint = 0;
  int width = 0, height = 0, spp = 0, depth = 0;
};

struct GoldenChecksum {
  const char* toolchains;  // those measured to give this image (golden_platform()), ", "-separated
  const char* scene;
  std::uint64_t scene_fingerprint;
  int width, height, spp, depth;
  std::uint64_t image;  // image_checksum of the RGB bytes
};

// The toolchains measured, as golden_platform() names them. x86-64: GCC 12, glibc 2.36
// (Debian 12), AMD EPYC. aarch64: the same compiler and libc (Debian 12 arm64) under
// qemu-user; the 800x600 spp 4 cases not yet measured there.
inline constexpr const char* kDebian12X86 = "x86-64 gcc-12 glibc-2.36";
inline constexpr const char* kDebian12Both = "x86-64 gcc-12 glibc-2.36, aarch64 gcc-12 glibc-2.36";

// Both shipped scenes at the `run render` defaults (800x600, spp 4 to 128), at the --quick size
// (400x300, spp 1), and at the 64x48 spp 2 size the tests render; depth 5 throughout.
inline constexpr GoldenChecksum kGoldenChecksums[] = {
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 4, 5, 0x1eba861038c5f458ULL},
    {kDebian12Both, "sphereflake", 0x9d20cfd765c3d5c2ULL, 400, 300, 1, 5, 0xb16251b43cad58f5ULL},
    {kDebian12Both, "sphereflake", 0x9d20cfd765c3d5c2ULL, 64, 48, 2, 5, 0x1334c32da2314650ULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 4, 5, 0xe8f0ab86bf7bcc49ULL},
    {kDebian12Both, "simple", 0xd99f6b22aaacd426ULL, 400, 300, 1, 5, 0xdecc0ab5a9f92cbeULL},
    {kDebian12Both, "simple", 0xd99f6b22aaacd426ULL, 64, 48, 2, 5, 0x88cc5aa255eaff78ULL},
    // The default spp on bigger machines (render_sizing.hpp: doubled up to the physical
    // cores); measured on 2 ranks with the dynamic schedule.
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 8, 5, 0x32427e5255d7bd4fULL},
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 16, 5, 0x3f8cffe9555ea34eULL},
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 32, 5, 0x4aa1e7c5613813c5ULL},
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 64, 5, 0x8c3a7234a5428f39ULL},
    {kDebian12X86, "sphereflake", 0x9d20cfd765c3d5c2ULL, 800, 600, 128, 5, 0xa6bf50c81779e44fULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 8, 5, 0x56aed1de3b4f8506ULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 16, 5, 0xda4b4d253030e022ULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 32, 5, 0xe543e80096dac3dbULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 64, 5, 0x72f89453216f25dfULL},
    {kDebian12X86, "simple", 0xd99f6b22aaacd426ULL, 800, 600, 128, 5, 0x6910089935abd040ULL},
};

// Whether entry g was measured on `toolchain` (one of its ", "-separated keys).
inline bool golden_measured_on(const GoldenChecksum& g, const std::string& toolchain) {
  const std::string keys = std::string(", ") + g.toolchains + ", ";
  return !toolchain.empty() && keys.find(", " + toolchain + ", ") != std::string::npos;
}

// This build's toolchain key, e.g. "x86-64 gcc-12 glibc-2.36": what the image depends on
// beyond the case itself. The compiler by major version, from the build (its releases change
// code generation; the kernels are built with -ffp-contract=off either way). glibc by
// major.minor, at run time: libm is the one loaded then, which need not be the one built
// against. Another C library, or a compiler not recognised, gets a key no entry has.
inline std::string golden_platform() {
#if defined(__x86_64__)
  std::string key = "x86-64";
#elif defined(__aarch64__)
  std::string key = "aarch64";
#else
  std::string key = "unknown";
#endif
#if defined(__clang__)
  key += " clang-" + std::to_string(__clang_major__);
#elif defined(__GNUC__)
  key += " gcc-" + std::to_string(__GNUC__);
#else
  key += " compiler-unknown";
#endif
#if defined(__GLIBC__)
  const std::string version = gnu_get_libc_version();  // "2.36", or "2.36.9000" in development
  const std::size_t minor_end = version.find('.', version.find('.') + 1);
  key += " glibc-" + version.substr(0, minor_end);
#else
  key += " libc-unknown";
#endif
  return key;
}

// FNV-1a, 64-bit, fed a byte at a time.
inline constexpr std::uint64_t kFnvOffset = 0xcbf29ce484222325ULL;
inline std::uint64_t fnv1a(std::uint64_t h, std::uint8_t byte) { return (h ^ byte) * 0x100000001b3ULL; }

// FNV-1a of the bit patterns of every number in the scene, least significant byte first,
// so the same scene has the same fingerprint on any byte order.
inline std::uint64_t scene_fingerprint(const render::Scene& scene) {
  std::uint64_t h = kFnvOffset;
  auto add = [&h](double v) {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    for (int k = 0; k < 8; ++k) h = fnv1a(h, static_cast<std::uint8_t>(bits >> (8 * k)));
  };
  auto add3 = [&add](const render::Vec3& v) {
    add(v.x);
    add(v.y);
    add(v.z);
  };
  add(double(scene.spheres.size()));
  for (const render::Sphere& s : scene.spheres) {
    add3(s.center);
    add(s.radius);
    add3(s.material.color);
    add(s.material.shininess);
    add(s.material.reflectivity);
  }
  add(double(scene.lights.size()));
  for (const render::Vec3& l : scene.lights) add3(l);
  add3(scene.camera.position);
  add(scene.camera.fov_degrees);
  add3(scene.camera.target);
  return h;
}

inline std::optional<std::uint64_t> golden_checksum(const GoldenCase& c, const std::string& toolchain) {
  for (const GoldenChecksum& g : kGoldenChecksums)
    if (golden_measured_on(g, toolchain) && c.scene == g.scene && c.scene_fingerprint == g.scene_fingerprint &&
        c.width == g.width && c.height == g.height && c.spp == g.spp && c.depth == g.depth)
      return g.image;
  return std::nullopt;
}

inline std::string describe(const GoldenCase& c) {
  return c.scene + " (scene " + hex64(c.scene_fingerprint) + ") " + std::to_string(c.width) + "x" +
         std::to_string(c.height) + " spp=" + std::to_string(c.spp) + " depth=" + std::to_string(c.depth);
}

struct GoldenCheck {
  enum Status { matched, mismatch, not_checked } status = not_checked;
  std::string text;  // for the result file: what was compared with what
};

// Only a mismatch fails a run; a case or a toolchain without an entry says so instead of
// passing by it.
inline GoldenCheck check_golden(const GoldenCase& c, std::uint64_t image, const std::string& toolchain) {
  const std::optional<std::uint64_t> golden = golden_checksum(c, toolchain);
  const std::string which = describe(c) + " on " + toolchain;
  if (!golden) return {GoldenCheck::not_checked, "not checked: no golden value for " + which};
  if (*golden != image)
    return {GoldenCheck::mismatch, "MISMATCH: image " + hex64(image) + ", golden " + hex64(*golden) + " for " + which};
  return {GoldenCheck::matched, "matched " + hex64(*golden) + " for " + which};
}

}  // namespace bramble
