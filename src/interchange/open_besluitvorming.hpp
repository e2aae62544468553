#pragma once
// Open Besluitvorming's public API (https://openbesluitvorming.nl, API.md in the repository
// ontola/openbesluitvorming): the status list (`/api/status`), the NDJSON export pages
// (`/api/export/snapshot`, `/api/export/changes`) and its error bodies `{code, error, …}`.
// Pure parsing; the HTTP calls are in app/council_feed.*. Every field is read leniently (the
// schemas allow extra fields and older records use older shapes) but checked: a line that is
// not a record is skipped with its line number, never half applied.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/council/model.hpp"

namespace aantafel::interchange {

/// The status list, or nullopt with `error` set when the body is not one.
std::optional<core::council::StatusList> ParseCouncilStatus(std::string_view body,
                                                            std::string& error);

struct ExportLines {
  std::vector<core::council::ExportRecord> records;
  std::vector<core::council::SkippedLine> skipped;
};

/// One page of the export: one JSON record per line (an empty body is an empty page).
ExportLines ParseExportLines(std::string_view ndjson);

/// The `code` of an error body (e.g. "invalid_export_cursor"); "" when there is none (older
/// deployments and proxies answer without one).
std::string FeedErrorCode(std::string_view body);

/// The most of a document's text that is kept (bytes, cut at a character).
inline constexpr std::size_t kMaxDocumentText = 64 * 1024;

/// A document's text from GET /api/entities/{id}: its `markdownText` made plain (headings,
/// emphasis, table bars and links' targets dropped, white space folded) and cut to
/// kMaxDocumentText. nullopt when the answer has no text (a document without one, or not a
/// document); `error` is set when the body is not an entity at all.
std::optional<std::string> ParseDocumentText(std::string_view body, std::string& error);

/// A time as the API writes it: RFC 3339 ("2025-01-14T18:30:00Z", with or without
/// milliseconds), "2024-11-07 20:00:00" (UTC), or a bare date. `time_known` is false for a bare
/// date and for exactly midnight UTC, which the API uses for "time unknown".
struct FeedTime {
  core::Instant at{};
  bool time_known = false;
};
std::optional<FeedTime> ParseFeedTime(std::string_view text);

}  // namespace aantafel::interchange
