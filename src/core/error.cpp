#include "core/error.hpp"

namespace aantafel::core {

std::string_view ToString(ErrorCode code) {
  switch (code) {
    case ErrorCode::kInvalidInput: return "invalid_input";
    case ErrorCode::kMalformedRequest: return "malformed_request";
    case ErrorCode::kUnauthenticated: return "unauthenticated";
    case ErrorCode::kInvalidCredentials: return "invalid_credentials";
    case ErrorCode::kForbidden: return "forbidden";
    case ErrorCode::kCsrfFailed: return "csrf_failed";
    case ErrorCode::kNotFound: return "not_found";
    case ErrorCode::kMethodNotAllowed: return "method_not_allowed";
    case ErrorCode::kConflict: return "conflict";
    case ErrorCode::kLastOwner: return "last_owner";
    case ErrorCode::kPayloadTooLarge: return "payload_too_large";
    case ErrorCode::kHeadersTooLarge: return "headers_too_large";
    case ErrorCode::kUnsupportedMediaType: return "unsupported_media_type";
    case ErrorCode::kRateLimited: return "rate_limited";
    case ErrorCode::kUnavailable: return "unavailable";
    case ErrorCode::kInternal: return "internal";
    case ErrorCode::kImportRejected: return "import_rejected";
    case ErrorCode::kLinkExpired: return "link_expired";
    case ErrorCode::kSsoRefused: return "sso_refused";
    case ErrorCode::kSsoRequired: return "sso_required";
  }
  return "internal";
}

std::string_view ToString(FieldIssue issue) {
  switch (issue) {
    case FieldIssue::kRequired: return "required";
    case FieldIssue::kInvalidType: return "invalid_type";
    case FieldIssue::kTooShort: return "too_short";
    case FieldIssue::kTooLong: return "too_long";
    case FieldIssue::kInvalidFormat: return "invalid_format";
    case FieldIssue::kInvalidUtf8: return "invalid_utf8";
    case FieldIssue::kUnknownField: return "unknown_field";
    case FieldIssue::kInvalidChoice: return "invalid_choice";
    case FieldIssue::kTaken: return "taken";
    case FieldIssue::kNoSuchUser: return "no_such_user";
    case FieldIssue::kDuplicate: return "duplicate";
    case FieldIssue::kUnknownValue: return "unknown_value";
    case FieldIssue::kMissingColumn: return "missing_column";
    case FieldIssue::kUnreadable: return "unreadable";
    case FieldIssue::kNoRows: return "no_rows";
    case FieldIssue::kIncomplete: return "incomplete";
    case FieldIssue::kOutsideNetherlands: return "outside_netherlands";
    case FieldIssue::kNotNullable: return "not_nullable";
    case FieldIssue::kAlreadyMember: return "already_member";
    case FieldIssue::kWrongPassword: return "wrong_password";
    case FieldIssue::kTooSmall: return "too_small";
    case FieldIssue::kTooLarge: return "too_large";
    case FieldIssue::kEndsBeforeStart: return "ends_before_start";
    case FieldIssue::kPeriodTooLong: return "period_too_long";
    case FieldIssue::kTooMany: return "too_many";
    case FieldIssue::kInvalidUrl: return "invalid_url";
    case FieldIssue::kFileTooLarge: return "file_too_large";
    case FieldIssue::kFileTypeNotAccepted: return "file_type_not_accepted";
    case FieldIssue::kFileContentMismatch: return "file_content_mismatch";
    case FieldIssue::kNotAnEmail: return "not_an_email";
  }
  return "invalid_format";
}

}  // namespace aantafel::core
