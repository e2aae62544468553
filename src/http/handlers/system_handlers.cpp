#include <nlohmann/json.hpp>

#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"

namespace aantafel::http {

namespace {

HttpResponse GetHealth(const SystemDeps& deps, RequestContext&) {
  return JsonResponse(200, {{"status", "ok"}, {"version", deps.version}});
}

HttpResponse GetReadiness(const SystemDeps& deps, RequestContext&) {
  const bool ready = deps.database_ready && deps.database_ready();
  return JsonResponse(ready ? 200 : 503,
                      {{"status", ready ? "ready" : "unavailable"},
                       {"database", {{"kind", deps.database_kind}, {"reachable", ready}}}});
}

}  // namespace

void RegisterSystemRoutes(Router& router, SystemDeps deps) {
  const RouteOptions open{.access = Access::kPublic};
  const auto bind = HandlerBinder(std::move(deps));
  router.Add("GET", "/healthz", bind(GetHealth), open);
  router.Add("GET", "/readyz", bind(GetReadiness), open);
}

}  // namespace aantafel::http
