#include "http/app.hpp"

#include <iostream>

#include "http/compression.hpp"
#include "http/errors.hpp"
#include "http/handlers/handlers.hpp"
#include "http/middleware.hpp"
#include "http/security_headers.hpp"
#include "storage/database.hpp"

namespace aantafel::http {

using core::Error;
using core::ErrorCode;

App::App(AppServices services, AppSettings settings, FailureLogger log_failure)
    : services_(std::move(services)),
      settings_(std::move(settings)),
      log_failure_(std::move(log_failure)),
      static_files_(settings_.static_dir) {
  if (!log_failure_) {
    log_failure_ = [](const HttpRequest& r, const std::string& what) {
      std::cerr << "request " << r.request_id << " failed: " << what << '\n';
    };
  }
  chain_ = {Authenticate(services_.accounts), RequireSameOrigin(settings_.public_url),
            RequireCsrfToken(services_.crypto), OpenWorkspace(services_.accounts),
            RecordChanges(services_.audit)};
  RegisterSystemRoutes(router_, SystemDeps{.database_ready = services_.database_ready,
                                           .database_kind = settings_.database_kind,
                                           .version = settings_.version});
  if (!settings_.log_security) {
    settings_.log_security = [](const std::string& line) { std::cerr << line << '\n'; };
  }
  RegisterSessionRoutes(router_, SessionDeps{.accounts = services_.accounts,
                                             .invitations = services_.invitations,
                                             .password_resets = services_.password_resets,
                                             .crypto = services_.crypto,
                                             .log_security = settings_.log_security,
                                             .public_url = settings_.public_url,
                                             .mail_enabled = settings_.mail_enabled,
                                             .secure_cookies = settings_.secure_cookies,
                                             .session_ttl = settings_.session_ttl});
  RegisterWorkspaceRoutes(router_, services_.accounts, services_.invitations);
  RegisterSsoRoutes(router_, SsoDeps{.sso = services_.sso,
                                     .log_security = settings_.log_security,
                                     .button_label = settings_.sso_button_label,
                                     .secure_cookies = settings_.secure_cookies,
                                     .session_ttl = settings_.session_ttl});
  RegisterTokenRoutes(router_, services_.accounts);
  RegisterAuditRoutes(router_, services_.audit);
  RegisterWhoIsWhoRoutes(router_, services_.whoiswho);
  RegisterMapRoutes(router_, services_.social_map);
  RegisterAdvisorRoutes(router_, services_.advisor);
  RegisterCalendarRoutes(router_, services_.calendar, settings_.public_url);
  RegisterRelationsRoutes(router_, services_.relations);
  RegisterFinancingRoutes(router_, services_.scenarios, services_.simulations);
  RegisterScanRoutes(router_, services_.scans, services_.relations, settings_.public_url);
  RegisterSocialMapRoutes(router_, services_.social_map, settings_.public_url);
  RegisterCouncilRoutes(router_, services_.council, services_.council_people,
                        services_.council_webhooks);
  RegisterDocumentRoutes(router_, services_.documents);
  RegisterMailIntakeRoutes(router_, services_.mail_intake);
  RegisterOverviewRoutes(router_, {.overview = services_.overview,
                                   .relations = services_.relations,
                                   .feedback = services_.feedback,
                                   .calendar = services_.calendar});
  RegisterSearchRoutes(router_, services_.search);
  RegisterMunicipalityRoutes(router_, {.whoiswho = services_.whoiswho,
                                       .relations = services_.relations,
                                       .calendar = services_.calendar,
                                       .feedback = services_.feedback,
                                       .social_map = services_.social_map,
                                       .scans = services_.scans,
                                       .scenarios = services_.scenarios});
  RegisterFeedbackRoutes(router_, services_.feedback, services_.streams, settings_.public_url);
}

HttpResponse App::RunChain(RequestContext& ctx, const Handler& handler) {
  // Builds next(i) lazily: middleware i gets a callable that runs i+1 … and finally the handler.
  std::function<HttpResponse(std::size_t, RequestContext&)> step =
      [&](std::size_t i, RequestContext& c) -> HttpResponse {
    if (i == chain_.size()) return handler(c);
    return chain_[i](c, [&, i](RequestContext& inner) { return step(i + 1, inner); });
  };
  return step(0, ctx);
}

HttpResponse App::Route(const HttpRequest& request, Language language) {
  auto matched = router_.Match(request.method, request.path);
  if (auto* error = std::get_if<Error>(&matched)) {
    const bool api = request.path.starts_with("/api/") || request.path == "/api";
    if (error->code == ErrorCode::kNotFound && !api &&
        (request.method == "GET" || request.method == "HEAD")) {
      HttpResponse response = static_files_.Serve(request);
      if (response.status == 404) return ErrorResponse(*error, language);
      return response;
    }
    return ErrorResponse(*error, language);
  }
  auto& match = std::get<RouteMatch>(matched);
  RequestContext ctx{.request = request,
                     .params = std::move(match.params),
                     .language = language,
                     .options = match.route->options,
                     .principal = std::nullopt,
                     .workspace = std::nullopt,
                     .route = match.route->pattern};
  return RunChain(ctx, match.route->handler);
}

HttpResponse App::Handle(const HttpRequest& request) {
  const Language language = NegotiateLanguage(request.headers.Get("Accept-Language").value_or(""));
  HttpResponse response;
  try {
    response = Route(request, language);
  } catch (const storage::StorageError& e) {
    log_failure_(request, e.what());
    response = ErrorResponse(
        Error::Of(e.kind() == storage::StorageError::Kind::kUnavailable ? ErrorCode::kUnavailable
                                                                        : ErrorCode::kInternal),
        language);
  } catch (const std::exception& e) {
    log_failure_(request, e.what());
    response = ErrorResponse(Error::Of(ErrorCode::kInternal), language);
  }
  CompressPublicResponse(request, response);
  ApplySecurityHeaders(response, settings_.public_url.starts_with("https://"));
  return response;
}

bool App::IsFileUpload(std::string_view method, std::string_view target) const {
  if (method != "POST" && method != "PUT") return false;  // the cheap answer for most requests
  auto matched = router_.Match(method, target.substr(0, target.find('?')));
  const auto* match = std::get_if<RouteMatch>(&matched);
  return match != nullptr && match->route->options.file_upload;
}

HttpResponse App::Reject(const Error& error, const HttpRequest& request) const {
  HttpResponse response =
      ErrorResponse(error, NegotiateLanguage(request.headers.Get("Accept-Language").value_or("")));
  ApplySecurityHeaders(response, settings_.public_url.starts_with("https://"));
  return response;
}

}  // namespace aantafel::http
