#pragma once

#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/accounts/model.hpp"
#include "http/language.hpp"
#include "http/types.hpp"

namespace aantafel::http {

/// Values taken from the path by the router, e.g. {slug}.
class PathParams {
 public:
  void Add(std::string name, std::string value) {
    items_.emplace_back(std::move(name), std::move(value));
  }
  /// The value of `{name}`; empty when the route has no such parameter.
  [[nodiscard]] std::string_view Get(std::string_view name) const {
    for (const auto& [k, v] : items_) {
      if (k == name) return v;
    }
    return {};
  }

 private:
  std::vector<std::pair<std::string, std::string>> items_;
};

/// Who may call a route.
enum class Access {
  kPublic,         ///< anyone (rate-limited where it matters)
  kAuthenticated,  ///< a session cookie or API token
  kWorkspace,      ///< a member of the workspace named by {slug}; viewers only read
};

/// Per-route settings that the middleware reads.
struct RouteOptions {
  Access access = Access::kAuthenticated;
  /// A POST/DELETE that changes nothing the workspace shares (computing advice, the caller's own
  /// calendar feed): viewers may use it too.
  bool readers_may_post = false;
  /// A file upload: its body may be as large as the document limit and take longer to arrive
  /// (the server asks App::IsFileUpload before reading a body).
  bool file_upload = false;
};

/// Everything a handler gets: the request, path parameters, language and who is calling.
struct RequestContext {
  const HttpRequest& request;
  PathParams params;
  Language language = Language::kDutch;
  RouteOptions options;
  std::optional<core::accounts::Principal> principal;        ///< set by the auth middleware
  std::optional<core::accounts::WorkspaceAccess> workspace;  ///< set for Access::kWorkspace
  std::string_view route;  ///< the matched pattern, e.g. "/api/v1/workspaces/{slug}/people"
};

using Handler = std::function<HttpResponse(RequestContext&)>;
using Next = std::function<HttpResponse(RequestContext&)>;
/// A step around the handler: may answer itself or call `next`.
using Middleware = std::function<HttpResponse(RequestContext&, const Next& next)>;

}  // namespace aantafel::http
