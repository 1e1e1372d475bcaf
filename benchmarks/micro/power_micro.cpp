// What one power sample costs the node, so the sampler's share of a core can be stated
// without timing whole kernels on a noisy machine: a sample at 10 Hz costs 10 x this per
// second of one core. Sources read here: a RAPL package counter in a temporary fake
// powercap tree (the same file reads as the real one), a declared wattage, and this
// machine's real telemetry (thermal zones, cpufreq or /proc/cpuinfo).
#include <benchmark/benchmark.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "power/sources/fixed_source.hpp"
#include "power/sources/rapl_source.hpp"
#include "power/sampler.hpp"
#include "power/telemetry.hpp"

namespace {
namespace fs = std::filesystem;
using namespace bramble::power;

// A fake powercap tree whose /proc and the rest of /sys point at the real ones.
class FakeRoot {
 public:
  FakeRoot() : dir_(fs::temp_directory_path() / ("bramble-power-micro-" + std::to_string(::getpid()))) {
    const fs::path zone = dir_ / "sys/class/powercap/intel-rapl:0";
    fs::create_directories(zone);
    std::ofstream(zone / "name") << "package-0\n";
    std::ofstream(zone / "energy_uj") << "123456789\n";
    std::ofstream(zone / "max_energy_range_uj") << "65532610987\n";
    fs::create_directory_symlink("/proc", dir_ / "proc");
    for (const char* d : {"class/thermal", "class/hwmon", "devices"})
      if (fs::exists(fs::path("/sys") / d)) {
        fs::create_directories((dir_ / "sys" / d).parent_path());
        fs::create_directory_symlink(fs::path("/sys") / d, dir_ / "sys" / d);
      }
  }
  ~FakeRoot() { fs::remove_all(dir_); }
  std::string path() const { return dir_.string(); }

 private:
  fs::path dir_;
};

void BM_SampleRaplAndTelemetry(benchmark::State& state) {
  FakeRoot root;
  Sampler sampler(std::make_unique<RaplSource>(root.path()), TelemetryReader(root.path()), 0.1);
  for (auto _ : state) sampler.sample_once();
  state.SetLabel(TelemetryReader(root.path()).describe());
}
BENCHMARK(BM_SampleRaplAndTelemetry);

void BM_SampleTelemetryOnly(benchmark::State& state) {
  Sampler sampler(nullptr, TelemetryReader(), 0.1);
  for (auto _ : state) sampler.sample_once();
}
BENCHMARK(BM_SampleTelemetryOnly);

void BM_SampleFixed(benchmark::State& state) {
  Sampler sampler(std::make_unique<FixedSource>(7.5), TelemetryReader("/nonexistent"), 0.1);
  for (auto _ : state) sampler.sample_once();
}
BENCHMARK(BM_SampleFixed);

}  // namespace
