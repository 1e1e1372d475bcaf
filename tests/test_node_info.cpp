// A node's architecture, CPU core and board, read from fake roots (tests/data/cpuinfo/): a
// Raspberry Pi 4 and 5 on 64-bit Raspberry Pi OS, and an x86 VM without a device tree; its
// physical cores, hardware threads and SMT state (issue 21) from a fake 2x2x2 SMT server and
// scratch trees; and this process's CPU affinity. Then what moves figures on the same
// hardware (issue 21 §6): transparent huge pages, and a Raspberry Pi's firmware settings from
// a fake vcgencmd or a fake config.txt. And the memory a job may take under a cgroup's limit
// (issue 22 §7), v2 and v1, from fake trees.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include <sched.h>

#include "context/board_model.hpp"
#include "context/cpu_affinity.hpp"
#include "context/cpu_list.hpp"
#include "context/cpu_part.hpp"
#include "context/cpu_topology.hpp"
#include "context/huge_pages.hpp"
#include "context/memory_limit.hpp"
#include "context/node_info.hpp"
#include "context/pi_firmware.hpp"
#include "context/rank_placement.hpp"

namespace bramble {
namespace {
namespace fs = std::filesystem;

const std::string kRoots = BRAMBLE_TEST_DATA "/cpuinfo";

std::string slurp(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// A scratch root holding only `files` (path under the root -> contents).
class ScratchRoot : public ::testing::Test {
 protected:
  void SetUp() override {
    root_ = fs::temp_directory_path() / ("bramble-node-info-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_);
  }
  void TearDown() override { fs::remove_all(root_); }
  void put(const std::string& path, const std::string& contents) {
    fs::create_directories((root_ / path).parent_path());
    std::ofstream(root_ / path, std::ios::binary) << contents;
  }
  // An executable shell script at `path` under the root.
  void put_script(const std::string& path, const std::string& body) {
    put(path, "#!/bin/sh\n" + body + "\n");
    chmod((root_ / path).c_str(), 0700);
  }
  fs::path root_;
};

TEST(NodeHardware, RaspberryPi4) {
  const Hardware hw = read_hardware(kRoots + "/pi4", "aarch64");
  EXPECT_EQ(hw.arch, "aarch64");
  EXPECT_EQ(hw.cpu_part, "ARM Cortex-A72 (0x41/0xd08)");
  EXPECT_EQ(hw.cpu_model, "ARM Cortex-A72");  // not the board, as the "Model" line would say
  EXPECT_EQ(hw.board_model, "Raspberry Pi 4 Model B Rev 1.4");  // the NUL byte dropped
}

TEST(NodeHardware, RaspberryPi5) {
  const Hardware hw = read_hardware(kRoots + "/pi5", "aarch64");
  EXPECT_EQ(hw.arch, "aarch64");
  EXPECT_EQ(hw.cpu_part, "ARM Cortex-A76 (0x41/0xd0b)");
  EXPECT_EQ(hw.cpu_model, "ARM Cortex-A76");
  EXPECT_EQ(hw.board_model, "Raspberry Pi 5 Model B Rev 1.0");
}

TEST(NodeHardware, X86WithoutDeviceTreeHasAnEmptyBoard) {
  const Hardware hw = read_hardware(kRoots + "/x86", "x86_64");
  EXPECT_EQ(hw.arch, "x86_64");
  EXPECT_EQ(hw.cpu_part, "Intel(R) Xeon(R) Gold 6230 CPU @ 2.10GHz");
  EXPECT_EQ(hw.cpu_model, hw.cpu_part);
  EXPECT_EQ(hw.board_model, "");
}

TEST(NodeHardware, NothingReadableIsUnknownNotAnError) {
  const Hardware hw = read_hardware("/nonexistent-bramble-root", "");
  EXPECT_EQ(hw.cpu_model, "unknown");
  EXPECT_EQ(hw.cpu_part, "");
  EXPECT_EQ(hw.board_model, "");
}

TEST(NodeHardware, ThisMachineRecordsUnamesMachine) {
  utsname u{};
  ASSERT_EQ(::uname(&u), 0);
  const NodeInfo info = read_node_info();
  EXPECT_EQ(info.arch, u.machine);
  EXPECT_FALSE(info.cpu_part.empty());
}

TEST(CpuPart, DecodesThePiCoresAndTheirLittleCompanions) {
  EXPECT_EQ(arm_core_name({0x41, 0xd03}), "ARM Cortex-A53");  // Pi 3, Zero 2 W
  EXPECT_EQ(arm_core_name({0x41, 0xd05}), "ARM Cortex-A55");
  EXPECT_EQ(arm_core_name({0x41, 0xd08}), "ARM Cortex-A72");  // Pi 4
  EXPECT_EQ(arm_core_name({0x41, 0xd0b}), "ARM Cortex-A76");  // Pi 5
  // Unknown parts keep their numbers rather than a guess.
  EXPECT_EQ(arm_core_name({0x41, 0xd99}), "ARM part 0xd99");
  EXPECT_EQ(arm_core_name({0x51, 0x001}), "Qualcomm part 0x001");
  EXPECT_EQ(arm_core_name({0x99, 0x001}), "implementer 0x99 part 0x001");
}

TEST(CpuPart, BigLittleChipsListEachCoreOnce) {
  std::string text;
  for (const char* part : {"0xd05", "0xd05", "0xd0b", "0xd0b"})
    text += std::string("CPU implementer\t: 0x41\nCPU part\t: ") + part + "\n\n";
  EXPECT_EQ(cpu_part(text), "ARM Cortex-A55 (0x41/0xd05) + ARM Cortex-A76 (0x41/0xd0b)");
  // 32-bit ARM kernels also print a "model name"; the decoded core still wins.
  EXPECT_EQ(cpu_part("model name\t: ARMv7 Processor rev 3 (v7l)\nCPU implementer\t: 0x41\nCPU part\t: 0xd08\n"),
            "ARM Cortex-A72 (0x41/0xd08)");
}

TEST(BoardModel, DeviceTreeStringStopsAtItsNul) {
  EXPECT_EQ(device_tree_string(std::string("Raspberry Pi 5 Model B Rev 1.0\0", 31)), "Raspberry Pi 5 Model B Rev 1.0");
  EXPECT_EQ(device_tree_string(std::string("a\0b\0", 4)), "a");
  EXPECT_EQ(device_tree_string(""), "");
}

TEST(BoardModel, RevisionCodesOfNewStyle) {
  EXPECT_EQ(pi_board_from_revision("c03114"), "Raspberry Pi 4 Model B Rev 1.4");
  EXPECT_EQ(pi_board_from_revision("d04170"), "Raspberry Pi 5 Model B Rev 1.0");
  EXPECT_EQ(pi_board_from_revision("a02082"), "Raspberry Pi 3 Model B Rev 1.2");
  EXPECT_EQ(pi_board_from_revision("0000"), "");    // what other ARM kernels print
  EXPECT_EQ(pi_board_from_revision("000e"), "");    // an old-style code (Pi 1 B)
  EXPECT_EQ(pi_board_from_revision("c03ff4"), "");  // an unknown board type
  EXPECT_EQ(pi_board_from_revision("zz"), "");
}

TEST_F(ScratchRoot, SysfsDeviceTreeWhenProcHasNone) {
  put("sys/firmware/devicetree/base/model", std::string("Pine64 RockPro64 v2.1\0", 22));
  EXPECT_EQ(board_model(root_.string(), ""), "Pine64 RockPro64 v2.1");
}

TEST_F(ScratchRoot, CpuinfoModelThenRevisionWithoutADeviceTree) {
  // A container that does not mount the device tree still sees the Pi kernel's lines.
  const std::string pi4 = slurp(kRoots + "/pi4/proc/cpuinfo");
  put("proc/cpuinfo", pi4);
  EXPECT_EQ(read_hardware(root_.string(), "aarch64").board_model, "Raspberry Pi 4 Model B Rev 1.4");
  put("proc/cpuinfo", pi4.substr(0, pi4.find("Model\t")));  // a kernel without the "Model" line
  EXPECT_EQ(read_hardware(root_.string(), "aarch64").board_model, "Raspberry Pi 4 Model B Rev 1.4");
  put("proc/cpuinfo", pi4.substr(0, pi4.find("Revision")));
  EXPECT_EQ(read_hardware(root_.string(), "aarch64").board_model, "");
}

// Physical cores, hardware threads and SMT (issue 21).

TEST(CpuList, ParsesAndFormatsTheKernelsLists) {
  EXPECT_EQ(parse_cpu_list("0-3,8,10-11"), (std::vector<int>{0, 1, 2, 3, 8, 10, 11}));
  EXPECT_EQ(parse_cpu_list("5"), (std::vector<int>{5}));
  EXPECT_EQ(parse_cpu_list("3,1-2,2"), (std::vector<int>{1, 2, 3}));
  for (const char* bad : {"", "a", "1-", "-1", "3-1", "1,,2", "1-2-3", "0-99999999"})
    EXPECT_TRUE(parse_cpu_list(bad).empty()) << bad;
  EXPECT_EQ(format_cpu_list({8, 0, 1, 2, 3, 10, 11, 3}), "0-3,8,10-11");
  EXPECT_EQ(format_cpu_list({}), "");
  EXPECT_EQ(format_cpu_list({7}), "7");
}

const std::string kSmtRoot = kRoots + "/smt";  // 2 packages x 2 cores x 2 threads

TEST(CpuTopology, SmtServerCountsPackageCorePairsOnce) {
  const CpuTopology t = read_cpu_topology(kSmtRoot, 99);
  EXPECT_EQ(t.logical_cpus, 8);
  EXPECT_EQ(t.physical_cores, 4);  // not 2 (core ids alone), not 8 (threads)
  EXPECT_EQ(t.note, "");
  EXPECT_EQ(t.smt, "on");
  ASSERT_EQ(t.core_of_cpu.size(), 8u);
  EXPECT_EQ(t.core_of_cpu.at(4), t.core_of_cpu.at(0));  // SMT siblings
  EXPECT_NE(t.core_of_cpu.at(2), t.core_of_cpu.at(0));  // core 0 of the other package
  EXPECT_EQ(core_name(t.core_of_cpu.at(6)), "1:0");
}

TEST(CpuTopology, NodeInfoRecordsThreadsCoresAndSmt) {
  const NodeInfo n = read_node_info(kSmtRoot);
  EXPECT_EQ(n.cores, 8);
  EXPECT_EQ(n.physical_cores, 4);
  EXPECT_EQ(physical_cores_or_logical(n), 4);
  EXPECT_EQ(n.smt, "on");
  EXPECT_EQ(n.core_note, "");
  NodeInfo old;  // a file from before issue 21: its logical CPUs are all there is
  old.cores = 6;
  EXPECT_EQ(physical_cores_or_logical(old), 6);
}

TEST_F(ScratchRoot, OfflineCpusAreLeftOut) {
  put("sys/devices/system/cpu/online", "0-1,3\n");  // cpu2 offline
  for (int cpu : {0, 1, 2, 3}) {
    put("sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/physical_package_id", "0\n");
    put("sys/devices/system/cpu/cpu" + std::to_string(cpu) + "/topology/core_id", std::to_string(cpu) + "\n");
  }
  const CpuTopology t = read_cpu_topology(root_.string(), 99);
  EXPECT_EQ(t.logical_cpus, 3);
  EXPECT_EQ(t.physical_cores, 3);
  EXPECT_EQ(t.smt, "");  // no smt directory: not known, not "off"
}

TEST_F(ScratchRoot, WithoutTheOnlineListEachCpusOwnFileDecides) {
  put("sys/devices/system/cpu/cpu0/topology/physical_package_id", "-1\n");  // old arm64 kernels
  put("sys/devices/system/cpu/cpu0/topology/core_id", "0\n");
  put("sys/devices/system/cpu/cpu1/online", "0\n");
  put("sys/devices/system/cpu/cpu10/online", "1\n");
  put("sys/devices/system/cpu/cpu10/topology/physical_package_id", "-1\n");
  put("sys/devices/system/cpu/cpu10/topology/core_id", "1\n");
  put("sys/devices/system/cpu/cpufreq/policy0/scaling_governor", "performance\n");
  const CpuTopology t = read_cpu_topology(root_.string(), 99);
  EXPECT_EQ(t.online, (std::vector<int>{0, 10}));
  EXPECT_EQ(t.physical_cores, 2);
  EXPECT_EQ(t.note, "");
}

TEST_F(ScratchRoot, UnreadableTopologyCountsLogicalCpusAndSaysSo) {
  put("sys/devices/system/cpu/online", "0-3\n");  // no topology directories (some containers)
  const CpuTopology t = read_cpu_topology(root_.string(), 99);
  EXPECT_EQ(t.logical_cpus, 4);
  EXPECT_EQ(t.physical_cores, 4);
  EXPECT_NE(t.note.find("physical cores counted as logical CPUs"), std::string::npos) << t.note;
  // Nothing at all: the caller's count, still said.
  const CpuTopology none = read_cpu_topology("/nonexistent-bramble-root", 6);
  EXPECT_EQ(none.logical_cpus, 6);
  EXPECT_EQ(none.physical_cores, 6);
  EXPECT_FALSE(none.note.empty());
}

TEST_F(ScratchRoot, SmtStateFromControlElseActive) {
  put("sys/devices/system/cpu/smt/active", "0\n");
  EXPECT_EQ(read_cpu_topology(root_.string(), 1).smt, "off");
  put("sys/devices/system/cpu/smt/control", "notsupported\n");  // this x86 VM's answer
  EXPECT_EQ(read_cpu_topology(root_.string(), 1).smt, "notsupported");
  put("sys/devices/system/cpu/smt/control", "on\n");  // enabled, but no core has a sibling
  EXPECT_EQ(read_cpu_topology(root_.string(), 1).smt, "on (inactive)");
  put("sys/devices/system/cpu/smt/active", "1\n");
  EXPECT_EQ(read_cpu_topology(root_.string(), 1).smt, "on");
}

TEST(RankPlacement, ACoreOnlyWhenEveryAllowedCpuIsOnIt) {
  const CpuTopology t = read_cpu_topology(kSmtRoot, 0);
  EXPECT_EQ(single_core({0, 4}, t), "0:0");  // both threads of one core
  EXPECT_EQ(single_core({6}, t), "1:0");
  EXPECT_EQ(single_core({0, 1}, t), "");     // two cores
  EXPECT_EQ(single_core({}, t), "");
  EXPECT_EQ(single_core({42}, t), "");       // not a CPU of this topology
}

TEST(RankPlacement, ThisProcessIsWhatSchedGetaffinitySays) {
  cpu_set_t set;
  CPU_ZERO(&set);
  ASSERT_EQ(sched_getaffinity(0, sizeof set, &set), 0);
  const std::vector<int> cpus = this_process_cpus();
  EXPECT_EQ(static_cast<int>(cpus.size()), CPU_COUNT(&set));
  for (int cpu : cpus) EXPECT_TRUE(CPU_ISSET(cpu, &set)) << cpu;
  const RankPlacement p = this_rank_placement(3, read_cpu_topology("", 0));
  EXPECT_EQ(p.node, 3);
  EXPECT_EQ(parse_cpu_list(p.cpus), cpus);
}

TEST(NodeHardware, ThisMachineHasAtLeastOneCorePerThreadGroup) {
  const NodeInfo info = read_node_info();
  EXPECT_GE(info.physical_cores, 1);
  EXPECT_LE(info.physical_cores, info.cores);
}

TEST(HugePages, TheBracketedWordIsTheActiveChoice) {
  EXPECT_EQ(bracketed_choice("always [madvise] never"), "madvise");
  EXPECT_EQ(bracketed_choice("always defer defer+madvise [madvise] never"), "madvise");
  EXPECT_EQ(bracketed_choice("[always] madvise never"), "always");
  EXPECT_EQ(bracketed_choice("never"), "never");  // a kernel that prints only the choice
  EXPECT_EQ(bracketed_choice(""), "");
}

TEST_F(ScratchRoot, HugePagesFromAFakeSysfsReachTheNodesFacts) {
  put("sys/kernel/mm/transparent_hugepage/enabled", "always madvise [never]\n");
  put("sys/kernel/mm/transparent_hugepage/defrag", "always defer [defer+madvise] madvise never\n");
  const HugePages thp = read_huge_pages(root_.string());
  EXPECT_EQ(thp.enabled, "never");
  EXPECT_EQ(thp.defrag, "defer+madvise");
  const NodeInfo n = read_node_info(root_.string());
  EXPECT_EQ(n.thp_enabled, "never");
  EXPECT_EQ(n.thp_defrag, "defer+madvise");
}

TEST_F(ScratchRoot, NoHugePagesDirectoryIsUnknownNotAnError) {
  const HugePages thp = read_huge_pages(root_.string());
  EXPECT_EQ(thp.enabled, "");
  EXPECT_EQ(thp.defrag, "");
}

// A Pi 5 overclocked as its owners do, as vcgencmd reports it: only the settings that move
// figures are kept, sorted, from both `get_config int` and `get_config str`; the kernel's
// NUMA emulation comes from its command line.
TEST_F(ScratchRoot, FirmwareSettingsFromAFakeVcgencmd) {
  put_script("usr/bin/vcgencmd",
             "case \"$1 $2\" in\n"
             "'get_config int') printf 'arm_freq=2800\\nhdmi_group=0\\nover_voltage_delta=50000\\n"
             "force_turbo=1\\nsdram_freq=4267\\ndisable_overscan=1\\n' ;;\n"
             "'get_config str') printf 'device_tree=-\\nsdram_schmoo=0x02000020\\n' ;;\n"
             "*) exit 2 ;;\n"
             "esac");
  put("proc/cmdline", "coherent_pool=1M numa=fake=8 numa_policy=interleave console=tty1\n");
  put("boot/firmware/config.txt", "arm_freq=2000\n");  // not read: vcgencmd says what applies
  const FirmwareSettings f = read_firmware_settings(firmware_sources(root_.string()));
  EXPECT_EQ(f.source, "vcgencmd get_config");
  EXPECT_EQ(f.settings,
            "arm_freq=2800, force_turbo=1, over_voltage_delta=50000, sdram_freq=4267, sdram_schmoo=0x02000020, "
            "numa=fake=8 (kernel command line), numa_policy=interleave (kernel command line)");
  const NodeInfo n = read_node_info(root_.string());
  EXPECT_EQ(n.firmware_source, f.source);
  EXPECT_EQ(n.firmware_settings, f.settings);
}

// Without vcgencmd: what config.txt asks for, with each setting's section filter, comments
// and unrelated settings left out; /boot/firmware before the older /boot.
TEST_F(ScratchRoot, FirmwareSettingsFromAFakeConfigTxt) {
  put("boot/config.txt", "arm_freq=1000\n");  // Bookworm's stub: the real file has moved
  put("boot/firmware/config.txt",
      "# overclock\n"
      "dtparam=audio=on\n"
      "[pi4]\n"
      "over_voltage=6 # a comment\n"
      "arm_freq=2000\n"
      "[all]\n"
      "force_turbo=1\n");
  const FirmwareSettings f = read_firmware_settings(firmware_sources(root_.string()));
  EXPECT_EQ(f.source, "/boot/firmware/config.txt (as written, not as applied)");
  EXPECT_EQ(f.settings, "over_voltage=6 [pi4], arm_freq=2000 [pi4], force_turbo=1");
  fs::remove(root_ / "boot/firmware/config.txt");
  EXPECT_EQ(read_firmware_settings(firmware_sources(root_.string())).settings, "arm_freq=1000");
}

// A vcgencmd that fails (no access to the firmware's mailbox) falls back to config.txt, and
// says why; with neither, this is no Pi firmware, which is no error.
TEST_F(ScratchRoot, FailingVcgencmdFallsBackAndAbsentIsNone) {
  put_script("usr/bin/vcgencmd", "echo 'VCHI initialization failed' >&2; exit 255");
  put("boot/firmware/config.txt", "arm_freq=2400\n");
  const FirmwareSettings f = read_firmware_settings(firmware_sources(root_.string()));
  EXPECT_EQ(f.settings, "arm_freq=2400");
  EXPECT_EQ(f.source,
            "/boot/firmware/config.txt (as written, not as applied; vcgencmd get_config int failed (exit status 255))");
  fs::remove(root_ / "boot/firmware/config.txt");
  EXPECT_EQ(read_firmware_settings(firmware_sources(root_.string())).source,
            "none (vcgencmd get_config int failed (exit status 255))");
  fs::remove(root_ / "usr/bin/vcgencmd");
  const FirmwareSettings none = read_firmware_settings(firmware_sources(root_.string()));
  EXPECT_EQ(none.settings, "");
  EXPECT_EQ(none.source, "none");
  EXPECT_EQ(read_node_info(root_.string()).firmware_source, "none");
}

TEST(PiFirmware, OnlySettingsThatMoveFiguresAreKept) {
  for (const char* name : {"arm_freq", "over_voltage", "over_voltage_delta", "force_turbo", "sdram_freq",
                           "sdram_over_voltage", "core_freq", "arm_boost", "temp_limit"})
    EXPECT_TRUE(setting_moves_figures(name)) << name;
  for (const char* name : {"hdmi_group", "dtparam", "disable_overscan", "camera_auto_detect", ""})
    EXPECT_FALSE(setting_moves_figures(name)) << name;
}

// cgroup v2: the tightest limit on the path wins, whichever level sets it; "max" is none.
TEST_F(ScratchRoot, CgroupV2LimitOnAnAncestorLowersWhatIsAvailable) {
  put("proc/self/cgroup", "0::/user.slice/job.scope\n");
  put("sys/fs/cgroup/user.slice/job.scope/memory.max", "max\n");
  put("sys/fs/cgroup/user.slice/job.scope/memory.current", "100\n");
  put("sys/fs/cgroup/user.slice/memory.max", "4294967296\n");  // 4 GiB on the parent
  put("sys/fs/cgroup/user.slice/memory.current", "1073741824\n");
  const MemoryLimits limits = read_memory_limits(root_.string());
  EXPECT_EQ(limits.cgroup_free, std::int64_t{3} << 30);
  EXPECT_EQ(limits.cgroup_name, "cgroup memory.max 4.00 GiB");
  EXPECT_EQ(limits.process_free, -1);  // a fake root reads no rlimits
  EXPECT_EQ(limited_available(std::int64_t{16} << 30, limits, 4).available, std::int64_t{3} << 30);
  EXPECT_EQ(limited_available(std::int64_t{16} << 30, limits, 4).limit, "cgroup memory.max 4.00 GiB");
  // Below the limit's room, MemAvailable decides, and no limit is named.
  EXPECT_EQ(limited_available(std::int64_t{2} << 30, limits, 4).available, std::int64_t{2} << 30);
  EXPECT_EQ(limited_available(std::int64_t{2} << 30, limits, 4).limit, "");
}

TEST_F(ScratchRoot, CgroupV1MemoryControllerAndItsNoLimitValue) {
  put("proc/self/cgroup", "12:cpu,cpuacct:/slurm/job1\n9:memory:/slurm/job1\n0::/\n");
  put("sys/fs/cgroup/memory/slurm/job1/memory.limit_in_bytes", "2147483648\n");
  put("sys/fs/cgroup/memory/slurm/job1/memory.usage_in_bytes", "3221225472\n");  // over: no room
  put("sys/fs/cgroup/memory/memory.limit_in_bytes", "9223372036854771712\n");     // v1's "none"
  EXPECT_EQ(read_memory_limits(root_.string()).cgroup_free, 0);
  put("sys/fs/cgroup/memory/slurm/job1/memory.limit_in_bytes", "9223372036854771712\n");
  EXPECT_EQ(read_memory_limits(root_.string()).cgroup_free, -1);
}

TEST_F(ScratchRoot, NoCgroupFileMeansNoLimit) {
  const MemoryLimits limits = read_memory_limits(root_.string());
  EXPECT_EQ(limits.cgroup_free, -1);
  EXPECT_EQ(limited_available(12345, limits, 2).available, 12345);
}

// A process limit counts once per rank: ranks x what each may still take.
TEST(MemoryLimits, ProcessLimitCountsPerRank) {
  MemoryLimits limits;
  limits.process_free = std::int64_t{1} << 30;
  limits.process_name = "ulimit -v 1.25 GiB per process";
  EXPECT_EQ(limited_available(std::int64_t{16} << 30, limits, 4).available, std::int64_t{4} << 30);
  EXPECT_EQ(limited_available(std::int64_t{16} << 30, limits, 4).limit, "ulimit -v 1.25 GiB per process");
  NodeInfo n;
  n.memory_available_bytes = std::int64_t{4} << 30;
  n.memory_limit = limits.process_name;
  EXPECT_EQ(available_memory_text(n), "4.00 GiB available (ulimit -v 1.25 GiB per process)");
}

}  // namespace
}  // namespace bramble
