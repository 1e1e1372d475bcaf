#pragma once
// The smallest HTTP client a smart plug needs: one GET over plain HTTP/1.0 on the local
// network, with a timeout, returning the body of a 200 response. (Plugs speak plain HTTP
// on the LAN; pulling in a full HTTP library for this would be heavier than the job.)
#include <string>

namespace bramble::power {

// url: http://host[:port]/path. Throws PowerError naming the URL on any failure.
std::string http_get(const std::string& url, int timeout_ms = 2000);

}  // namespace bramble::power
