#include "http/handlers/views.hpp"

#include <algorithm>
#include <charconv>

#include "core/civil_date.hpp"
#include "core/validation.hpp"

namespace aantafel::http {

using namespace core::accounts;

nlohmann::json UserView(const User& user) {
  return {{"id", user.id},
          {"email", user.email},
          {"name", user.name},
          {"language", core::ToTag(user.language)}};
}

nlohmann::json WorkspaceView(const Workspace& workspace, Role role) {
  return {{"slug", workspace.slug},
          {"name", workspace.name},
          {"kind", ToString(workspace.kind)},
          {"role", ToString(role)}};
}

nlohmann::json MemberView(const Member& member) {
  return {{"user", UserView(member.user)}, {"role", ToString(member.role)}};
}

nlohmann::json TokenView(const ApiTokenInfo& token) {
  return {{"id", token.token.id},
          {"label", token.token.label},
          {"created_at", FormatTimestamp(token.token.created_at)},
          {"user", UserView(token.user)}};
}

std::string FormatTimestamp(core::Instant instant) { return core::FormatTimestamp(instant); }

core::Result<std::int64_t> PositiveIdParam(const RequestContext& ctx, std::string_view name) {
  const std::string_view text = ctx.params.Get(name);
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (ec != std::errc{} || end != text.data() + text.size() || id <= 0) {
    return core::Error::Of(core::ErrorCode::kNotFound);
  }
  return id;
}

core::Result<core::link_mail::MailRequest> ReadMailRequest(JsonObjectReader& body) {
  core::link_mail::MailRequest request;
  if (auto language = body.String("language", false, 16)) {
    auto parsed = core::ParseLanguageTag(*language);
    if (!parsed) return core::Error::Field("language", core::FieldIssue::kInvalidChoice);
    request.language = *parsed;
  }
  if (auto days = body.Integer("remind_after_days", false)) {
    request.remind_after_days = static_cast<int>(std::clamp<std::int64_t>(*days, -1, 100000));
  }
  return request;
}

nlohmann::json TimestampOrNull(const std::optional<core::Instant>& instant) {
  return instant ? nlohmann::json(FormatTimestamp(*instant)) : nlohmann::json(nullptr);
}

nlohmann::json MailStatusView(const std::optional<core::link_mail::MailStatus>& status) {
  if (!status) return nullptr;
  return {{"sent_at", FormatTimestamp(status->sent_at)},
          {"remind_at", TimestampOrNull(status->remind_at)},
          {"reminded_at", TimestampOrNull(status->reminded_at)}};
}

std::optional<std::int64_t> QueryId(const HttpRequest& request, const std::string& name,
                                    core::FieldErrors& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t id = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), id);
  if (ec != std::errc{} || end != text->data() + text->size() || id <= 0) {
    errors.Add(name, core::FieldIssue::kInvalidFormat);
    return std::nullopt;
  }
  return id;
}

std::int64_t QueryCount(const HttpRequest& request, const std::string& name, std::int64_t min,
                        std::int64_t max, std::int64_t fallback, core::FieldErrors& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return fallback;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size() || value < min || value > max) {
    errors.Add(name, core::FieldIssue::kInvalidFormat);
    return fallback;
  }
  return value;
}

std::optional<int> QueryInt(const HttpRequest& request, const std::string& name,
                            core::FieldErrors& errors) {
  auto text = request.Query(name);
  if (!text || text->empty()) return std::nullopt;
  int value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc{} || end != text->data() + text->size()) {
    errors.Add(name, core::FieldIssue::kInvalidType);
    return std::nullopt;
  }
  return value;
}

nlohmann::json HighlightRanges(const std::string& text,
                               const std::vector<core::search::Span>& spans) {
  nlohmann::json out = nlohmann::json::array();
  for (const auto& s : spans) {
    out.push_back(
        {core::search::Utf16Offset(text, s.begin), core::search::Utf16Offset(text, s.end)});
  }
  return out;
}

std::string ReadExportFormat(const HttpRequest& request, core::FieldErrors& errors,
                             std::string_view fallback) {
  std::string format(request.Query("format").value_or(fallback));
  if (format == "csv" || format == "xlsx") return format;
  errors.Add("format",
             format.empty() ? core::FieldIssue::kRequired : core::FieldIssue::kInvalidChoice);
  return std::string(fallback);
}

interchange::ExportLanguage ExportLanguageOf(const RequestContext& ctx) {
  return ctx.language == Language::kEnglish ? interchange::ExportLanguage::kEnglish
                                            : interchange::ExportLanguage::kDutch;
}

std::string AttachmentDisposition(std::string_view file_name) {
  std::string ascii;
  for (const char c : file_name) {
    const auto byte = static_cast<unsigned char>(c);
    if ((byte & 0xC0) == 0x80) continue;  // a UTF-8 continuation byte: one _ per character
    ascii.push_back(byte < 0x20 || byte >= 0x7f || c == '"' || c == '\\' ? '_' : c);
  }
  return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + core::UrlEscape(file_name);
}

HttpResponse FileResponse(const interchange::Table& table, const std::string& format,
                          const std::string& name) {
  HttpResponse response;
  if (format == "csv") {
    response.body = interchange::TableCsv(table);
    response.headers.Set("Content-Type", "text/csv; charset=utf-8");
  } else {
    response.body = interchange::TableXlsx(table);
    response.headers.Set("Content-Type",
                         "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
  }
  response.headers.Set("Content-Disposition", AttachmentDisposition(name + "." + format));
  response.headers.Set("Cache-Control", "no-store");
  return response;
}

}  // namespace aantafel::http
