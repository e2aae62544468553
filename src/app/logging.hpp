#pragma once

#include <string_view>

#include "http/access_log.hpp"

namespace aantafel::app {

/// Configures the process logger (stderr) with a level and text or JSON lines.
void SetupLogging(std::string_view level, bool json);
void LogInfo(std::string_view message);
void LogWarn(std::string_view message);
void LogError(std::string_view message);
/// One access-log line per request.
void LogAccess(const http::AccessLogEntry& entry);

}  // namespace aantafel::app
