// Power sources without the hardware: a fake powercap tree (two packages, a core sub-zone
// to ignore, a counter that wraps, an unreadable file), declared wattage, and meter logs
// integrated exactly.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "power/meter_log.hpp"
#include "power/rapl_source.hpp"
#include "power/source_factory.hpp"

namespace bramble::power {
namespace {
namespace fs = std::filesystem;

TEST(WrappingCounter, CountsAcrossOneWrapPerReading) {
  WrappingCounter c(1000);
  EXPECT_EQ(c.update(900), 0u);
  EXPECT_EQ(c.update(950), 50u);
  EXPECT_EQ(c.update(20), 120u);  // 950 -> 1000 (= 0) -> 20
  EXPECT_EQ(c.update(20), 120u);
  EXPECT_EQ(c.wraps(), 1);
}

class FakeSysfs : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bramble-power-" + std::to_string(::getpid()));
    fs::remove_all(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  fs::path zone(const std::string& leaf) { return root_ / "sys/class/powercap" / leaf; }
  void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p) << text << "\n";
  }
  void make_zone(const std::string& leaf, const std::string& name, std::uint64_t energy, std::uint64_t range) {
    write(zone(leaf) / "name", name);
    write(zone(leaf) / "energy_uj", std::to_string(energy));
    write(zone(leaf) / "max_energy_range_uj", std::to_string(range));
  }
  fs::path root_;
};

TEST_F(FakeSysfs, RaplSumsPackagesIgnoresSubZonesAndCountsWraps) {
  make_zone("intel-rapl:0", "package-0", 65'000'000'000, 65'532'610'987);
  make_zone("intel-rapl:0:0", "core", 5, 1000);  // AMD's core zone is one core: must be ignored
  make_zone("intel-rapl:1", "package-1", 1'000'000, 65'532'610'987);
  RaplSource rapl(root_.string());
  EXPECT_EQ(rapl.scope(), Scope::cpu_package);
  EXPECT_NE(rapl.describe().find("package-1"), std::string::npos);
  EXPECT_EQ(rapl.describe().find("core"), std::string::npos);
  EXPECT_DOUBLE_EQ(rapl.read().joules, 0.0);
  // Package 0 wraps: 65 000 000 000 -> max 65 532 610 987 -> 467 389 013 is 1 000 000 000 uJ.
  write(zone("intel-rapl:0") / "energy_uj", "467389013");
  write(zone("intel-rapl:1") / "energy_uj", "3000000");  // +2 J
  write(zone("intel-rapl:0:0") / "energy_uj", "999");
  const Reading r = rapl.read();
  EXPECT_TRUE(r.cumulative);
  EXPECT_DOUBLE_EQ(r.joules, 1000.0 + 2.0);
  EXPECT_EQ(rapl.wraps(), 1);
}

TEST_F(FakeSysfs, MissingOrUnreadableRaplSaysWhatAndHow) {
  EXPECT_FALSE(RaplSource::present(root_.string()));
  try {
    RaplSource rapl(root_.string());
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find("no RAPL package zone"), std::string::npos);
  }
  EXPECT_EQ(make_source("auto", root_.string()), nullptr);  // auto: no source, no error

  make_zone("intel-rapl:0", "package-0", 10, 1000);
  EXPECT_TRUE(RaplSource::present(root_.string()));
  EXPECT_NE(make_source("auto", root_.string()), nullptr);
  const fs::path energy = zone("intel-rapl:0") / "energy_uj";
  if (::geteuid() != 0) {  // mode 000 is what a non-root user meets on a real system
    fs::permissions(energy, fs::perms::none);
    try {
      RaplSource rapl(root_.string());
      FAIL();
    } catch (const PowerError& e) {
      EXPECT_NE(std::string(e.what()).find("permission denied"), std::string::npos);
      EXPECT_NE(std::string(e.what()).find(energy.string()), std::string::npos);
    }
    fs::permissions(energy, fs::perms::owner_all);
  }
  // Root reads mode 000 files, so an unreadable energy_uj is made by replacing it.
  fs::remove(energy);
  fs::create_directory(energy);
  try {
    RaplSource rapl(root_.string());
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find(energy.string()), std::string::npos);
  }
}

TEST(Sources, FixedIsAnEstimateAndSpecsAreChecked) {
  auto fixed = make_source("fixed:7.5");
  ASSERT_NE(fixed, nullptr);
  EXPECT_EQ(fixed->scope(), Scope::estimate);
  EXPECT_FALSE(fixed->read().cumulative);
  EXPECT_DOUBLE_EQ(fixed->read().watts, 7.5);
  EXPECT_STREQ(scope_name(fixed->scope()), "estimate");
  EXPECT_EQ(make_source("none"), nullptr);
  EXPECT_THROW(make_source("fixed:"), PowerError);
  EXPECT_THROW(make_source("fixed:abc"), PowerError);
  EXPECT_THROW(make_source("fixed:-3"), PowerError);
  EXPECT_THROW(make_source("kettle"), PowerError);
}

TEST(MeterLog, ParsesHeadersCommentsAndCrlf) {
  const auto log = parse_meter_log("unix_time_s,watts\r\n# a comment\n100,5.5\r\n\n101, 6 # trailing\n", "w.csv");
  ASSERT_EQ(log.size(), 2u);
  EXPECT_DOUBLE_EQ(log[1].t, 101);
  EXPECT_DOUBLE_EQ(log[1].watts, 6);
}

TEST(MeterLog, BadLinesAreNamed) {
  auto error_of = [](const std::string& text) {
    try {
      parse_meter_log(text, "w.csv");
    } catch (const PowerError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(error_of("1,2\n2,x\n").find("w.csv:2: expected unix_time_s,watts"), std::string::npos);
  EXPECT_NE(error_of("1,2\n2\n").find("w.csv:2"), std::string::npos);
  EXPECT_NE(error_of("1,2\n1,3\n").find("w.csv:2: time does not increase"), std::string::npos);
  EXPECT_NE(error_of("1,-2\n").find("w.csv:1: negative"), std::string::npos);
}

TEST(MeterLog, TrapezoidIsExactForARampAndClipsToTheLog) {
  std::vector<MeterPoint> log;
  for (int t = 0; t <= 10; ++t) log.push_back({double(t), 10.0 + t});
  const WindowEnergy inside = integrate(log, 2.5, 7.5);  // integral of 10 + t over [2.5, 7.5]
  EXPECT_DOUBLE_EQ(inside.joules, 75.0);
  EXPECT_EQ(inside.samples, 5);
  const WindowEnergy beyond = integrate(log, 8.0, 20.0);  // only [8, 10] is covered
  EXPECT_DOUBLE_EQ(beyond.joules, 10.0 * 2 + (100.0 - 64.0) / 2);
  EXPECT_DOUBLE_EQ(beyond.covered_to, 10.0);
  EXPECT_DOUBLE_EQ(integrate(log, 30.0, 40.0).joules, 0.0);
}

}  // namespace
}  // namespace bramble::power
