// Bekostiging: compare contract variants by simulation. The computation is pure (core/financing);
// saved scenarios and the web pages follow.
#include <nlohmann/json.hpp>
#include <thread>

#include "core/financing/scenario_json.hpp"
#include "http/handlers/handlers.hpp"
#include "http/handlers/views.hpp"
#include "http/json_body.hpp"

namespace aantafel::http {

namespace {

// Computing changes nothing the workspace shares, so viewers may ask too.
const RouteOptions kCompute{.access = Access::kWorkspace, .readers_may_post = true};
constexpr std::int64_t kMaxHttpRuns = 200'000;  // about a second of both cores

}  // namespace

void RegisterFinancingRoutes(Router& router) {
  router.Add(
      "POST", "/api/v1/workspaces/{slug}/financing/simulations",
      [](RequestContext& ctx) {
        // Content type, UTF-8, nesting depth and syntax are checked like every other body.
        if (auto checked = JsonObjectReader::Parse(ctx.request); !checked) {
          return Fail(ctx, checked.error());
        }
        auto request = core::financing::ParseScenarioObject(
            nlohmann::json::parse(ctx.request.body, nullptr, false));
        if (!request) return Fail(ctx, request.error());
        if (request->runs > kMaxHttpRuns) {
          return Fail(ctx, core::Error::Field("runs", core::FieldIssue::kTooLong,
                                              static_cast<int>(kMaxHttpRuns)));
        }
        const int threads =
            static_cast<int>(std::min(2U, std::max(1U, std::thread::hardware_concurrency())));
        auto summary = core::financing::Simulate(
            request->scenario, {.runs = request->runs, .seed = request->seed, .threads = threads});
        if (!summary) return Fail(ctx, summary.error());
        return JsonResponse(200, core::financing::SummaryJson(*summary));
      },
      kCompute);
}

}  // namespace aantafel::http
