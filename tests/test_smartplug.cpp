// Smart plugs over HTTP, against fake plugs on loopback: the three flavours found by trying,
// what libcurl brings that the plugs in the field need (chunked replies, redirects, IPv6),
// credentials kept out of URLs and messages, and the JSON path that picks the watts. The
// timeouts are in test_power_stall.cpp; digest authentication against a real HTTP server in
// tests/http_auth/.
#include <gtest/gtest.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <map>
#include <string>
#include <thread>

#include "loopback_listener.hpp"
#include "power/sources/http_client.hpp"
#include "power/sources/json_number.hpp"
#include "power/sources/smartplug_source.hpp"
#include "power/sources/source_factory.hpp"

namespace bramble::power {
namespace {

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

TEST(Json, FindsNumbersByPathAndRejectsGarbage) {
  const std::string j = R"({"meters":[{"power":12.5,"ok":true},{"power":3}],"StatusSNS":{"ENERGY":{"Power":42}},"s":"a\"b"})";
  EXPECT_EQ(json_number_at(j, "meters[0].power"), 12.5);
  EXPECT_EQ(json_number_at(j, "meters[1].power"), 3.0);
  EXPECT_EQ(json_number_at(j, "StatusSNS.ENERGY.Power"), 42.0);
  EXPECT_FALSE(json_number_at(j, "apower").has_value());
  EXPECT_FALSE(json_number_at(j, "meters[0].ok").has_value());
  EXPECT_THROW(json_number_at(R"({"apower": 1.0)", "apower"), PowerError);
  EXPECT_THROW(json_number_at("<html>", "apower"), PowerError);
}

using Replies = std::map<std::string, std::string>;  // path -> JSON body, or a whole reply ("HTTP/...")

// A loopback HTTP server with canned replies per path; it stops when the test ends.
class FakePlug {
 public:
  // `basic`: when given, the base64 "user:password" a request must carry (a Shelly Gen1's
  // basic authentication), or it gets a 401 and a challenge.
  explicit FakePlug(Replies replies, bool ipv6 = false, std::string basic = "")
      : replies_(std::move(replies)), basic_(std::move(basic)) {
    fd_ = testing_support::listen_on_loopback(8, port_, ipv6);
    host_ = ipv6 ? "[::1]" : "127.0.0.1";
    if (fd_ >= 0) thread_ = std::thread([this] { serve(); });
  }
  ~FakePlug() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    if (fd_ >= 0) ::close(fd_);
  }
  bool listening() const { return fd_ >= 0; }
  std::string url() const { return "http://" + host_ + ":" + std::to_string(port_); }
  const std::string& last_request() const { return last_request_; }  // read after a request ended

 private:
  void serve() {
    while (!stop_) {
      pollfd p{fd_, POLLIN, 0};
      if (::poll(&p, 1, 50) != 1) continue;
      const int c = ::accept(fd_, nullptr, nullptr);
      if (c < 0) continue;
      char buf[2048];
      const ssize_t n = ::recv(c, buf, sizeof buf - 1, 0);
      std::string request(buf, n > 0 ? std::size_t(n) : 0);
      last_request_ = request;
      const auto a = request.find(' '), b = request.find(' ', a + 1);
      const std::string path = a == std::string::npos ? "" : request.substr(a + 1, b - a - 1);
      const auto it = replies_.find(path);
      std::string reply = "HTTP/1.0 404 Not Found\r\n\r\n";
      if (!basic_.empty() && !contains(request, "\r\nAuthorization: Basic " + basic_ + "\r\n"))
        reply = "HTTP/1.0 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"plug\"\r\n\r\n";
      else if (it != replies_.end())
        reply = it->second.starts_with("HTTP/") ? it->second
                                                : "HTTP/1.0 200 OK\r\nContent-Type: application/json\r\n\r\n" + it->second;
      ::send(c, reply.data(), reply.size(), MSG_NOSIGNAL);
      ::close(c);
    }
  }
  Replies replies_;
  std::string basic_;
  std::string host_;
  int fd_ = -1, port_ = 0;
  std::string last_request_;
  std::atomic<bool> stop_{false};
  std::thread thread_;
};

// An HTTP/1.1 reply in chunked transfer encoding, `body` cut into pieces of `piece` bytes.
std::string chunked_reply(const std::string& body, std::size_t piece) {
  std::string out = "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n"
                    "Connection: close\r\n\r\n";
  for (std::size_t at = 0; at < body.size(); at += piece) {
    const std::string part = body.substr(at, piece);
    char size[16];
    std::snprintf(size, sizeof size, "%zx\r\n", part.size());
    out += size + part + "\r\n";
  }
  return out + "0\r\n\r\n";
}

TEST(SmartPlug, FindsShellyGen2Gen1AndTasmota) {
  {
    FakePlug plug(Replies{{"/rpc/Switch.GetStatus?id=0", R"({"id":0,"apower":7.25,"aenergy":{"total":12.0}})"}});
    SmartPlugSource s(plug.url() + "/");
    EXPECT_EQ(s.flavour(), "Shelly Gen2/3");
    EXPECT_EQ(s.scope(), Scope::wall);
    EXPECT_DOUBLE_EQ(s.read().watts, 7.25);
  }
  {
    FakePlug plug(Replies{{"/status", R"({"meters":[{"power":31.5,"total":100}]})"}});
    EXPECT_EQ(SmartPlugSource(plug.url()).flavour(), "Shelly Gen1");
  }
  {
    FakePlug plug(Replies{{"/cm?cmnd=Status%2010", R"({"StatusSNS":{"Time":"x","ENERGY":{"Total":1.2,"Power":18}}})"}});
    auto s = make_source("smartplug:" + plug.url());
    EXPECT_DOUBLE_EQ(s->read().watts, 18.0);
  }
}

TEST(SmartPlug, NoPlugIsAClearError) {
  FakePlug plug(Replies{{"/status", R"({"wifi_sta":{}})"}});
  try {
    SmartPlugSource s(plug.url());
    FAIL();
  } catch (const PowerError& e) {
    const std::string m = e.what();
    EXPECT_NE(m.find("no Shelly or Tasmota power reading at " + plug.url()), std::string::npos);
    EXPECT_NE(m.find("404"), std::string::npos);
    EXPECT_NE(m.find("no meters[0].power"), std::string::npos);
  }
  EXPECT_THROW(HttpClient("http://127.0.0.1:1").get("/status", 500), PowerError);  // nothing listens on port 1
  EXPECT_THROW(HttpClient("https://example.invalid").get("/", 500), PowerError);     // no such host
  EXPECT_THROW(HttpClient("ftp://plug.local"), PowerError);
  EXPECT_THROW(make_source("smartplug:"), PowerError);
}

// A Tasmota behind a reverse proxy, or a plug's firmware, may answer in pieces.
TEST(SmartPlug, AChunkedReplyIsPutTogether) {
  const std::string body = R"({"id":0,"apower":23.75,"voltage":229.1,"aenergy":{"total":51.0}})";
  FakePlug plug(Replies{{"/rpc/Switch.GetStatus?id=0", chunked_reply(body, 7)}});
  SmartPlugSource s(plug.url());
  EXPECT_EQ(s.flavour(), "Shelly Gen2/3");
  EXPECT_DOUBLE_EQ(s.read().watts, 23.75);
  EXPECT_EQ(HttpClient(plug.url()).get("/rpc/Switch.GetStatus?id=0", 1000), body);
}

TEST(SmartPlug, ARedirectIsFollowedAndALoopIsNot) {
  FakePlug plug(Replies{{"/status", "HTTP/1.1 302 Found\r\nLocation: /real/status\r\nContent-Length: 0\r\n\r\n"},
                        {"/real/status", R"({"meters":[{"power":9.5}]})"},
                        {"/loop", "HTTP/1.1 302 Found\r\nLocation: /loop\r\nContent-Length: 0\r\n\r\n"}});
  EXPECT_EQ(HttpClient(plug.url()).get("/status", 1000), R"({"meters":[{"power":9.5}]})");
  try {
    HttpClient(plug.url()).get("/loop", 1000);
    FAIL() << "a redirect loop was followed forever";
  } catch (const PowerError& e) {
    EXPECT_TRUE(contains(e.what(), "cannot read " + plug.url() + "/loop: ")) << e.what();
  }
}

TEST(SmartPlug, AnIpv6AddressWorks) {
  FakePlug plug(Replies{{"/rpc/Switch.GetStatus?id=0", R"({"apower":4.5})"}}, true);
  if (!plug.listening()) GTEST_SKIP() << "this machine has no IPv6 loopback (::1)";
  EXPECT_EQ(plug.url().rfind("http://[::1]:", 0), 0u);
  EXPECT_DOUBLE_EQ(SmartPlugSource(plug.url()).read().watts, 4.5);
}

// The URL is printed and stored in result files; a password in it would be too.
TEST(SmartPlug, CredentialsInTheUrlAreRefusedWithoutEchoingThem) {
  for (const std::string url : {"http://admin:hunter2@plug.local", "http://admin@plug.local"}) {
    try {
      HttpClient client(url);
      FAIL() << url << " accepted";
    } catch (const PowerError& e) {
      EXPECT_FALSE(contains(e.what(), "hunter2")) << e.what();
      EXPECT_TRUE(contains(e.what(), "go in the power config")) << e.what();
    }
  }
  EXPECT_THROW(make_source("smartplug:http://admin:hunter2@plug.local"), PowerError);
}

// A plug that asks for a password and got none says so, and how to give one; credentials
// given for a source that takes none are refused rather than ignored.
TEST(SmartPlug, APlugThatAsksForAPasswordSaysWhereToPutIt) {
  FakePlug plug(Replies{{"/status", "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Basic realm=\"shelly\"\r\n"
                                    "Content-Length: 0\r\n\r\n"}});
  try {
    HttpClient(plug.url()).get("/status", 1000);
    FAIL() << "a 401 was taken for a reading";
  } catch (const PowerError& e) {
    EXPECT_TRUE(contains(e.what(), "HTTP status 401: the plug asks for a password; give user and password")) << e.what();
  }
  EXPECT_THROW(make_source("fixed:7.5", "", nullptr, HttpCredentials{"admin", "pw"}), PowerError);
}

// Basic authentication (a Shelly Gen1) answers the plug's challenge with what the config
// gave; a wrong password is one clear error; the source's description, which the result file
// stores, holds none of it. (Digest, which Gen2 and Gen3 ask for: tests/http_auth/.)
TEST(SmartPlug, BasicAuthAnswersTheChallengeAndDescribeHoldsNone) {
  FakePlug plug(Replies{{"/status", R"({"meters":[{"power":5.0}]})"}}, false, "YWRtaW46aHVudGVyMg==");  // admin:hunter2
  EXPECT_EQ(HttpClient(plug.url(), HttpCredentials{"admin", "hunter2"}).get("/status", 1000),
            R"({"meters":[{"power":5.0}]})");
  try {
    HttpClient(plug.url(), HttpCredentials{"admin", "hunter3"}).get("/status", 1000);
    FAIL() << "a wrong password was let through";
  } catch (const PowerError& e) {
    EXPECT_TRUE(contains(e.what(), "HTTP status 401: the plug refused the user name and password in --power-config"))
        << e.what();
    EXPECT_FALSE(contains(e.what(), "hunter3")) << e.what();
  }
  SmartPlugSource s(plug.url(), 1000, HttpCredentials{"admin", "hunter2"});
  EXPECT_EQ(s.flavour(), "Shelly Gen1");
  EXPECT_FALSE(contains(s.describe(), "hunter2")) << s.describe();
  EXPECT_FALSE(contains(s.describe(), "admin")) << s.describe();
}

}  // namespace
}  // namespace bramble::power
