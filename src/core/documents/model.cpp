#include "core/documents/model.hpp"

#include <algorithm>
#include <array>
#include <utility>

#include "core/validation.hpp"

namespace aantafel::core::documents {

namespace {

constexpr std::array<std::pair<RecordKind, std::string_view>, 4> kRecordKinds{{
    {RecordKind::kInteraction, "interaction"},
    {RecordKind::kAgreement, "agreement"},
    {RecordKind::kPlan, "plan"},
    {RecordKind::kOrganisation, "organisation"},
}};

// The old binary Office formats and Outlook messages are Compound File Binary containers;
// libmagic names the subtype when it recognises it and "application/CDFV2" (or
// application/x-ole-storage) when it does not.
constexpr std::string_view kCdf = "application/CDFV2";
constexpr std::string_view kOle = "application/x-ole-storage";

constexpr std::int64_t kMegabyte = 1024 * 1024;

}  // namespace

FieldError FileTooLarge(std::int64_t max_file_bytes) {
  return FieldError{FieldIssue::kFileTooLarge,
                    static_cast<int>(std::max<std::int64_t>(1, max_file_bytes / kMegabyte))};
}

std::string_view ToString(RecordKind kind) {
  for (const auto& [k, name] : kRecordKinds) {
    if (k == kind) return name;
  }
  return "interaction";
}

std::optional<RecordKind> ParseRecordKind(std::string_view text) {
  for (const auto& [k, name] : kRecordKinds) {
    if (name == text) return k;
  }
  return std::nullopt;
}

const std::vector<AcceptedType>& AcceptedTypes() {
  static const std::vector<AcceptedType> kTypes{
      {{"pdf"}, "application/pdf", {"application/pdf"}},
      {{"docx"},
       "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
       {"application/vnd.openxmlformats-officedocument.wordprocessingml.document"}},
      {{"xlsx"},
       "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
       {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"}},
      {{"pptx"},
       "application/vnd.openxmlformats-officedocument.presentationml.presentation",
       {"application/vnd.openxmlformats-officedocument.presentationml.presentation"}},
      {{"doc"}, "application/msword", {"application/msword", kCdf, kOle}},
      {{"xls"}, "application/vnd.ms-excel", {"application/vnd.ms-excel", kCdf, kOle}},
      {{"ppt"}, "application/vnd.ms-powerpoint", {"application/vnd.ms-powerpoint", kCdf, kOle}},
      {{"msg"}, "application/vnd.ms-outlook", {"application/vnd.ms-outlook", kCdf, kOle}},
      {{"odt"},
       "application/vnd.oasis.opendocument.text",
       {"application/vnd.oasis.opendocument.text"}},
      {{"ods"},
       "application/vnd.oasis.opendocument.spreadsheet",
       {"application/vnd.oasis.opendocument.spreadsheet"}},
      {{"odp"},
       "application/vnd.oasis.opendocument.presentation",
       {"application/vnd.oasis.opendocument.presentation"}},
      // A saved e-mail is text: libmagic calls it message/rfc822 when it starts with the usual
      // headers and text/plain otherwise (a forward that starts with From: on its own line).
      {{"eml"}, "message/rfc822", {"message/rfc822", "text/plain"}},
      {{"ics"}, "text/calendar", {"text/calendar", "text/plain"}},
      {{"txt"}, "text/plain", {"text/plain"}},
      {{"csv"}, "text/csv", {"text/csv", "text/plain"}},
      {{"png"}, "image/png", {"image/png"}},
      {{"jpg", "jpeg"}, "image/jpeg", {"image/jpeg"}},
      {{"gif"}, "image/gif", {"image/gif"}},
      {{"webp"}, "image/webp", {"image/webp"}},
      {{"heic"}, "image/heic", {"image/heic", "image/heif"}},
      {{"heif"}, "image/heif", {"image/heif", "image/heic"}},
  };
  return kTypes;
}

const AcceptedType* TypeForName(std::string_view name) {
  const auto dot = name.rfind('.');
  if (dot == std::string_view::npos || dot + 1 == name.size()) return nullptr;
  const std::string extension = LowerAscii(name.substr(dot + 1));
  for (const auto& type : AcceptedTypes()) {
    if (std::ranges::find(type.extensions, extension) != type.extensions.end()) return &type;
  }
  return nullptr;
}

std::string CleanFileName(std::string_view raw) {
  const auto slash = raw.find_last_of("/\\");
  if (slash != std::string_view::npos) raw = raw.substr(slash + 1);
  std::string out;
  out.reserve(raw.size());
  for (const char c : raw) {
    const auto byte = static_cast<unsigned char>(c);
    if (byte < 0x20 || byte == 0x7f || c == '"' || c == ';') continue;
    out.push_back(c);
  }
  const std::string_view trimmed = TrimAscii(out);
  std::string result(trimmed);
  // A name of dots only ("..") would mean a folder to a careless receiver.
  if (std::ranges::all_of(result, [](char c) { return c == '.'; })) result.clear();
  return result;
}

}  // namespace aantafel::core::documents
