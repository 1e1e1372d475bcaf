// Authentication against a real HTTP server (lighttpd, started by with_lighttpd.sh at
// $BRAMBLE_PLUG_URL): a Shelly Gen2/Gen3 asks for digest with SHA-256, a Gen1 for basic. The
// right password reads the plug; a wrong one, or none, is one clear error that never shows
// the password.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "power/sources/http_client.hpp"
#include "power/sources/smartplug_source.hpp"

namespace bramble::power {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

std::string plug_url() {
  const char* url = std::getenv("BRAMBLE_PLUG_URL");
  if (!url) {
    ADD_FAILURE() << "BRAMBLE_PLUG_URL is not set: run this through tests/http_auth/with_lighttpd.sh";
    return "http://127.0.0.1:1";
  }
  return url;
}

const HttpCredentials kRight{"admin", "hunter2"};
const HttpCredentials kWrong{"admin", "hunter3"};

TEST(DigestAuth, TheRightPasswordReadsAGen2Plug) {
  SmartPlugSource plug(plug_url(), 2000, kRight);
  EXPECT_EQ(plug.flavour(), "Shelly Gen2/3");
  EXPECT_DOUBLE_EQ(plug.read().watts, 41.5);
  EXPECT_DOUBLE_EQ(plug.read().watts, 41.5);  // the handle, reused, still authenticates
  EXPECT_FALSE(contains(plug.describe(), "hunter2")) << plug.describe();
}

TEST(DigestAuth, AWrongPasswordIsOneClearError) {
  try {
    SmartPlugSource plug(plug_url(), 2000, kWrong);
    FAIL() << "read with a wrong password: " << plug.describe();
  } catch (const PowerError& e) {
    const std::string m = e.what();
    EXPECT_EQ(m, "smart plug (Shelly Gen2/3?): cannot read " + plug_url() +
                     "/rpc/Switch.GetStatus?id=0: HTTP status 401: the plug refused the user name and password in "
                     "--power-config");
    EXPECT_FALSE(contains(m, "hunter")) << m;
  }
}

TEST(DigestAuth, NoPasswordSaysWhereToGiveOne) {
  try {
    SmartPlugSource plug(plug_url(), 2000);
    FAIL() << "read without a password: " << plug.describe();
  } catch (const PowerError& e) {
    EXPECT_TRUE(contains(e.what(), "HTTP status 401: the plug asks for a password; give user and password in this "
                                   "node's section of --power-config"))
        << e.what();
  }
}

TEST(BasicAuth, AGen1PlugTakesTheSamePassword) {
  EXPECT_EQ(HttpClient(plug_url(), kRight).get("/status", 2000), R"({"meters":[{"power":17.25,"is_valid":true}]})");
  EXPECT_THROW(HttpClient(plug_url(), kWrong).get("/status", 2000), HttpAuthRefused);
}

}  // namespace
}  // namespace bramble::power
