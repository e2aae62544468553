#include "http/middleware.hpp"

#include "http/cookies.hpp"
#include "http/errors.hpp"

namespace aantafel::http {

using core::Error;
using core::ErrorCode;

bool IsUnsafeMethod(std::string_view method) {
  return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

Middleware Authenticate(core::accounts::AccountsService& accounts) {
  return [&accounts](RequestContext& ctx, const Next& next) {
    const HttpRequest& req = ctx.request;
    if (auto authorization = req.headers.Get("Authorization")) {
      auto token = BearerToken(*authorization);
      auto principal =
          token ? accounts.AuthenticateToken(*token)
                : core::Result<core::accounts::Principal>(Error::Of(ErrorCode::kUnauthenticated));
      // A wrong token is always an error: scripts must learn their token is bad.
      if (!principal) return ErrorResponse(principal.error(), ctx.language);
      ctx.principal = std::move(*principal);
    } else if (auto cookies = req.headers.Get("Cookie")) {
      if (auto value = FindCookie(*cookies, kSessionCookie)) {
        if (auto principal = accounts.AuthenticateSession(*value))
          ctx.principal = std::move(*principal);
      }
    }
    if (ctx.options.access != Access::kPublic && !ctx.principal) {
      return ErrorResponse(Error::Of(ErrorCode::kUnauthenticated), ctx.language);
    }
    return next(ctx);
  };
}

Middleware RequireCsrfToken(core::accounts::Crypto& crypto) {
  return [&crypto](RequestContext& ctx, const Next& next) {
    const bool by_cookie =
        ctx.principal && ctx.principal->via == core::accounts::Principal::Via::kSession;
    // Public routes (login) do not act with the caller's authority, so a stale cookie
    // must not block them; they only take JSON bodies, which forms cannot send cross-site.
    if (by_cookie && ctx.options.access != Access::kPublic && IsUnsafeMethod(ctx.request.method)) {
      auto sent = ctx.request.headers.Get(kCsrfHeader);
      if (!sent || !crypto.Equal(*sent, ctx.principal->csrf_token)) {
        return ErrorResponse(Error::Of(ErrorCode::kCsrfFailed), ctx.language);
      }
    }
    return next(ctx);
  };
}

namespace {

/// "scheme://host[:port]" of an absolute URL, lower-cased; empty when it is not one.
std::string OriginOf(std::string_view url) {
  const auto scheme_end = url.find("://");
  if (scheme_end == std::string_view::npos) return {};
  const auto host_end = url.find_first_of("/?#", scheme_end + 3);
  std::string out(url.substr(0, host_end));
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

/// The host[:port] part of an origin.
std::string_view HostOf(std::string_view origin) {
  const auto at = origin.find("://");
  return at == std::string_view::npos ? std::string_view() : origin.substr(at + 3);
}

}  // namespace

Middleware RequireSameOrigin(std::string public_url) {
  return [own = OriginOf(public_url)](RequestContext& ctx, const Next& next) {
    const bool by_cookie =
        ctx.principal && ctx.principal->via == core::accounts::Principal::Via::kSession;
    if (!by_cookie || ctx.options.access == Access::kPublic ||
        !IsUnsafeMethod(ctx.request.method)) {
      return next(ctx);
    }
    auto sent = ctx.request.headers.Get("Origin");
    if (!sent) sent = ctx.request.headers.Get("Referer");
    if (!sent) return next(ctx);
    const std::string origin = OriginOf(*sent);
    std::string host(ctx.request.headers.Get("Host").value_or(""));
    for (char& c : host) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    const bool same = !origin.empty() && ((!own.empty() && origin == own) ||
                                          (!host.empty() && HostOf(origin) == host));
    if (!same) return ErrorResponse(Error::Of(ErrorCode::kCsrfFailed), ctx.language);
    return next(ctx);
  };
}

Middleware OpenWorkspace(core::accounts::AccountsService& accounts) {
  return [&accounts](RequestContext& ctx, const Next& next) {
    if (ctx.options.access != Access::kWorkspace) return next(ctx);
    auto access = accounts.OpenWorkspace(*ctx.principal, ctx.params.Get("slug"));
    if (!access) return ErrorResponse(access.error(), ctx.language);
    if (IsUnsafeMethod(ctx.request.method) && !ctx.options.readers_may_post &&
        !core::accounts::CanWrite(access->role)) {
      return ErrorResponse(Error::Of(ErrorCode::kForbidden), ctx.language);
    }
    ctx.workspace = std::move(*access);
    return next(ctx);
  };
}

Middleware RecordChanges(core::audit::AuditService& audit) {
  return [&audit](RequestContext& ctx, const Next& next) {
    HttpResponse response = next(ctx);
    if (ctx.workspace && IsUnsafeMethod(ctx.request.method) && !ctx.options.readers_may_post &&
        response.status >= 200 && response.status < 300) {
      audit.Record(*ctx.workspace, ctx.request.method + " " + std::string(ctx.route),
                   ctx.request.path);
    }
    return response;
  };
}

}  // namespace aantafel::http
