// A smart plug that stops answering: every HTTP request ends by its deadline however the
// plug stalls (silent, trickling, half a reply), a plug that never answers fails the start
// once rather than once per flavour, and the sampler thread reading a plug that stops
// mid-run records the failures, says it is stalled, and stops within one deadline.
#include <gtest/gtest.h>

#include <chrono>
#include <memory>
#include <string>
#include <thread>

#include "power/sampler.hpp"
#include "power/sources/http_client.hpp"
#include "power/sources/smartplug_source.hpp"
#include "stalling_plug.hpp"

namespace bramble::power {
namespace {

using testing_support::StallingPlug;
using Stall = StallingPlug::Stall;

bool contains(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

// A request ends by its deadline; up to 1.5 s past it is a busy machine's delay, not a defect.
// The defects guarded against take far longer: with no deadline, or a timeout per wait (which
// a trickling plug renews forever), a request never ends. (A deadline per flavour probed is
// caught by counting requests, not by time.)
constexpr double kLate = 1.5;

template <class F>
double seconds_of(F f) {
  const auto t0 = std::chrono::steady_clock::now();
  f();
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

// The message of the HttpTimeout that `client.get(path, ms)` must throw.
std::string timeout_message(const HttpClient& client, const std::string& path, int ms) {
  try {
    client.get(path, ms);
  } catch (const HttpTimeout& e) {
    return e.what();
  } catch (const std::exception& e) {
    ADD_FAILURE() << "not a timeout: " << e.what();
    return "";
  }
  ADD_FAILURE() << "no error";
  return "";
}

TEST(HttpDeadline, APlugThatAcceptsButNeverAnswersTimesOutOnTime) {
  StallingPlug plug(0, Stall::Silent);
  const HttpClient client(plug.url());
  std::string m;
  const double s = seconds_of([&] { m = timeout_message(client, "/status", 300); });
  EXPECT_GE(s, 0.25);
  EXPECT_LT(s, 0.3 + kLate);
  EXPECT_TRUE(contains(m, "cannot read " + plug.url() + "/status: no reply within 0.3 s")) << m;
}

// A byte every 50 ms: a timeout per wait (as before) would never fire; one deadline does.
TEST(HttpDeadline, ATricklingReplyCannotStretchTheDeadline) {
  StallingPlug plug(0, Stall::Trickle);
  const HttpClient client(plug.url());
  std::string m;
  const double s = seconds_of([&] { m = timeout_message(client, "/status", 700); });
  EXPECT_LT(s, 0.7 + kLate);
  EXPECT_TRUE(contains(m, "reply incomplete after 0.7 s (")) << m;
}

TEST(HttpDeadline, HalfAReplyThenSilenceTimesOut) {
  StallingPlug plug(0, Stall::Half);
  const HttpClient client(plug.url());
  std::string m;
  const double s = seconds_of([&] { m = timeout_message(client, "/status", 300); });
  EXPECT_LT(s, 0.3 + kLate);
  EXPECT_TRUE(contains(m, "reply incomplete after 0.3 s")) << m;
}

TEST(HttpDeadline, AnsweringPlugsStillAnswer) {
  StallingPlug plug(2, Stall::Silent);
  const HttpClient client(plug.url() + "/");  // a prefix of "/" then the path
  EXPECT_EQ(client.get("rpc/Switch.GetStatus?id=0", 1000), "{\"id\":0,\"apower\":12.5}");
  EXPECT_EQ(HttpClient(plug.url()).get("", 1000), "{\"id\":0,\"apower\":12.5}");  // no path: GET /
}

TEST(SmartPlugStall, APlugThatNeverAnswersFailsTheStartOnceNotOncePerFlavour) {
  StallingPlug plug(0, Stall::Silent);
  std::string m;
  const double s = seconds_of([&] {
    try {
      SmartPlugSource source(plug.url(), 300);
      ADD_FAILURE() << "found " << source.describe();
    } catch (const PowerError& e) {
      m = e.what();
    }
  });
  EXPECT_LT(s, 0.3 + kLate);
  EXPECT_EQ(plug.requests(), 1);  // the defect's second flavour would be a second request
  EXPECT_TRUE(contains(m, "no Shelly or Tasmota power reading at " + plug.url() + " (Shelly Gen2/3: cannot read " +
                              plug.url() + "/rpc/Switch.GetStatus?id=0: no reply within 0.3 s"))
      << m;
}

// The plug answers the flavour probe and three samples, then trickles forever.
TEST(SmartPlugStall, TheSamplerRecordsAPlugThatStopsMidRunAndStopsWithinOneDeadline) {
  StallingPlug plug(4, Stall::Trickle);
  auto source = std::make_unique<SmartPlugSource>(plug.url(), 300);
  EXPECT_EQ(source->flavour(), "Shelly Gen2/3");
  Sampler sampler(std::move(source), TelemetryReader("/nonexistent"), 0.05);
  sampler.start();
  const auto give_up = std::chrono::steady_clock::now() + std::chrono::seconds(5);
  while (!sampler.stalled() && std::chrono::steady_clock::now() < give_up)
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  ASSERT_TRUE(sampler.stalled());
  std::this_thread::sleep_for(std::chrono::milliseconds(400));  // another failed reading or so
  const double stopping = seconds_of([&] { sampler.stop(); });
  EXPECT_LT(stopping, 0.3 + kLate);  // the read in progress ends by its deadline

  const auto samples = sampler.samples();
  ASSERT_GE(samples.size(), 4u);
  for (std::size_t i = 0; i < 3; ++i) EXPECT_TRUE(samples[i].ok) << "sample " << i;
  for (std::size_t i = 3; i < samples.size(); ++i) EXPECT_FALSE(samples[i].ok) << "sample " << i;
  EXPECT_GE(sampler.errors(), 2);
  EXPECT_EQ(sampler.errors(), int(samples.size()) - 3);
  EXPECT_TRUE(contains(sampler.first_error(), "reply incomplete after 0.3 s")) << sampler.first_error();
  EXPECT_TRUE(contains(sampler.first_error(), "vanished mid-run, after 3 good readings")) << sampler.first_error();
}

}  // namespace
}  // namespace bramble::power
