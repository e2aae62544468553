#pragma once

#include "core/accounts/service.hpp"
#include "core/audit/audit.hpp"
#include "http/context.hpp"

namespace aantafel::http {

/// Name of the session cookie.
inline constexpr std::string_view kSessionCookie = "aantafel_session";
/// Header that carries the CSRF token on state-changing cookie requests.
inline constexpr std::string_view kCsrfHeader = "X-CSRF-Token";

/// True for methods that may change state (everything but GET, HEAD and OPTIONS).
bool IsUnsafeMethod(std::string_view method);

/// Finds the principal from `Authorization: Bearer` or the session cookie; refuses (401)
/// routes that need one when there is none.
Middleware Authenticate(core::accounts::AccountsService& accounts);

/// Refuses (403) state-changing requests authenticated by cookie without the session's
/// CSRF token in X-CSRF-Token. Bearer-token requests carry no ambient credentials; public
/// routes act without the caller's authority.
Middleware RequireCsrfToken(core::accounts::Crypto& crypto);
/// Writes made with the session cookie must come from aantafel's own pages: their Origin (or,
/// without one, Referer) must be `public_url`'s origin or the request's own Host. Without either
/// header the CSRF token alone decides (clients that are not browsers).
Middleware RequireSameOrigin(std::string public_url);

/// Opens the workspace named by {slug} for Access::kWorkspace routes: 404 for non-members
/// (so they never learn it exists), 403 for viewers on state-changing methods.
Middleware OpenWorkspace(core::accounts::AccountsService& accounts);
/// Records every successful change to a workspace's data in its audit log: who, when, the
/// operation and the resource's path (never the body). Changes to the caller's own view
/// (routes with readers_may_post) are not workspace data and are not recorded.
Middleware RecordChanges(core::audit::AuditService& audit);

}  // namespace aantafel::http
