#include "http/access_log.hpp"

#include <fmt/format.h>

#include <nlohmann/json.hpp>

namespace aantafel::http {

std::string FormatAccessLine(const AccessLogEntry& e, bool json) {
  const double ms = static_cast<double>(e.duration.count()) / 1000.0;
  if (json) {
    nlohmann::json line = {{"type", "access"},  {"request_id", e.request_id}, {"method", e.method},
                           {"path", e.path},    {"status", e.status},         {"bytes", e.bytes},
                           {"duration_ms", ms}, {"remote", e.remote_address}};
    // Replace invalid UTF-8 in logged paths instead of throwing.
    return line.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  }
  return fmt::format("{} {} {} {} {}B {:.3f}ms {}", e.request_id, e.method, e.path, e.status,
                     e.bytes, ms, e.remote_address);
}

}  // namespace aantafel::http
