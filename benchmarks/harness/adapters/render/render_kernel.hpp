#pragma once
// `bramble run render`: distributed ray tracing with a choice of schedules, in phases:
//   setup     - load (or generate) the scene, build the BVH;
//   timed run - barrier, render with the schedule, slowest rank's time; per-rank busy
//               (render) and idle time, tiles and rays;
//   verify    - from the schedule's records, every tile rendered exactly once; rank 0
//               re-renders sample tiles alone with the plain loop instead of the BVH and
//               compares bytes; the image checksum against the golden one where the
//               scene, size and platform have one (golden_checksums.hpp);
//   record    - Mpixels/s, Msamples/s, rays/s, load balance; PNG (and PPM) next to the
//               result file.
#include <cstdint>
#include <string>
#include <vector>

#include "suite/kernel.hpp"

namespace CLI {
class Option;
}

namespace bramble {

struct RenderOptions {
  std::string scene;  // "" = the built-in sphereflake (3 levels, 820 spheres + ground)
  int width = 800, height = 600, spp = 4, tile = 32, depth = 5;
  std::string schedule = "dynamic";
  bool no_bvh = false;
  bool ppm = false;
  // Given on the command line: --quick then leaves them as they are.
  bool size_given = false, spp_given = false;
};

class RenderKernel : public Kernel {
 public:
  std::string name() const override { return "render"; }
  std::string description() const override {
    return "Distributed Whitted ray tracing with static/cyclic/dynamic schedules (Msamples/s)";
  }
  void add_options(CLI::App& sub) override;
  void prepare(RunContext& context) override;
  void run(RunContext& context) override;

 private:
  RenderOptions opt_;
  const CLI::Option* width_option_ = nullptr;
  const CLI::Option* height_option_ = nullptr;
  const CLI::Option* spp_option_ = nullptr;
};

// FNV-1a, 64-bit, of the image bytes: the image's identity in result files and tests.
std::uint64_t image_checksum(const std::vector<std::uint8_t>& rgb);

}  // namespace bramble
