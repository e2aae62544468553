#pragma once

#include <concepts>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <type_traits>
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
/// `HttpResponse ListThings(Service&, RequestContext&)`. What the handlers use is said at the
/// call site, in one of two ways, so nothing is held by reference by accident:
/// - `HandlerBinder(std::ref(service))`: borrows a service that outlives the router;
/// - `HandlerBinder(ThingDeps{...})` (or `std::move(deps)`, or a shared_ptr): keeps a small struct
///   of dependencies, shared by the handlers. A named struct passed without std::move or
///   std::ref does not compile.
template <typename Deps>
class HandlerBinder {
 public:
  template <typename Borrowed>
  requires std::same_as<Borrowed, std::reference_wrapper<Deps>>
  explicit HandlerBinder(Borrowed borrowed) : deps_(std::shared_ptr<Deps>(), &borrowed.get()) {}
  explicit HandlerBinder(Deps&& kept) : deps_(std::make_shared<Deps>(std::move(kept))) {}
  explicit HandlerBinder(std::shared_ptr<Deps> kept) : deps_(std::move(kept)) {}

  /// `handler(deps, ctx)` as a Handler.
  template <typename Function>
  Handler operator()(Function handler) const {
    return [deps = deps_, handler](RequestContext& ctx) -> HttpResponse {
      return handler(*deps, ctx);
    };
  }

 private:
  std::shared_ptr<Deps> deps_;  ///< owning, or (borrowed) an empty owner aliasing the service
};

template <typename Deps>
HandlerBinder(std::reference_wrapper<Deps>) -> HandlerBinder<Deps>;
template <typename Deps>
HandlerBinder(std::shared_ptr<Deps>) -> HandlerBinder<Deps>;
template <typename Deps>
HandlerBinder(Deps&&) -> HandlerBinder<std::remove_cvref_t<Deps>>;

/// Splits a path into segments ("/a/b/" → {"a","b"}).
std::vector<std::string_view> SplitPath(std::string_view path);

}  // namespace aantafel::http
