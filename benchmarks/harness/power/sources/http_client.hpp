#pragma once
// One GET to a smart plug's local API, through libcurl: plain HTTP or HTTPS (the system's CA
// store), chunked replies, redirects, IPv6 literals, and the basic or digest (SHA-256 too)
// authentication a Shelly with a password asks for. libcurl does the protocol; this file
// only sets the rules bramble needs:
//
// - One deadline for all of a request (connect, send, every read): a plug on flaky Wi-Fi may
//   accept the connection and then say nothing, or trickle bytes, and the sampler thread
//   must still get its answer in time. The timeout says which of those happened.
// - One handle per plug, reused: its connection stays open between samples, and its DNS
//   cache keeps the first answer, so the resolver is asked once, before the kernels run.
// - Credentials come from the power config, never from the URL: the URL ends up in result
//   files and messages, the password must not.
#include <curl/curl.h>

#include <memory>
#include <string>

#include "power/sources/credentials.hpp"
#include "power/sources/power_source.hpp"

namespace bramble::power {

// The request got no complete reply in time (the other failures are plain PowerErrors).
struct HttpTimeout : PowerError {
  using PowerError::PowerError;
};

// The plug wants a password (401): none was given, or it refused the one given.
struct HttpAuthRefused : PowerError {
  using PowerError::PowerError;
};

class HttpClient {
 public:
  // base_url: http[s]://host[:port][/prefix]. PowerError naming the URL when it is not http
  // or https, or carries a user name or password (those belong in the power config).
  explicit HttpClient(const std::string& base_url, HttpCredentials credentials = {});

  // The body of a 200 reply to GET prefix + path, within `timeout_ms` all told. Throws
  // HttpTimeout, HttpAuthRefused or PowerError naming the URL (never the password). One
  // thread at a time.
  std::string get(const std::string& path, int timeout_ms = 2000) const;

  const std::string& base_url() const { return base_; }

 private:
  struct Cleanup {
    void operator()(CURL* c) const { curl_easy_cleanup(c); }
  };
  std::string base_;
  HttpCredentials credentials_;
  std::unique_ptr<CURL, Cleanup> curl_;  // reused: the plug's connection and DNS answer
};

}  // namespace bramble::power
