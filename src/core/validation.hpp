#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "core/civil_date.hpp"
#include "core/error.hpp"

namespace aantafel::core {

/// True when `text` is well-formed UTF-8 (no overlongs, no surrogates, max U+10FFFF).
bool IsValidUtf8(std::string_view text);

/// Number of Unicode code points in valid UTF-8 text.
std::size_t CodePointCount(std::string_view text);

/// At most `max_bytes` of valid UTF-8 `text`, cut at a code point boundary.
std::string TruncateUtf8(std::string_view text, std::size_t max_bytes);

/// `text` without leading and trailing ASCII whitespace.
std::string_view TrimAscii(std::string_view text);

/// Percent-encodes everything but letters, digits and -._~ (RFC 3986 unreserved).
std::string UrlEscape(std::string_view text);

/// `text` with ASCII letters in lower case (column headings, codes); other bytes unchanged.
std::string LowerAscii(std::string_view text);

/// `text` for searching: lower case, and the accented Latin letters Dutch uses (é, ë, ï, ö, ü,
/// à, ç, ñ, …) as their plain letter, so "coöperatie" matches "cooperatie".
std::string SearchFold(std::string_view text);

/// Whether `a` and `b` are equal when ASCII letters are compared without case.
bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b);

/// Rules for a free-text field such as a name.
struct TextRule {
  std::size_t min_chars = 1;
  std::size_t max_chars = 200;
  bool allow_newlines = false;
};

/// Trims and checks a text field; on failure adds the problem under `field` to `errors`.
std::optional<std::string> CheckText(std::string_view field, std::string_view value,
                                     const TextRule& rule, FieldErrors& errors);

/// A "YYYY-MM-DD" date field: kRequired when empty and `required`, kInvalidFormat when not a
/// real date; nullopt when empty or invalid.
std::optional<CivilDate> CheckDate(const std::string& field, std::string_view text, bool required,
                                   FieldErrors& errors);

/// Lower-cases and trims an email address and checks its shape; adds a problem under `field`.
std::optional<std::string> CheckEmail(std::string_view field, std::string_view value,
                                      FieldErrors& errors);

/// Checks a workspace slug: 2–63 characters of a–z, 0–9 and inner hyphens.
std::optional<std::string> CheckSlug(std::string_view field, std::string_view value,
                                     FieldErrors& errors);

/// Checks a password's length (10–1024 bytes, valid UTF-8); it is never trimmed.
bool CheckPassword(std::string_view field, std::string_view value, FieldErrors& errors);

inline constexpr std::size_t kMaxEmailLength = 254;
inline constexpr std::size_t kMinPasswordLength = 10;
inline constexpr std::size_t kMaxPasswordLength = 1024;

}  // namespace aantafel::core
