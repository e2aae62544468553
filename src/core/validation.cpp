#include "core/validation.hpp"

#include <algorithm>
#include <cctype>

namespace aantafel::core {

bool IsValidUtf8(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  while (i < n) {
    const unsigned char c = s[i];
    if (c < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = 0;
    unsigned cp = 0;
    if (c >= 0xC2 && c <= 0xDF) {
      len = 2;
      cp = c & 0x1FU;
    } else if (c >= 0xE0 && c <= 0xEF) {
      len = 3;
      cp = c & 0x0FU;
    } else if (c >= 0xF0 && c <= 0xF4) {
      len = 4;
      cp = c & 0x07U;
    } else {
      return false;
    }
    if (i + len > n) return false;
    for (std::size_t k = 1; k < len; ++k) {
      if ((s[i + k] & 0xC0U) != 0x80U) return false;
      cp = (cp << 6U) | (s[i + k] & 0x3FU);
    }
    // Overlong forms, UTF-16 surrogates and values above U+10FFFF are not UTF-8.
    if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      return false;
    }
    i += len;
  }
  return true;
}

std::size_t CodePointCount(std::string_view text) {
  return static_cast<std::size_t>(std::count_if(text.begin(), text.end(), [](char c) {
    return (static_cast<unsigned char>(c) & 0xC0U) != 0x80U;
  }));
}

std::string TruncateUtf8(std::string_view text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return std::string(text);
  std::size_t end = max_bytes;
  // Step back over continuation bytes so no code point is split.
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0U) == 0x80U) --end;
  return std::string(text.substr(0, end));
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return out;
}

std::string_view TrimAscii(std::string_view text) {
  constexpr std::string_view kSpace = " \t\r\n\f\v";
  const auto first = text.find_first_not_of(kSpace);
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(kSpace);
  return text.substr(first, last - first + 1);
}

namespace {

bool HasControlCharacters(std::string_view text, bool allow_newlines) {
  return std::any_of(text.begin(), text.end(), [&](char ch) {
    const auto c = static_cast<unsigned char>(ch);
    if (allow_newlines && (c == '\n' || c == '\t')) return false;
    return c < 0x20 || c == 0x7F;
  });
}

}  // namespace

std::optional<std::string> CheckText(std::string_view field, std::string_view value,
                                     const TextRule& rule, FieldErrors& errors) {
  if (!IsValidUtf8(value)) {
    errors.Add(std::string(field), FieldIssue::kInvalidUtf8);
    return std::nullopt;
  }
  const std::string_view trimmed = TrimAscii(value);
  const std::size_t chars = CodePointCount(trimmed);
  if (chars == 0 && rule.min_chars > 0) {
    errors.Add(std::string(field), FieldIssue::kRequired);
    return std::nullopt;
  }
  if (chars < rule.min_chars) {
    errors.Add(std::string(field), FieldIssue::kTooShort, static_cast<int>(rule.min_chars));
    return std::nullopt;
  }
  if (chars > rule.max_chars) {
    errors.Add(std::string(field), FieldIssue::kTooLong, static_cast<int>(rule.max_chars));
    return std::nullopt;
  }
  if (HasControlCharacters(trimmed, rule.allow_newlines)) {
    errors.Add(std::string(field), FieldIssue::kInvalidFormat);
    return std::nullopt;
  }
  return std::string(trimmed);
}

std::optional<std::string> CheckEmail(std::string_view field, std::string_view value,
                                      FieldErrors& errors) {
  if (!IsValidUtf8(value)) {
    errors.Add(std::string(field), FieldIssue::kInvalidUtf8);
    return std::nullopt;
  }
  std::string email(TrimAscii(value));
  if (email.empty()) {
    errors.Add(std::string(field), FieldIssue::kRequired);
    return std::nullopt;
  }
  if (email.size() > kMaxEmailLength) {
    errors.Add(std::string(field), FieldIssue::kTooLong, static_cast<int>(kMaxEmailLength));
    return std::nullopt;
  }
  std::transform(email.begin(), email.end(), email.begin(), [](char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  });
  const auto at = email.find('@');
  const bool one_at = at != std::string::npos && email.find('@', at + 1) == std::string::npos;
  const bool shape_ok = one_at && at > 0 && at + 1 < email.size() &&
                        email.find('.', at + 2) != std::string::npos && email.back() != '.' &&
                        !HasControlCharacters(email, false) &&
                        email.find_first_of(" ,;:<>()[]\\\"") == std::string::npos;
  if (!shape_ok) {
    errors.Add(std::string(field), FieldIssue::kInvalidFormat);
    return std::nullopt;
  }
  return email;
}

std::optional<std::string> CheckSlug(std::string_view field, std::string_view value,
                                     FieldErrors& errors) {
  constexpr std::size_t kMin = 2;
  constexpr std::size_t kMax = 63;
  if (value.empty()) {
    errors.Add(std::string(field), FieldIssue::kRequired);
    return std::nullopt;
  }
  if (value.size() < kMin) {
    errors.Add(std::string(field), FieldIssue::kTooShort, kMin);
    return std::nullopt;
  }
  if (value.size() > kMax) {
    errors.Add(std::string(field), FieldIssue::kTooLong, kMax);
    return std::nullopt;
  }
  const bool chars_ok = std::all_of(value.begin(), value.end(), [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-';
  });
  if (!chars_ok || value.front() == '-' || value.back() == '-' ||
      value.find("--") != std::string_view::npos) {
    errors.Add(std::string(field), FieldIssue::kInvalidFormat);
    return std::nullopt;
  }
  return std::string(value);
}

bool CheckPassword(std::string_view field, std::string_view value, FieldErrors& errors) {
  if (value.empty()) {
    errors.Add(std::string(field), FieldIssue::kRequired);
    return false;
  }
  if (!IsValidUtf8(value)) {
    errors.Add(std::string(field), FieldIssue::kInvalidUtf8);
    return false;
  }
  // Characters, as people count them (and as the API description's minLength means).
  const std::size_t chars = CodePointCount(value);
  if (chars < kMinPasswordLength) {
    errors.Add(std::string(field), FieldIssue::kTooShort, kMinPasswordLength);
    return false;
  }
  if (chars > kMaxPasswordLength) {
    errors.Add(std::string(field), FieldIssue::kTooLong, kMaxPasswordLength);
    return false;
  }
  return true;
}

std::optional<CivilDate> CheckDate(const std::string& field, std::string_view text, bool required,
                                   FieldErrors& errors) {
  if (text.empty()) {
    if (required) errors.Add(field, FieldIssue::kRequired);
    return std::nullopt;
  }
  auto date = CivilDate::Parse(text);
  if (!date) errors.Add(field, FieldIssue::kInvalidFormat);
  return date;
}

bool EqualsIgnoreAsciiCase(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; };
    if (lower(a[i]) != lower(b[i])) return false;
  }
  return true;
}

std::string SearchFold(std::string_view text) {
  // U+00C0–U+00FF as their plain letters (× and ÷ stay), indexed by the code point − 0xC0.
  static constexpr std::string_view kLatin1 =
      "aaaaaaaceeeeiiiidnooooo*ouuuuyts"
      "aaaaaaaceeeeiiiidnooooo/ouuuuyty";
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
    } else if (c == 0xC3 && i + 1 < text.size()) {
      const auto next = static_cast<unsigned char>(text[i + 1]);
      const unsigned code = 0xC0 + (next & 0x3F);
      if (next >= 0x80 && next <= 0xBF && code != 0xD7 && code != 0xF7) {
        out += kLatin1[code - 0xC0];
        ++i;
      } else {
        out += static_cast<char>(c);
      }
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

std::string UrlEscape(std::string_view text) {
  std::string out;
  for (const unsigned char ch : text) {
    if (std::isalnum(ch) || ch == '-' || ch == '.' || ch == '_' || ch == '~') {
      out += static_cast<char>(ch);
    } else {
      static constexpr char kHex[] = "0123456789ABCDEF";
      out += '%';
      out += kHex[ch >> 4];
      out += kHex[ch & 15];
    }
  }
  return out;
}

}  // namespace aantafel::core
