#include "http/router.hpp"

#include <stdexcept>

namespace aantafel::http {

std::vector<std::string_view> SplitPath(std::string_view path) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (start < path.size()) {
    if (path[start] == '/') {
      ++start;
      continue;
    }
    const auto slash = path.find('/', start);
    const auto end = slash == std::string_view::npos ? path.size() : slash;
    out.push_back(path.substr(start, end - start));
    start = end;
  }
  return out;
}

namespace {

bool IsParameter(std::string_view segment) {
  return segment.size() > 2 && segment.front() == '{' && segment.back() == '}';
}

bool Matches(const Route& route, const std::vector<std::string_view>& parts, PathParams* params) {
  if (route.segments.size() != parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const std::string& segment = route.segments[i];
    if (IsParameter(segment)) {
      if (parts[i].empty()) return false;
      if (params != nullptr)
        params->Add(segment.substr(1, segment.size() - 2), std::string(parts[i]));
    } else if (segment != parts[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace

void Router::Add(std::string method, std::string pattern, Handler handler, RouteOptions options) {
  if (pattern.empty() || pattern.front() != '/') {
    throw std::invalid_argument("route pattern must start with '/': " + pattern);
  }
  Route route{.method = std::move(method),
              .pattern = std::move(pattern),
              .handler = std::move(handler),
              .options = options,
              .segments = {}};
  for (std::string_view part : SplitPath(route.pattern)) route.segments.emplace_back(part);
  // Two patterns that differ only in parameter names would match the same paths.
  auto shape = [](const std::vector<std::string>& segments) {
    std::vector<std::string> out;
    for (const auto& s : segments) out.push_back(IsParameter(s) ? "{}" : s);
    return out;
  };
  for (const Route& existing : routes_) {
    if (existing.method == route.method && shape(existing.segments) == shape(route.segments)) {
      throw std::invalid_argument("duplicate route: " + route.method + " " + route.pattern);
    }
  }
  routes_.push_back(std::move(route));
}

std::variant<RouteMatch, core::Error> Router::Match(std::string_view method,
                                                    std::string_view path) const {
  const auto parts = SplitPath(path);
  const std::string_view wanted = method == "HEAD" ? std::string_view("GET") : method;
  std::string allow;
  for (const Route& route : routes_) {
    if (!Matches(route, parts, nullptr)) continue;
    if (route.method == wanted) {
      RouteMatch match{.route = &route, .params = {}};
      Matches(route, parts, &match.params);
      return match;
    }
    if (!allow.empty()) allow += ", ";
    allow += route.method;
    if (route.method == "GET") allow += ", HEAD";
  }
  if (allow.empty()) return core::Error::Of(core::ErrorCode::kNotFound);
  core::Error error = core::Error::Of(core::ErrorCode::kMethodNotAllowed);
  error.allow = std::move(allow);
  return error;
}

}  // namespace aantafel::http
