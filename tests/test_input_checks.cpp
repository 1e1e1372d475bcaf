// The core helpers every input passes through: input files (regular files of a sane size,
// never a blocking FIFO), numbers (finite, whole, in range), sizes multiplied without
// overflow, and quoted text made safe to print.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>

#include "core/checked_math.hpp"
#include "core/errors.hpp"
#include "core/input_file.hpp"
#include "core/number_text.hpp"
#include "core/printable.hpp"

namespace bramble {
namespace {

namespace fs = std::filesystem;

TEST(Printable, EscapesControlsAndBrokenUtf8ButKeepsLetters) {
  EXPECT_EQ(printable("plain text"), "plain text");
  EXPECT_EQ(printable("a\x1b[31mb"), "a\\x1b[31mb");
  EXPECT_EQ(printable("tab\there\nnl\x7f"), "tab\\x09here\\x0anl\\x7f");
  EXPECT_EQ(printable("caf\xc3\xa9 \xe6\x97\xa5"), "caf\xc3\xa9 \xe6\x97\xa5");  // UTF-8 letters stay
  EXPECT_EQ(printable("\xc2\x9b"), "\\xc2\\x9b");                                // C1 control (CSI)
  EXPECT_EQ(printable("\xff\xfe\xc3"), "\\xff\\xfe\\xc3");                        // not UTF-8
  EXPECT_EQ(printable("\xc0\xaf"), "\\xc0\\xaf");                                // overlong '/'
  EXPECT_EQ(printable(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(printable("abcdef", 3), "abc...");
  const std::string once = printable("x\x1by\xff");
  EXPECT_EQ(printable(once), once);  // escaping twice changes nothing
  EXPECT_EQ(in_quotes("a\tb"), "\"a\\x09b\"");
  EXPECT_TRUE(is_printable("pi01 run, 7.5 W \xc2\xb0""C"));
  EXPECT_FALSE(is_printable("a\tb"));
  EXPECT_FALSE(is_printable("\xff"));
}

// Invisible format characters would make two texts look alike: a byte-order mark before a
// CSV header, a right-to-left override in a label (issue 22 §3, §10).
TEST(Printable, EscapesInvisibleFormatCharacters) {
  EXPECT_EQ(printable("\xef\xbb\xbfsystem"), "\\xef\\xbb\\xbfsystem");          // U+FEFF
  EXPECT_EQ(printable("pi\xe2\x80\x8b" "01"), "pi\\xe2\\x80\\x8b01");              // zero-width space
  EXPECT_EQ(printable("a\xe2\x80\xae" "b"), "a\\xe2\\x80\\xaeb");                  // right-to-left override
  EXPECT_EQ(printable("\xe2\x80\x94 dash"), "\xe2\x80\x94 dash");               // U+2014 stays
  EXPECT_FALSE(is_printable("\xef\xbb\xbf"));
}

// The report filter: every line escaped, the line breaks kept.
TEST(Printable, LinesKeepTheirBreaks) {
  EXPECT_EQ(printable_lines("a\x1b[1m\nb\x07\n"), "a\\x1b[1m\nb\\x07\n");
  EXPECT_EQ(printable_lines(""), "");
  EXPECT_EQ(printable_lines("\n\n"), "\n\n");
}

TEST(NumberText, WholeNumbersAreWholeAndFit) {
  EXPECT_EQ(parse_whole_number("42"), 42);
  EXPECT_EQ(parse_whole_number("+5"), 5);
  EXPECT_EQ(parse_whole_number("-3"), -3);
  EXPECT_EQ(parse_whole_number("9223372036854775807"), std::numeric_limits<std::int64_t>::max());
  for (const char* bad : {"", "1e3", "1.5", "0x10", "12abc", " 1", "nan", "9223372036854775808"})
    EXPECT_FALSE(parse_whole_number(bad).has_value()) << bad;
}

TEST(NumberText, FiniteNumbersRefuseNanInfinityAndOverflow) {
  EXPECT_EQ(parse_finite_number("0.5"), 0.5);
  EXPECT_EQ(parse_finite_number("+2"), 2.0);
  EXPECT_EQ(parse_finite_number("1e-3"), 1e-3);
  for (const char* bad : {"", "nan", "-nan", "inf", "-inf", "infinity", "1e999", "7.5W", "fast"})
    EXPECT_FALSE(parse_finite_number(bad).has_value()) << bad;
}

TEST(NumberText, MessagesAreShortAndSayWhatWasGiven) {
  EXPECT_EQ(check_whole_number("64", 1, 65536), "");
  EXPECT_EQ(check_whole_number("0", 1, 65536), "must be a whole number from 1 to 65536, got 0");
  EXPECT_EQ(check_whole_number("0", 1, std::numeric_limits<std::int64_t>::max()),
            "must be a whole number of at least 1, got 0");
  EXPECT_EQ(check_whole_number("99999999999999999999", 1, 10),
            "must be a whole number from 1 to 10, got 99999999999999999999");  // a number, if a big one
  EXPECT_EQ(check_whole_number("ten", 1, 10), "must be a whole number from 1 to 10, got \"ten\"");
  EXPECT_EQ(check_finite_number("0.5", 0.01, 0.95), "");
  EXPECT_EQ(check_finite_number("nan", 0.01, 0.95), "must be a finite number from 0.01 to 0.95, got nan");
  EXPECT_EQ(check_finite_number("0", 0.01, 60), "must be a finite number from 0.01 to 60, got 0");
  EXPECT_EQ(check_finite_number("\x1b", 0, 1), "must be a finite number from 0 to 1, got \"\\x1b\"");
  EXPECT_LT(check_finite_number("0", 1, std::numeric_limits<double>::max()).size(), 60u);  // no 309 digits
}

TEST(CheckedMath, ProductsThatDoNotFitAreSeen) {
  EXPECT_EQ(checked_mul(65536, 65536), std::int64_t{1} << 32);
  EXPECT_FALSE(checked_mul(std::int64_t{1} << 40, std::int64_t{1} << 40).has_value());
  EXPECT_EQ(checked_product({32768, 32768, 3}), std::int64_t{3} << 30);
  EXPECT_FALSE(checked_product({std::int64_t{1} << 40, std::int64_t{1} << 40, 8}).has_value());
  EXPECT_FALSE(checked_add(std::numeric_limits<std::int64_t>::max(), 1).has_value());
}

class InputFiles : public ::testing::Test {
 protected:
  void SetUp() override {
    dir_ = fs::temp_directory_path() / ("bramble-input-" + std::to_string(::getpid()));
    fs::create_directories(dir_);
  }
  void TearDown() override { fs::remove_all(dir_); }

  // The message of the InputError read_input_file throws, or "no error".
  static std::string error_of(const fs::path& path, std::int64_t max_bytes = kMaxInputFileBytes) {
    try {
      read_input_file(path.string(), "test file", max_bytes);
    } catch (const InputError& e) {
      return e.what();
    }
    return "no error";
  }

  fs::path dir_;
};

TEST_F(InputFiles, ReadsARegularFile) {
  std::ofstream(dir_ / "a.txt") << "line 1\nline 2\n";
  EXPECT_EQ(read_input_file((dir_ / "a.txt").string(), "test file"), "line 1\nline 2\n");
  EXPECT_EQ(read_input_tail((dir_ / "a.txt").string(), "test file", 7), "line 2\n");
  EXPECT_EQ(read_input_tail((dir_ / "a.txt").string(), "test file", 1000), "line 1\nline 2\n");
}

TEST_F(InputFiles, SaysWhichKindOfNotARegularFileItIs) {
  const std::string p = (dir_ / "none").string();
  EXPECT_EQ(error_of(dir_ / "none"), "cannot read test file " + p + ": no such file");
  EXPECT_EQ(error_of(dir_), "cannot read test file " + dir_.string() + ": it is a directory");
  EXPECT_EQ(error_of("/dev/zero"), "cannot read test file /dev/zero: it is a character device, not a regular file");
  EXPECT_EQ(error_of(""), "no test file named (the path is empty)");
  // A FIFO with no writer: opening it must not wait for one (a hang here is the ctest timeout).
  const fs::path fifo = dir_ / "fifo";
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  EXPECT_EQ(error_of(fifo), "cannot read test file " + fifo.string() + ": it is a FIFO, not a regular file");
  EXPECT_THROW(read_input_tail(fifo.string(), "test file", 10), InputError);
}

TEST_F(InputFiles, RefusesMoreThanTheLimitAndSaysTheLimit) {
  std::ofstream(dir_ / "big.txt") << std::string(3 << 20, 'x');
  EXPECT_EQ(error_of(dir_ / "big.txt", 1 << 20),
            "cannot read test file " + (dir_ / "big.txt").string() + ": it is 3.0 MiB, more than the 1.0 MiB "
            "bramble reads from a test file");
  EXPECT_EQ(read_input_file((dir_ / "big.txt").string(), "test file", 3 << 20).size(), std::size_t{3} << 20);
}

TEST_F(InputFiles, EscapesThePathInMessages) {
  EXPECT_NE(error_of(dir_ / "bad\x1bname").find("bad\\x1bname: no such file"), std::string::npos);
}

}  // namespace
}  // namespace bramble
