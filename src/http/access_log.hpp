#pragma once

#include <chrono>
#include <cstddef>
#include <string>

namespace aantafel::http {

/// What the server knows about one finished request.
struct AccessLogEntry {
  std::string request_id;
  std::string method;
  std::string path;  ///< without the query string (it may hold personal data)
  std::string remote_address;
  int status = 0;
  std::size_t bytes = 0;
  std::chrono::microseconds duration{0};
};

/// One line: `id method path status bytes duration_ms remote` or a JSON object.
std::string FormatAccessLine(const AccessLogEntry& entry, bool json);

}  // namespace aantafel::http
