#include "power/sources/http_client.hpp"

#include <cstdio>
#include <string>
#include <string_view>

namespace bramble::power {
namespace {

constexpr std::size_t kMaxReply = 1 << 20;  // a plug's status is a few kB; more is not a plug

std::string seconds(int ms) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f s", ms / 1000.0);
  return buf;
}

// What one request received: the body, and every byte (headers too) to say how far a
// reply got before its deadline.
struct Received {
  std::string body;
  std::size_t bytes = 0;
  bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Received*>(user);
  r->bytes += size * count;
  if (r->body.size() + size * count > kMaxReply) {
    r->too_large = true;
    return 0;  // libcurl ends the transfer with CURLE_WRITE_ERROR
  }
  r->body.append(data, size * count);
  return size * count;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
  auto* r = static_cast<Received*>(user);
  r->bytes += size * count;
  // A new status line: the body before it (a 401's, a redirect's) is not the answer.
  if (std::string_view(data, size * count).starts_with("HTTP/")) r->body.clear();
  return size * count;
}

}  // namespace

HttpClient::HttpClient(const std::string& base_url, HttpCredentials credentials)
    : base_(base_url), credentials_(std::move(credentials)), curl_(curl_easy_init()) {
  auto refuse = [&](const std::string& why) { return PowerError("cannot read " + base_ + ": " + why); };
  if (!curl_) throw refuse("libcurl could not start");
  // libcurl's own URL parser, so that what is checked here is what it will request.
  std::unique_ptr<CURLU, decltype(&curl_url_cleanup)> url(curl_url(), curl_url_cleanup);
  if (curl_url_set(url.get(), CURLUPART_URL, base_.c_str(), 0) != CURLUE_OK)
    throw refuse("not a URL (expected http://host[:port] or https://...)");
  char* scheme = nullptr;
  curl_url_get(url.get(), CURLUPART_SCHEME, &scheme, 0);
  const std::string s = scheme ? scheme : "";
  curl_free(scheme);
  if (s != "http" && s != "https") throw refuse("only http:// and https:// URLs are supported");
  for (const CURLUPart part : {CURLUPART_USER, CURLUPART_PASSWORD}) {
    char* value = nullptr;
    if (curl_url_get(url.get(), part, &value, 0) == CURLUE_OK) {
      curl_free(value);
      // Not base_ in the message: it holds the password.
      throw PowerError(
          "a smart plug's user name and password go in the power config (user = ..., password = ...), not in "
          "its URL, which is stored in the result file");
    }
  }
}

std::string HttpClient::get(const std::string& path, int timeout_ms) const {
  const std::string url = base_ + (path.empty() || path[0] == '/' || base_.ends_with('/') ? "" : "/") + path;
  const std::string shown = base_ + path;  // as the caller named it
  CURL* c = curl_.get();
  Received got;
  char error[CURL_ERROR_SIZE] = "";
  curl_easy_reset(c);  // keeps the open connection and the DNS cache
  curl_easy_setopt(c, CURLOPT_URL, url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
  curl_easy_setopt(c, CURLOPT_MAXREDIRS, 3L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, long(timeout_ms));  // everything, resolving included
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);                  // the sampler is a thread
  curl_easy_setopt(c, CURLOPT_DNS_CACHE_TIMEOUT, -1L);        // resolve once per plug
  curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
  curl_easy_setopt(c, CURLOPT_WRITEDATA, &got);
  curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
  curl_easy_setopt(c, CURLOPT_HEADERDATA, &got);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  if (!credentials_.empty()) {
    // Basic for a Shelly Gen1, digest (SHA-256) for Gen2 and Gen3: the plug's challenge says.
    curl_easy_setopt(c, CURLOPT_HTTPAUTH, long(CURLAUTH_BASIC | CURLAUTH_DIGEST));
    curl_easy_setopt(c, CURLOPT_USERNAME, credentials_.user.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, credentials_.password.c_str());
  }
  const CURLcode rc = curl_easy_perform(c);
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, nullptr);  // `error` ends with this call

  auto fail = [&](const std::string& why) { return PowerError("cannot read " + shown + ": " + why); };
  if (rc == CURLE_OPERATION_TIMEDOUT) {
    // Microseconds from the start to the connection and to the reply's first byte; 0 when
    // the request never got that far.
    curl_off_t connected = 0, first_byte = 0;
    curl_easy_getinfo(c, CURLINFO_CONNECT_TIME_T, &connected);
    curl_easy_getinfo(c, CURLINFO_STARTTRANSFER_TIME_T, &first_byte);
    const std::string late = "cannot read " + shown + ": ";
    if (connected == 0) throw HttpTimeout(late + "no connection within " + seconds(timeout_ms));
    if (first_byte == 0 && got.bytes == 0)
      throw HttpTimeout(late + "no reply within " + seconds(timeout_ms) + " (connected, but it does not answer)");
    throw HttpTimeout(late + "reply incomplete after " + seconds(timeout_ms) + " (" + std::to_string(got.bytes) +
                      " bytes of it complete)");
  }
  if (got.too_large) throw fail("reply too large (more than 1 MiB)");
  if (rc != CURLE_OK) throw fail(*error ? error : curl_easy_strerror(rc));
  long status = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &status);
  if (status == 401) {
    const std::string refused = "cannot read " + shown + ": HTTP status 401: ";
    if (credentials_.empty())
      throw HttpAuthRefused(refused + "the plug asks for a password; give user and password in this node's section of "
                                      "--power-config");
    throw HttpAuthRefused(refused + "the plug refused the user name and password in --power-config");
  }
  if (status != 200) throw fail("HTTP status " + std::to_string(status));
  return std::move(got.body);
}

}  // namespace bramble::power
