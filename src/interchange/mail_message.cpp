#include "interchange/mail_message.hpp"

#include <gmime/gmime.h>
#include <libxml/HTMLparser.h>

#include <algorithm>
#include <array>
#include <chrono>
#include <mutex>
#include <string>

#include "core/validation.hpp"

namespace aantafel::interchange {

using core::mail_intake::ForwardedMail;
using core::mail_intake::MailAddress;
using core::mail_intake::MailAttachment;
using core::mail_intake::MailLimits;
using core::mail_intake::ParsedMail;

namespace {

/// Owns one GObject reference.
template <typename T>
class Ref {
 public:
  explicit Ref(T* object = nullptr) : object_(object) {}
  ~Ref() {
    if (object_ != nullptr) g_object_unref(object_);
  }
  Ref(const Ref&) = delete;
  Ref& operator=(const Ref&) = delete;
  T* get() const { return object_; }
  explicit operator bool() const { return object_ != nullptr; }

 private:
  T* object_;
};

/// A g_malloc'ed string, freed with g_free.
std::string Take(char* text) {
  if (text == nullptr) return {};
  std::string out(text);
  g_free(text);
  return out;
}

std::string Utf8OrEmpty(const char* text) {
  if (text == nullptr) return {};
  std::string value(text);
  return core::IsValidUtf8(value) ? value : std::string();
}

/// Windows-1252 (what Outlook sends when it says nothing, or says iso-8859-1) as UTF-8.
std::string FromWindows1252(std::string_view bytes) {
  gsize written = 0;
  GError* error = nullptr;
  char* converted = g_convert(bytes.data(), static_cast<gssize>(bytes.size()), "UTF-8",
                              "WINDOWS-1252", nullptr, &written, &error);
  if (error != nullptr) g_error_free(error);
  if (converted == nullptr) return {};
  std::string out(converted, written);
  g_free(converted);
  return out;
}

/// Text never carries NUL bytes and is always valid UTF-8.
std::string Clean(std::string text) {
  std::erase(text, '\0');
  if (core::IsValidUtf8(text)) return text;
  return FromWindows1252(text);
}

/// The decoded bytes of a leaf part (base64 and quoted-printable undone).
std::string DecodedBytes(GMimePart* part) {
  GMimeDataWrapper* content = g_mime_part_get_content(part);
  if (content == nullptr) return {};
  Ref<GMimeStream> memory(g_mime_stream_mem_new());
  g_mime_data_wrapper_write_to_stream(content, memory.get());
  GByteArray* array = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(memory.get()));
  return array == nullptr ? std::string()
                          : std::string(reinterpret_cast<const char*>(array->data), array->len);
}

/// A text part as UTF-8. GMime converts only when the charset is named and known; a missing,
/// unknown or Latin-1 label is read as Windows-1252, its superset that mail programs really send.
std::string PartText(GMimeTextPart* part) {
  const char* charset = g_mime_text_part_get_charset(part);
  const std::string label = charset == nullptr ? "" : core::LowerAscii(charset);
  const bool trust = !label.empty() && label != "us-ascii" && label != "iso-8859-1" &&
                     label != "latin1" && g_mime_charset_iconv_name(charset) != nullptr;
  if (trust) {
    std::string text = Take(g_mime_text_part_get_text(part));
    if (core::IsValidUtf8(text)) return Clean(std::move(text));
  }
  std::string bytes = DecodedBytes(GMIME_PART(part));
  return core::IsValidUtf8(bytes) ? Clean(std::move(bytes)) : Clean(FromWindows1252(bytes));
}

void CollectAddresses(InternetAddressList* list, std::vector<MailAddress>& out, int depth = 0) {
  if (list == nullptr || depth > 4) return;
  const int count = internet_address_list_length(list);
  for (int i = 0; i < count && out.size() < 200; ++i) {
    InternetAddress* address = internet_address_list_get_address(list, i);
    if (INTERNET_ADDRESS_IS_GROUP(address)) {
      CollectAddresses(internet_address_group_get_members(INTERNET_ADDRESS_GROUP(address)), out,
                       depth + 1);
    } else if (INTERNET_ADDRESS_IS_MAILBOX(address)) {
      const std::string addr =
          Utf8OrEmpty(internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(address)));
      if (addr.empty()) continue;
      out.push_back({.name = Utf8OrEmpty(internet_address_get_name(address)),
                     .address = core::LowerAscii(addr)});
    }
  }
}

std::optional<core::Instant> DateOf(GMimeMessage* message) {
  GDateTime* date = g_mime_message_get_date(message);  // transfer none
  if (date == nullptr) return std::nullopt;
  return core::FromMillis(g_date_time_to_unix(date) * 1000);
}

/// Walks a message's parts: text, files, invitations and forwards, within the limits.
class Walker {
 public:
  Walker(ParsedMail& mail, const MailLimits& limits) : mail_(mail), limits_(limits) {}

  void Walk(GMimeObject* object, std::size_t depth) {
    if (object == nullptr) return;
    if (depth > limits_.max_depth) {
      Skip("nesting deeper than " + std::to_string(limits_.max_depth));
      return;
    }
    if (++parts_ > limits_.max_parts) {
      if (parts_ == limits_.max_parts + 1)
        Skip("more than " + std::to_string(limits_.max_parts) + " parts");
      return;
    }
    if (GMIME_IS_MESSAGE_PART(object)) {
      GMimeMessage* inner = g_mime_message_part_get_message(GMIME_MESSAGE_PART(object));
      if (inner == nullptr) return;
      ForwardedMail forwarded{.date = DateOf(inner),
                              .subject = Clean(Utf8OrEmpty(g_mime_message_get_subject(inner)))};
      std::vector<MailAddress> from;
      CollectAddresses(g_mime_message_get_from(inner), from);
      if (!from.empty()) forwarded.from = from.front();
      mail_.forwarded.push_back(std::move(forwarded));
      Walk(g_mime_message_get_mime_part(inner), depth + 1);
      return;
    }
    if (GMIME_IS_MULTIPART(object)) {
      GMimeMultipart* multipart = GMIME_MULTIPART(object);
      GMimeContentType* type = g_mime_object_get_content_type(object);
      const bool alternative =
          type != nullptr && g_mime_content_type_is_type(type, "multipart", "alternative");
      const int count = g_mime_multipart_get_count(multipart);
      if (alternative) {
        // One body in several forms: the plain text when there is one, else the richest.
        GMimeObject* chosen = nullptr;
        for (int i = 0; i < count; ++i) {
          GMimeObject* child = g_mime_multipart_get_part(multipart, i);
          GMimeContentType* child_type = g_mime_object_get_content_type(child);
          if (child_type != nullptr && g_mime_content_type_is_type(child_type, "text", "plain")) {
            chosen = child;
            break;
          }
          chosen = child;
        }
        // Calendar alternatives (Outlook sends text/plain + text/html + text/calendar).
        for (int i = 0; i < count; ++i) {
          GMimeObject* child = g_mime_multipart_get_part(multipart, i);
          GMimeContentType* child_type = g_mime_object_get_content_type(child);
          if (child != chosen && child_type != nullptr &&
              g_mime_content_type_is_type(child_type, "text", "calendar")) {
            Walk(child, depth + 1);
          }
        }
        Walk(chosen, depth + 1);
        return;
      }
      for (int i = 0; i < count; ++i) Walk(g_mime_multipart_get_part(multipart, i), depth + 1);
      return;
    }
    if (GMIME_IS_PART(object)) Leaf(GMIME_PART(object));
  }

 private:
  void Skip(std::string why) {
    if (mail_.skipped.size() < 20) mail_.skipped.push_back(std::move(why));
  }

  void AppendText(const std::string& text) {
    if (text.empty()) return;
    std::string& body = mail_.text;
    if (!body.empty()) body += "\n\n";
    if (body.size() + text.size() > limits_.max_text_bytes) {
      body += core::TruncateUtf8(
          text, limits_.max_text_bytes - std::min(body.size(), limits_.max_text_bytes));
      if (!cut_) Skip("text cut at " + std::to_string(limits_.max_text_bytes / 1024) + " KiB");
      cut_ = true;
      return;
    }
    body += text;
  }

  void Leaf(GMimePart* part) {
    GMimeObject* object = GMIME_OBJECT(part);
    GMimeContentType* type = g_mime_object_get_content_type(object);
    const std::string mime = type == nullptr
                                 ? "application/octet-stream"
                                 : core::LowerAscii(Take(g_mime_content_type_get_mime_type(type)));
    const char* file_name = g_mime_part_get_filename(part);
    const std::string name = Clean(Utf8OrEmpty(file_name));
    if (mime == "application/ms-tnef" || mime == "application/vnd.ms-tnef" ||
        core::LowerAscii(name) == "winmail.dat") {
      Skip("winmail.dat (Outlook rich text) is not read");
      return;
    }
    const bool attachment = g_mime_part_is_attachment(part) != 0;
    if (!attachment && GMIME_IS_TEXT_PART(part)) {
      if (mime == "text/calendar") {
        mail_.invitations.push_back(PartText(GMIME_TEXT_PART(part)));
        return;
      }
      if (mime == "text/html") {
        AppendText(HtmlToText(PartText(GMIME_TEXT_PART(part))));
        return;
      }
      if (mime == "text/plain" || mime.starts_with("text/")) {
        AppendText(PartText(GMIME_TEXT_PART(part)));
        return;
      }
    }
    if (mime == "text/calendar") mail_.invitations.push_back(Clean(DecodedBytes(part)));
    const char* disposition = g_mime_object_get_disposition(object);
    mail_.attachments.push_back(
        MailAttachment{.name = name,
                       .content_type = mime,
                       .bytes = DecodedBytes(part),
                       .inline_part = !attachment && disposition != nullptr &&
                                      core::EqualsIgnoreAsciiCase(disposition, "inline")});
  }

  ParsedMail& mail_;
  const MailLimits& limits_;
  std::size_t parts_ = 0;
  bool cut_ = false;
};

/// Starts a new line unless the text already stands at the start of one.
void NewLine(std::string& out) {
  if (!out.empty() && out.back() != '\n') out.push_back('\n');
}

void WalkHtml(xmlNode* node, std::string& out, int depth) {
  static constexpr std::array<std::string_view, 20> kBlocks{
      "p",  "div",   "li", "tr", "h1",         "h2",  "h3", "h4",      "h5",      "h6",
      "ul", "table", "ol", "dl", "blockquote", "pre", "hr", "section", "article", "address"};
  if (depth > 200) return;
  for (; node != nullptr; node = node->next) {
    if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
      if (node->content != nullptr) out += reinterpret_cast<const char*>(node->content);
      continue;
    }
    if (node->type != XML_ELEMENT_NODE) continue;
    const std::string name = core::LowerAscii(reinterpret_cast<const char*>(node->name));
    if (name == "script" || name == "style" || name == "head" || name == "title") continue;
    if (name == "br") {
      out.push_back('\n');
      continue;
    }
    const bool block = std::ranges::find(kBlocks, name) != kBlocks.end();
    if (block) NewLine(out);
    if (name == "li") out += "- ";
    if ((name == "td" || name == "th") && !out.empty() && out.back() != '\n') out += "\t";
    WalkHtml(node->children, out, depth + 1);
    if (block) NewLine(out);
  }
}

/// Runs of blank lines and spaces at line ends, as HTML leaves them, tidied; no-break spaces
/// become spaces.
std::string TidyText(std::string text) {
  std::string out;
  out.reserve(text.size());
  int newlines = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text.compare(i, 2, "\xc2\xa0") == 0) {
      out.push_back(' ');
      ++i;
      continue;
    }
    const char c = text[i];
    if (c == '\r') continue;
    if (c == '\n') {
      while (!out.empty() && (out.back() == ' ' || out.back() == '\t')) out.pop_back();
      if (++newlines <= 2 && !out.empty()) out.push_back('\n');
      continue;
    }
    newlines = 0;
    out.push_back(c);
  }
  while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
  return out;
}

}  // namespace

void InitMailParsing() {
  static std::once_flag once;
  std::call_once(once, [] {
    g_mime_init();
    xmlInitParser();
  });
}

std::string HtmlToText(std::string_view html) {
  InitMailParsing();
  if (html.empty()) return {};
  htmlDocPtr doc =
      htmlReadMemory(html.data(), static_cast<int>(std::min<std::size_t>(html.size(), INT32_MAX)),
                     nullptr, "UTF-8",
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING |
                         HTML_PARSE_NONET | HTML_PARSE_NOBLANKS);
  if (doc == nullptr) return {};
  std::string out;
  WalkHtml(xmlDocGetRootElement(doc), out, 0);
  xmlFreeDoc(doc);
  return TidyText(Clean(std::move(out)));
}

core::Result<ParsedMail> ParseMail(std::string_view raw, const MailLimits& limits) {
  InitMailParsing();
  const auto unreadable = core::Error::Field("file", core::FieldIssue::kUnreadable);
  if (raw.empty()) return unreadable;
  GMimeParserOptions* options = g_mime_parser_options_new();
  static const char* fallback_charsets[] = {"utf-8", "windows-1252", nullptr};
  g_mime_parser_options_set_fallback_charsets(options, fallback_charsets);
  bool critical = false;
  g_mime_parser_options_set_warning_callback(
      options,
      [](gint64 /*offset*/, GMimeParserWarning errcode, const gchar* /*item*/, gpointer data) {
        if (errcode >= GMIME_CRIT_INVALID_HEADER_NAME) *static_cast<bool*>(data) = true;
      },
      &critical);
  Ref<GMimeStream> stream(g_mime_stream_mem_new_with_buffer(raw.data(), raw.size()));
  Ref<GMimeParser> parser(g_mime_parser_new_with_stream(stream.get()));
  g_mime_parser_set_format(parser.get(), GMIME_FORMAT_MESSAGE);
  Ref<GMimeMessage> message(g_mime_parser_construct_message(parser.get(), options));
  g_mime_parser_options_free(options);
  if (!message) return unreadable;

  ParsedMail mail;
  mail.message_id = Clean(Utf8OrEmpty(g_mime_message_get_message_id(message.get())));
  mail.date = DateOf(message.get());
  mail.subject = Clean(Utf8OrEmpty(g_mime_message_get_subject(message.get())));
  std::vector<MailAddress> from;
  CollectAddresses(g_mime_message_get_from(message.get()), from);
  if (!from.empty()) mail.from = from.front();
  CollectAddresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_TO), mail.to);
  CollectAddresses(g_mime_message_get_addresses(message.get(), GMIME_ADDRESS_TYPE_CC), mail.cc);
  GMimeHeaderList* headers = g_mime_object_get_header_list(GMIME_OBJECT(message.get()));
  const int header_count = g_mime_header_list_get_count(headers);
  for (int i = 0; i < header_count; ++i) {
    GMimeHeader* header = g_mime_header_list_get_header_at(headers, i);
    const char* name = g_mime_header_get_name(header);
    if (name == nullptr || !(core::EqualsIgnoreAsciiCase(name, "Delivered-To") ||
                             core::EqualsIgnoreAsciiCase(name, "X-Original-To"))) {
      continue;
    }
    std::string value(core::TrimAscii(Utf8OrEmpty(g_mime_header_get_value(header))));
    if (!value.empty() && mail.delivered_to.size() < 20) {
      mail.delivered_to.push_back(core::LowerAscii(value));
    }
  }
  Walker(mail, limits).Walk(g_mime_message_get_mime_part(message.get()), 0);
  if (critical) mail.skipped.emplace_back("the message is damaged; what could be read is kept");
  mail.text = TidyText(std::move(mail.text));
  return mail;
}

}  // namespace aantafel::interchange
