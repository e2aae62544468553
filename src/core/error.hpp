#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace aantafel::core {

/// What went wrong, in domain terms. The HTTP layer maps each code to a status in one table.
enum class ErrorCode {
  kInvalidInput,          ///< one or more fields are invalid (see Error::fields)
  kMalformedRequest,      ///< the request could not be read at all (bad JSON, bad query)
  kUnauthenticated,       ///< no valid session or token
  kInvalidCredentials,    ///< wrong email or password
  kForbidden,             ///< authenticated, but the role does not allow this
  kCsrfFailed,            ///< state-changing cookie request without a valid CSRF token
  kNotFound,              ///< does not exist, or is not visible to the caller
  kMethodNotAllowed,      ///< path exists, method does not
  kConflict,              ///< unique value already taken
  kLastOwner,             ///< the change would leave a workspace without an owner
  kPayloadTooLarge,       ///< body over the configured limit
  kHeadersTooLarge,       ///< request headers over the limit
  kUnsupportedMediaType,  ///< body is not application/json
  kRateLimited,           ///< too many attempts; see Error::retry_after_seconds
  kUnavailable,           ///< a dependency (the database) is not reachable
  kInternal,              ///< a bug; never expected
  kImportRejected,        ///< a file or some of its rows were rejected; nothing was written
  kLinkExpired,
  kSsoRefused,   ///< single sign-on did not succeed (Error::detail says why)
  kSsoRequired,  ///< the workspace opens only after single sign-on           ///< an invitation or
                 ///< reset link that expired, was used or never existed
};

/// Why one field is invalid; the HTTP layer turns it into a Dutch or English sentence.
enum class FieldIssue {
  kRequired,
  kInvalidType,
  kTooShort,
  kTooLong,
  kInvalidFormat,
  kInvalidUtf8,
  kUnknownField,
  kInvalidChoice,
  kTaken,
  kNoSuchUser,
  kDuplicate,            ///< the same key occurs twice in one file or list
  kUnknownValue,         ///< refers to something we do not know (e.g. a municipality)
  kMissingColumn,        ///< a required column is missing from a file
  kUnreadable,           ///< the file cannot be read as the expected format
  kNoRows,               ///< the file holds a header but nothing to import
  kIncomplete,           ///< the file is one page of a longer answer (a next link)
  kOutsideNetherlands,   ///< coordinates that do not lie in the Netherlands (WGS84 or RD New)
  kNotNullable,          ///< null for a field that cannot be cleared
  kAlreadyMember,        ///< the person is already a member of the workspace
  kWrongPassword,        ///< the current password given to confirm a change is not correct
  kTooSmall,             ///< a number below its minimum (the limit)
  kTooLarge,             ///< a number above its maximum (the limit)
  kEndsBeforeStart,      ///< the end of a period is not after its start
  kPeriodTooLong,        ///< a period longer than the limit (in days)
  kTooMany,              ///< a list longer than the limit
  kInvalidUrl,           ///< not an https:// address with a host (and no user name or password)
  kFileTooLarge,         ///< a file over the size limit (the limit in MB)
  kFileTypeNotAccepted,  ///< a file name whose extension is not one of the accepted kinds
  kFileContentMismatch,  ///< a file whose bytes are not what its name says (a zip named .pdf)
  kNotAnEmail,           ///< a file that should be an e-mail message saved as .eml, and is not
};

/// One field's problem, with the limit that was crossed where that matters.
struct FieldError {
  FieldIssue issue = FieldIssue::kInvalidFormat;
  int limit = 0;
  bool operator==(const FieldError&) const = default;
};

/// An expected failure, returned as a value.
struct Error {
  ErrorCode code = ErrorCode::kInternal;
  std::map<std::string, FieldError> fields;  ///< field name → problem (JSON path style: "email")
  std::optional<int> retry_after_seconds;    ///< set for kRateLimited
  std::string allow;                         ///< set for kMethodNotAllowed: "GET, POST"
  std::string detail;                        ///< internal context for logs; never sent to clients

  static Error Of(ErrorCode code) { return Error{.code = code}; }
  static Error Field(std::string name, FieldIssue issue, int limit = 0) {
    Error e{.code = ErrorCode::kInvalidInput};
    e.fields.emplace(std::move(name), FieldError{issue, limit});
    return e;
  }
};

/// Collects field errors while validating a whole input, so the caller sees every problem at once.
class FieldErrors {
 public:
  void Add(std::string field, FieldIssue issue, int limit = 0) {
    fields_.try_emplace(std::move(field), FieldError{issue, limit});
  }
  [[nodiscard]] bool empty() const { return fields_.empty(); }
  [[nodiscard]] bool Has(const std::string& field) const { return fields_.contains(field); }
  [[nodiscard]] Error ToError() && {
    Error e{.code = ErrorCode::kInvalidInput};
    e.fields = std::move(fields_);
    return e;
  }

 private:
  std::map<std::string, FieldError> fields_;
};

/// Stable snake_case name of an error code, used as `error.code` in JSON.
std::string_view ToString(ErrorCode code);
/// Stable snake_case name of a field issue.
std::string_view ToString(FieldIssue issue);

}  // namespace aantafel::core
