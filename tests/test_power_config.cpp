// --power-config, read with toml++: the files people wrote for the old reader still mean the
// same; what TOML forbids (a table or key given twice) and what bramble does not know (a key,
// a type) is refused with the file, the line and what is wrong; passwords never in messages.
#include <gtest/gtest.h>

#include <string>

#include "core/errors.hpp"
#include "power/config.hpp"

namespace bramble {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// The message parse_power_config throws for `text`, or "" if it accepts it.
std::string refusal(const std::string& text) {
  try {
    parse_power_config(text, "power.toml");
  } catch (const InputError& e) {
    return e.what();
  }
  return "";
}

TEST(PowerConfig, SectionsDefaultsDottedHostsAndErrors) {
  const PowerConfig c = parse_power_config(
      "# cluster\n[default]\npower = \"fixed:7.5\"\n[pi01.local]\npower = 'pi5-pmic:wall'\ninterval = 0.5\n"
      "[pi02]\ngroup = \"rack\"\n[\"pi03.lan\"]\ninterval = 2\n",
      "power.toml");
  EXPECT_EQ(c.for_host("pi01.local").power, "pi5-pmic:wall");
  EXPECT_EQ(c.for_host("pi01.local").interval, 0.5);
  EXPECT_EQ(c.for_host("pi02").group, "rack");
  EXPECT_EQ(c.for_host("pi02").power, "");  // the group's or the default source, decided later
  EXPECT_EQ(c.for_host("pi03.lan").interval, 2.0);  // a TOML integer is seconds too
  EXPECT_EQ(c.for_host("epyc").power, "fixed:7.5");
  EXPECT_EQ(refusal("[pi01]\nwatts = 5\n"),
            "power.toml line 2: [pi01] watts: unknown key (known: power, group, interval, user, password)");
  EXPECT_TRUE(contains(refusal("[pi01]\ninterval = fast\n"), "power.toml line 2, column")) << refusal("[pi01]\ninterval = fast\n");
  EXPECT_EQ(refusal("[pi01]\ninterval = 0\n"),
            "power.toml line 2: [pi01] interval: seconds between samples must be a finite number from 0.01 to 60, got 0");
  EXPECT_EQ(refusal("interval = nan\n"),
            "power.toml line 1: [default] interval: seconds between samples must be a finite number from 0.01 to 60, got nan");
}

TEST(PowerConfig, KeysOutsideATableAreTheDefault) {
  const PowerConfig c = parse_power_config("power = \"fixed:6\"\n[pi01]\npower = \"rapl\"\n", "p");
  EXPECT_EQ(c.fallback.power, "fixed:6");
  EXPECT_EQ(c.for_host("pi01").power, "rapl");
}

// The defect: the old reader merged a section given twice, so the second [pi01] silently
// changed the first's node. TOML says a table is defined once; so does bramble now.
TEST(PowerConfig, ATableGivenTwiceIsRefusedWithItsLine) {
  const std::string twice = "[pi01]\npower = \"fixed:5\"\n\n[pi02]\npower = \"rapl\"\n\n[pi01]\ngroup = \"rack\"\n";
  const std::string m = refusal(twice);
  EXPECT_TRUE(contains(m, "power.toml line 7, column ")) << m;
  EXPECT_TRUE(contains(m, "pi01")) << m;
  const std::string key = refusal("[pi01]\npower = \"fixed:5\"\npower = \"fixed:6\"\n");
  EXPECT_TRUE(contains(key, "power.toml line 3, column ")) << key;
  EXPECT_TRUE(contains(key, "power")) << key;
  const std::string dotted = refusal("[pi01.local]\npower = \"fixed:5\"\n[\"pi01\".local]\npower = \"fixed:6\"\n");
  EXPECT_TRUE(contains(dotted, "power.toml line 3, column ")) << dotted;
}

TEST(PowerConfig, WrongTypesSayWhatWasExpected) {
  EXPECT_EQ(refusal("[pi01]\npower = 7.5\n"),
            "power.toml line 2: [pi01] power: expected text in quotes, e.g. power = \"fixed:7.5\"");
  EXPECT_EQ(refusal("[pi01]\ninterval = \"1.0\"\n"),
            "power.toml line 2: [pi01] interval: seconds between samples must be a number, e.g. interval = 0.5");
  EXPECT_TRUE(contains(refusal("[[pi01]]\npower = \"rapl\"\n"), "[pi01]")) << refusal("[[pi01]]\npower = \"rapl\"\n");
  EXPECT_EQ(refusal("group = \"rack\\u001b[2J\"\n"),
            "power.toml line 1: [default] group: must be printable text, got \"rack\\x1b[2J\"");
}

TEST(PowerConfig, CredentialsAreReadButNeverEchoed) {
  const PowerConfig c = parse_power_config("[pi01]\npower = \"smartplug:http://10.0.0.5\"\npassword = \"hunter2\"\n"
                                           "[pi02]\nuser = \"ops\"\npassword = \"x\"\n",
                                           "p");
  EXPECT_EQ(c.for_host("pi01").credentials.user, "admin");  // a Shelly's only user
  EXPECT_EQ(c.for_host("pi01").credentials.password, "hunter2");
  EXPECT_EQ(c.for_host("pi02").credentials.user, "ops");
  const std::string m = refusal("password = \"hunter\\u0007\"\n");
  EXPECT_EQ(m, "power.toml line 1: [default] password: must be printable text");
}

}  // namespace
}  // namespace bramble
