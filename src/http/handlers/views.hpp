#pragma once

#include <nlohmann/json.hpp>

#include "core/accounts/model.hpp"
#include "core/link_mail/model.hpp"
#include "core/result.hpp"
#include "core/search/match.hpp"
#include "http/context.hpp"
#include "http/errors.hpp"
#include "http/json_body.hpp"
#include "interchange/exports.hpp"

namespace aantafel::http {

/// JSON shapes shared by handlers (one place per resource).
nlohmann::json UserView(const core::accounts::User& user);
nlohmann::json WorkspaceView(const core::accounts::Workspace& workspace, core::accounts::Role role);
nlohmann::json MemberView(const core::accounts::Member& member);
/// A token without its secret.
nlohmann::json TokenView(const core::accounts::ApiTokenInfo& token);

/// ISO 8601 in UTC with milliseconds, e.g. 2026-11-23T09:00:00.000Z.
std::string FormatTimestamp(core::Instant instant);
/// The same, or JSON null when there is no moment.
nlohmann::json TimestampOrNull(const std::optional<core::Instant>& instant);

/// A positive integer path parameter such as {user_id}; kNotFound when it is not one.
core::Result<std::int64_t> PositiveIdParam(const RequestContext& ctx, std::string_view name);

/// An optional positive id in the query string; a problem under `name` when it is not one.
std::optional<std::int64_t> QueryId(const HttpRequest& request, const std::string& name,
                                    core::FieldErrors& errors);

/// An optional integer in the query string; kInvalidType under `name` when it is not one (the
/// range is the use case's to check).
std::optional<int> QueryInt(const HttpRequest& request, const std::string& name,
                            core::FieldErrors& errors);

/// An optional integer in the query string within [min, max]; `fallback` when absent, and
/// `fallback` with kInvalidFormat under `name` when it is not one (limit and offset of a page).
std::int64_t QueryCount(const HttpRequest& request, const std::string& name, std::int64_t min,
                        std::int64_t max, std::int64_t fallback, core::FieldErrors& errors);

/// Matched words as [start, end) offsets in UTF-16 code units, for the browser to highlight.
nlohmann::json HighlightRanges(const std::string& text,
                               const std::vector<core::search::Span>& spans);

/// How links in the body are to be mailed: "language" ("nl", the default, or "en") and
/// "remind_after_days" (optional). A language not offered is a problem under "language".
core::Result<core::link_mail::MailRequest> ReadMailRequest(JsonObjectReader& body);

/// When a link was mailed and reminded, or null when it was not mailed.
nlohmann::json MailStatusView(const std::optional<core::link_mail::MailStatus>& status);

/// The `format` query parameter of an export: "csv" or "xlsx" (`fallback` when absent; without a
/// fallback it is required). A problem under "format" otherwise.
std::string ReadExportFormat(const HttpRequest& request, core::FieldErrors& errors,
                             std::string_view fallback = "csv");
/// The language of an export's headings and words: the request's language.
interchange::ExportLanguage ExportLanguageOf(const RequestContext& ctx);

/// `Content-Disposition` of a download (RFC 6266): always an attachment, with an ASCII fallback
/// name and the real one as UTF-8, percent-encoded.
std::string AttachmentDisposition(std::string_view file_name);

/// A table as a download: `format` "csv" (UTF-8 with BOM, ';') or anything else as XLSX;
/// the file is called `name`.`format`. Never cached (exports hold personal data).
HttpResponse FileResponse(const interchange::Table& table, const std::string& format,
                          const std::string& name);

/// A JSON response from a serialised value.
/// Text that came from outside (an e-mail's names) may hold broken UTF-8: it is replaced by
/// U+FFFD rather than failing the response.
inline HttpResponse JsonResponse(int status, const nlohmann::json& body) {
  return HttpResponse::Json(status,
                            body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

/// The error response in the caller's language.
inline HttpResponse Fail(const RequestContext& ctx, const core::Error& error) {
  return ErrorResponse(error, ctx.language);
}

}  // namespace aantafel::http
