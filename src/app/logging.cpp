#include "app/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <nlohmann/json.hpp>

namespace aantafel::app {

namespace {

bool g_json = false;

std::string Message(std::string_view text) {
  if (!g_json) return std::string(text);
  // In JSON mode the pattern wraps "%v" in an object, so a message is one JSON member.
  return "\"message\":" + nlohmann::json(std::string(text))
                              .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace

void SetupLogging(std::string_view level, bool json) {
  g_json = json;
  auto logger = spdlog::stderr_logger_mt("aantafel");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
  if (json) {
    spdlog::set_pattern(R"({"time":"%Y-%m-%dT%H:%M:%S.%eZ","level":"%l",%v})",
                        spdlog::pattern_time_type::utc);
  } else {
    spdlog::set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %^%-5l%$ %v", spdlog::pattern_time_type::utc);
  }
  spdlog::flush_on(spdlog::level::warn);
}

void LogInfo(std::string_view message) { spdlog::info(Message(message)); }
void LogWarn(std::string_view message) { spdlog::warn(Message(message)); }
void LogError(std::string_view message) { spdlog::error(Message(message)); }

void LogAccess(const http::AccessLogEntry& entry) {
  std::string line = http::FormatAccessLine(entry, g_json);
  if (g_json) line = line.substr(1, line.size() - 2);  // the members, without braces
  spdlog::info(line);
}

}  // namespace aantafel::app
