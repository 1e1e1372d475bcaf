// Power sources without the hardware: a fake powercap tree (two packages, a core sub-zone
// to ignore, a counter that wraps, an unreadable file), declared wattage, and meter logs
// integrated exactly.
#include <grp.h>
#include <gtest/gtest.h>
#include <pwd.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <optional>

#include <filesystem>
#include <fstream>

#include "power/sources/command_sources.hpp"
#include "power/sources/hwmon_source.hpp"
#include "power/sources/meter_log.hpp"
#include "power/sources/rapl_source.hpp"
#include "power/sources/source_factory.hpp"

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
  // No known range (hwmon energy): a decrease is a reset to zero, never a 2^64 wrap.
  WrappingCounter reset(0);
  reset.update(5000);
  EXPECT_EQ(reset.update(7000), 2000u);
  EXPECT_EQ(reset.update(300), 2300u);
}

// Canned output of `vcgencmd pmic_read_adc` (rails out of index order, a rail with no
// current line) and of `ipmitool dcmi power reading`.
constexpr const char* kPmicOutput =
    "  VDD_CORE_A current(7)=10.00000000A\n"
    "   3V3_SYS_A current(1)=0.50000000A\n"
    "  VDD_CORE_V volt(15)=0.90000000V\n"
    "   3V3_SYS_V volt(8)=3.30000000V\n"
    "     EXT5V_V volt(24)=5.06788000V\n"
    "      BATT_V volt(25)=3.01110800V\n";
constexpr const char* kDcmiOutput =
    "\n    Instantaneous power reading:                   215 Watts\n"
    "    Minimum during sampling period:                162 Watts\n"
    "    Average power reading over sample period:      176 Watts\n"
    "    Power reading state is:                   activated\n";

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
  // Fake vcgencmd and ipmitool printing canned output, and a tool that fails like a Pi 4's
  // vcgencmd asked for pmic_read_adc.
  struct FakeTools {
    fs::path vcgencmd, ipmitool, broken;
  };
  FakeTools make_fake_tools() {
    fs::create_directories(root_);
    const FakeTools t{root_ / "vcgencmd", root_ / "ipmitool", root_ / "broken"};
    std::ofstream(t.vcgencmd) << "#!/bin/sh\nprintf '" << kPmicOutput << "'\n";
    std::ofstream(t.ipmitool) << "#!/bin/sh\nprintf '" << kDcmiOutput << "'\n";
    std::ofstream(t.broken) << "#!/bin/sh\necho 'Command not registered'\nexit 255\n";
    for (const auto& p : {t.vcgencmd, t.ipmitool, t.broken}) fs::permissions(p, fs::perms::owner_all);
    return t;
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
  // An energy_uj that cannot be opened even by root: a directory in its place.
  const fs::path energy = zone("intel-rapl:0") / "energy_uj";
  fs::remove(energy);
  fs::create_directory(energy);
  try {
    RaplSource rapl(root_.string());
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find(energy.string()), std::string::npos);
  }
}

// What RaplSource says when it cannot start; empty if it started.
std::string rapl_error(const fs::path& root) {
  try {
    RaplSource rapl(root.string());
  } catch (const PowerError& e) {
    return e.what();
  }
  return "";
}

// Root reads mode-000 files, and CI runs as root, so there the check runs in a forked
// child that has become `nobody`, as a real non-root user meets energy_uj. The child hands
// back what it saw through a pipe; nullopt: there is no `nobody` to become.
std::optional<std::string> rapl_error_as_nobody(const fs::path& root) {
  const passwd* nobody = ::getpwnam("nobody");
  if (!nobody) return std::nullopt;
  const uid_t uid = nobody->pw_uid;
  const gid_t gid = nobody->pw_gid;
  int fds[2];
  if (::pipe(fds) != 0) return std::string("pipe: ") + std::strerror(errno);
  const pid_t pid = ::fork();
  if (pid < 0) return std::string("fork: ") + std::strerror(errno);
  if (pid == 0) {
    ::close(fds[0]);
    // Supplementary groups first: root's group could still grant access.
    const bool dropped = ::setgroups(0, nullptr) == 0 && ::setgid(gid) == 0 && ::setuid(uid) == 0;
    const std::string said = dropped ? rapl_error(root) : std::string("cannot become nobody: ") + std::strerror(errno);
    const bool sent = ::write(fds[1], said.data(), said.size()) == static_cast<ssize_t>(said.size());
    ::_exit(sent ? 0 : 1);  // no gtest or static teardown in the child
  }
  ::close(fds[1]);
  std::string said;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) said.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    said += " [the unprivileged child failed]";
  return said;
}

TEST_F(FakeSysfs, Mode000EnergyFileIsPermissionDeniedWithTheFix) {
  make_zone("intel-rapl:0", "package-0", 10, 1000);
  // The unprivileged child must reach energy_uj: whatever the umask, everything else is
  // readable by all, as in the real sysfs.
  for (const auto& entry : fs::recursive_directory_iterator(root_))
    fs::permissions(entry.path(), entry.is_directory() ? fs::perms::others_read | fs::perms::others_exec
                                                       : fs::perms::others_read,
                    fs::perm_options::add);
  fs::permissions(root_, fs::perms::others_read | fs::perms::others_exec, fs::perm_options::add);
  const fs::path energy = zone("intel-rapl:0") / "energy_uj";
  fs::permissions(energy, fs::perms::none);  // what a non-root user meets since Linux 5.10
  std::string error;
  if (::geteuid() != 0) {
    error = rapl_error(root_);
  } else {
    const std::optional<std::string> as_nobody = rapl_error_as_nobody(root_);
    if (!as_nobody) GTEST_SKIP() << "running as root, and there is no user `nobody` to check as";
    error = *as_nobody;
  }
  EXPECT_NE(error.find("permission denied"), std::string::npos) << error;
  EXPECT_NE(error.find(energy.string()), std::string::npos) << error;
  EXPECT_NE(error.find("chmod a+r"), std::string::npos) << error;  // and how to fix it
}

TEST_F(FakeSysfs, HwmonFindsTheDeviceByNameAndPrefersEnergy) {
  const fs::path hw = root_ / "sys/class/hwmon";
  write(hw / "hwmon0/name", "k10temp");
  write(hw / "hwmon3/name", "ina226");
  write(hw / "hwmon3/power1_input", "4250000");  // 4.25 W
  write(hw / "hwmon5/name", "meter");
  write(hw / "hwmon5/energy1_input", "1000000");
  write(hw / "hwmon5/power1_input", "1");
  auto ina = make_source("hwmon:ina226:wall", root_.string());
  EXPECT_EQ(ina->scope(), Scope::wall_declared);
  EXPECT_FALSE(ina->read().cumulative);
  EXPECT_DOUBLE_EQ(ina->read().watts, 4.25);
  HwmonSource meter("meter", Scope::board, root_.string());
  write(hw / "hwmon5/energy1_input", "3500000");
  const Reading r = meter.read();
  EXPECT_TRUE(r.cumulative);
  EXPECT_DOUBLE_EQ(r.joules, 2.5);
  EXPECT_THROW(make_source("hwmon:nosuch", root_.string()), PowerError);
  EXPECT_THROW(make_source("hwmon:k10temp", root_.string()), PowerError);  // no power file
  EXPECT_THROW(make_source("hwmon:ina226:kitchen", root_.string()), PowerError);
  EXPECT_THROW(make_source("hwmon:", root_.string()), PowerError);
}

// A user's "wall" on a hwmon sensor is a label bramble cannot check: it is recorded as
// wall-declared, from the spec and from the class alike, and never as measured wall.
TEST_F(FakeSysfs, HwmonWallIsTheUsersWordNotAWallMeasurement) {
  const fs::path hw = root_ / "sys/class/hwmon";
  write(hw / "hwmon2/name", "ina260");
  write(hw / "hwmon2/power1_input", "5000000");
  EXPECT_STREQ(scope_name(make_source("hwmon:ina260:wall", root_.string())->scope()), "wall-declared");
  EXPECT_STREQ(scope_name(make_source("hwmon:ina260:wall-declared", root_.string())->scope()), "wall-declared");
  EXPECT_STREQ(scope_name(HwmonSource("ina260", Scope::wall, root_.string()).scope()), "wall-declared");
  EXPECT_STREQ(scope_name(make_source("hwmon:ina260", root_.string())->scope()), "board");
  EXPECT_STREQ(scope_name(make_source("hwmon:ina260:cpu-package", root_.string())->scope()), "cpu-package");
  EXPECT_FALSE(measured_at_wall(scope_name(make_source("hwmon:ina260:wall", root_.string())->scope())));
  try {
    make_source("hwmon:ina260:wall-model", root_.string());  // a model is bramble's, not a label
    FAIL() << "a model's scope was accepted as a label";
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find("wall (recorded as wall-declared)"), std::string::npos) << e.what();
  }
}

// pi5-pmic:wall is a fitted model of one board's input power: scope wall-model, never wall,
// with the model's origin in what the result file records.
TEST(Pi5Pmic, WallIsAModelNotAWallMeasurement) {
  const Pi5PmicSource model("vcgencmd pmic_read_adc", true);  // the command is only run by read()
  EXPECT_STREQ(scope_name(model.scope()), "wall-model");
  EXPECT_FALSE(measured_at_wall(scope_name(model.scope())));
  EXPECT_NE(model.describe().find("github.com/jfikar/RPi5-power"), std::string::npos) << model.describe();
  EXPECT_NE(model.describe().find("not measured here"), std::string::npos) << model.describe();
  EXPECT_STREQ(scope_name(Pi5PmicSource("vcgencmd pmic_read_adc", false).scope()), "board");
  // What is measured at the wall by a meter bramble reads stays wall.
  EXPECT_STREQ(scope_name(IpmiSource("true").scope()), "wall");
  EXPECT_TRUE(measured_at_wall("wall"));
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


TEST_F(FakeSysfs, MeterLogIsASourceWithItsOwnRecord) {
  const fs::path log = root_ / "meter.csv";
  fs::create_directories(root_);
  std::ofstream(log) << "unix_time_s,watts\n1000.0,5\n1001.0,7\n1002.0,9\n1003.0,1";  // the last line is being written
  auto source = make_source("meter-log:" + log.string());
  ASSERT_NE(source, nullptr);
  EXPECT_EQ(source->kind(), "meter-log");
  EXPECT_EQ(source->scope(), Scope::wall);
  const Reading r = source->read();  // the newest complete line
  EXPECT_FALSE(r.cumulative);
  EXPECT_DOUBLE_EQ(r.watts, 9);
  const auto recorded = source->recorded(900.0);  // unix time 1000 is monotonic 100 here
  ASSERT_TRUE(recorded.has_value());
  ASSERT_EQ(recorded->size(), 3u);
  EXPECT_DOUBLE_EQ(recorded->front().t_mono, 100.0);
  EXPECT_DOUBLE_EQ(recorded->front().t_real, 1000.0);
  EXPECT_DOUBLE_EQ(recorded->back().watts, 9);
  EXPECT_FALSE(make_source("fixed:3")->recorded(0).has_value());  // ordinary sources have no record
  EXPECT_THROW(make_source("meter-log:" + (root_ / "missing.csv").string()), PowerError);
  EXPECT_THROW(make_source("meter-log:"), PowerError);
}

TEST(Pi5Pmic, PairsRailsByNameNotByIndex) {
  EXPECT_DOUBLE_EQ(parse_pmic_watts(kPmicOutput), 10.0 * 0.9 + 0.5 * 3.3);
}

TEST(Pi5Pmic, BrokenOutputIsAnError) {
  std::string missing_volt = kPmicOutput;
  missing_volt.erase(missing_volt.find("   3V3_SYS_V"), std::string("   3V3_SYS_V volt(8)=3.30000000V\n").size());
  try {
    parse_pmic_watts(missing_volt);
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find("3V3_SYS has a current line but no voltage line"), std::string::npos);
  }
  EXPECT_THROW(parse_pmic_watts("Command not registered\n"), PowerError);
  EXPECT_THROW(parse_pmic_watts(""), PowerError);
}


TEST(Ipmi, ReadsTheInstantaneousLineAndRejectsUselessReadings) {
  EXPECT_DOUBLE_EQ(parse_dcmi_watts(kDcmiOutput), 215.0);
  std::string off = kDcmiOutput;
  off.replace(off.find("activated"), 9, "deactivated");
  EXPECT_THROW(parse_dcmi_watts(off), PowerError);
  std::string zero = kDcmiOutput;
  zero.replace(zero.find("215"), 3, "0");
  EXPECT_THROW(parse_dcmi_watts(zero), PowerError);
  EXPECT_THROW(parse_dcmi_watts("Error: no response from BMC\n"), PowerError);
}

TEST_F(FakeSysfs, CommandSourcesRunFakeTools) {
  const FakeTools tools = make_fake_tools();
  const fs::path &vcgencmd = tools.vcgencmd, &ipmitool = tools.ipmitool, &broken = tools.broken;

  Pi5PmicSource board(vcgencmd.string());
  EXPECT_EQ(board.scope(), Scope::board);
  EXPECT_DOUBLE_EQ(board.read().watts, 10.65);
  Pi5PmicSource wall(vcgencmd.string(), true);
  EXPECT_EQ(wall.scope(), Scope::wall_model);
  EXPECT_DOUBLE_EQ(wall.read().watts, 1.1451 * 10.65 + 0.5879);
  IpmiSource ipmi(ipmitool.string());
  EXPECT_DOUBLE_EQ(ipmi.read().watts, 215.0);
  EXPECT_EQ(ipmi.scope(), Scope::wall);
  auto from_spec = make_source("ipmi:" + ipmitool.string());
  EXPECT_EQ(from_spec->kind(), "ipmi");
  try {
    Pi5PmicSource(broken.string()).read();
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find("Command not registered"), std::string::npos);
  }
  try {
    IpmiSource((root_ / "no-such-ipmitool").string()).read();
    FAIL();
  } catch (const PowerError& e) {
    EXPECT_NE(std::string(e.what()).find("is not installed or not on PATH"), std::string::npos) << e.what();
  }
}

TEST_F(FakeSysfs, AutoPrefersWallThenBoardThenPackageAndSaysWhyWhenNothingReads) {
  const FakeTools tools = make_fake_tools();
  const fs::path &vcgencmd = tools.vcgencmd, &ipmitool = tools.ipmitool, &broken = tools.broken;
  const AutoProbe nothing{root_.string(), (root_ / "no-vcgencmd").string(), ipmitool.string()};
  std::string why;
  EXPECT_EQ(auto_source(nothing, why), nullptr);  // no /dev/ipmi0, no vcgencmd, no sensors
  EXPECT_NE(why.find("no BMC, Pi 5 PMIC, INA2xx sensor or RAPL found"), std::string::npos) << why;

  make_zone("intel-rapl:0", "package-0", 10, 1000);
  why.clear();
  EXPECT_EQ(auto_source(nothing, why)->kind(), "rapl");
  write(root_ / "sys/class/hwmon/hwmon2/name", "ina219");
  write(root_ / "sys/class/hwmon/hwmon2/power1_input", "3000000");
  EXPECT_EQ(auto_source(nothing, why)->kind(), "hwmon");
  const AutoProbe pi{root_.string(), vcgencmd.string(), ipmitool.string()};
  EXPECT_EQ(auto_source(pi, why)->kind(), "hwmon");  // vcgencmd alone: a Pi 4 has it too
  std::ofstream(root_ / "model") << "Raspberry Pi 5 Model B Rev 1.0" << '\0';
  fs::create_directories(root_ / "proc/device-tree");
  fs::rename(root_ / "model", root_ / "proc/device-tree/model");
  EXPECT_EQ(auto_source(pi, why)->kind(), "pi5-pmic");
  write(root_ / "dev/ipmi0", "");
  auto best = auto_source(pi, why);
  EXPECT_EQ(best->kind(), "ipmi");
  EXPECT_EQ(best->scope(), Scope::wall);

  // Candidates that are present but fail are skipped, and the reasons kept.
  fs::remove_all(root_ / "sys/class/hwmon");
  const fs::path energy = zone("intel-rapl:0") / "energy_uj";
  fs::remove(energy);
  fs::create_directory(energy);  // unreadable, even for root
  why.clear();
  EXPECT_EQ(auto_source(AutoProbe{root_.string(), broken.string(), broken.string()}, why), nullptr);
  EXPECT_NE(why.find("Command not registered"), std::string::npos) << why;
  EXPECT_NE(why.find(energy.string()), std::string::npos) << why;
}

}  // namespace
}  // namespace bramble::power
