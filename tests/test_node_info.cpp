// A node's architecture, CPU core and board, read from fake roots (tests/data/cpuinfo/): a
// Raspberry Pi 4 and 5 on 64-bit Raspberry Pi OS, and an x86 VM without a device tree.
#include <gtest/gtest.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "context/board_model.hpp"
#include "context/cpu_part.hpp"
#include "context/node_info.hpp"

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

}  // namespace
}  // namespace bramble
