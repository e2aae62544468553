#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

void RegisterSystemRoutes(Router& router, SystemDeps deps) {
  const RouteOptions open{.access = Access::kPublic};
  router.Add(
      "GET", "/healthz",
      [version = deps.version](RequestContext&) {
        return JsonResponse(200, {{"status", "ok"}, {"version", version}});
      },
      open);
  router.Add(
      "GET", "/readyz",
      [deps](RequestContext&) {
        const bool ready = deps.database_ready && deps.database_ready();
        return JsonResponse(ready ? 200 : 503,
                            {{"status", ready ? "ready" : "unavailable"},
                             {"database", {{"kind", deps.database_kind}, {"reachable", ready}}}});
      },
      open);
}

}  // namespace aantafel::http
