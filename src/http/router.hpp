#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "core/error.hpp"
#include "http/context.hpp"

namespace aantafel::http {

/// One registered route: method + pattern such as /api/v1/workspaces/{slug}.
struct Route {
  std::string method;
  std::string pattern;
  Handler handler;
  RouteOptions options;
  std::vector<std::string> segments;  ///< pattern split on '/'; "{name}" marks a parameter
};

/// A route that matched, with the values of its parameters.
struct RouteMatch {
  const Route* route = nullptr;
  PathParams params;
};

/// Maps method + path to a route. HEAD matches GET routes. Unknown path → kNotFound;
/// known path with another method → kMethodNotAllowed with the Allow list.
class Router {
 public:
  /// Registers a route; throws std::invalid_argument on a duplicate or malformed pattern.
  void Add(std::string method, std::string pattern, Handler handler, RouteOptions options = {});
  [[nodiscard]] std::variant<RouteMatch, core::Error> Match(std::string_view method,
                                                            std::string_view path) const;
  [[nodiscard]] const std::vector<Route>& routes() const { return routes_; }

 private:
  std::vector<Route> routes_;
};

/// Makes router Handlers of handler functions that take their dependencies first, so that a
/// route table reads `router.Add("GET", path, bind(ListThings), options);` with
/// `const auto bind = HandlerBinder(service);` and `HttpResponse ListThings(Service&,
/// RequestContext&)`. A service passed as an lvalue is held by reference (it outlives the
/// router); a struct of dependencies passed as an rvalue, or a shared_ptr, is kept and shared by
/// the handlers.
template <typename Deps>
class HandlerBinder {
 public:
  explicit HandlerBinder(Deps& deps) : deps_(std::shared_ptr<Deps>(), &deps) {}  // not owned
  explicit HandlerBinder(Deps&& deps) : deps_(std::make_shared<Deps>(std::move(deps))) {}
  explicit HandlerBinder(std::shared_ptr<Deps> deps) : deps_(std::move(deps)) {}

  /// `handler(deps, ctx)` as a Handler.
  template <typename Function>
  Handler operator()(Function handler) const {
    return [deps = deps_, handler](RequestContext& ctx) -> HttpResponse {
      return handler(*deps, ctx);
    };
  }

 private:
  std::shared_ptr<Deps> deps_;
};

/// Splits a path into segments ("/a/b/" → {"a","b"}).
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace aantafel::http
