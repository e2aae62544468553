#include "app/smtp_mailer.hpp"

#include <curl/curl.h>

#include <atomic>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>

namespace aantafel::app {

namespace {

std::string Base64(std::string_view in) {
  static constexpr char kTable[] =
      "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  std::size_t i = 0;
  while (i + 2 < in.size()) {
    const unsigned v = (static_cast<unsigned char>(in[i]) << 16) |
                       (static_cast<unsigned char>(in[i + 1]) << 8) |
                       static_cast<unsigned char>(in[i + 2]);
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += kTable[(v >> 6) & 63];
    out += kTable[v & 63];
    i += 3;
  }
  if (i + 1 == in.size()) {
    const unsigned v = static_cast<unsigned char>(in[i]) << 16;
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += "==";
  } else if (i + 2 == in.size()) {
    const unsigned v =
        (static_cast<unsigned char>(in[i]) << 16) | (static_cast<unsigned char>(in[i + 1]) << 8);
    out += kTable[(v >> 18) & 63];
    out += kTable[(v >> 12) & 63];
    out += kTable[(v >> 6) & 63];
    out += '=';
  }
  return out;
}

bool Ascii(std::string_view s) {
  for (const char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) return false;
  }
  return true;
}

/// Header values must not break into new headers.
std::string OneLine(std::string_view s) {
  std::string out;
  for (const char c : s) out += (c == '\r' || c == '\n') ? ' ' : c;
  return out;
}

std::string RfcDate() {
  const std::time_t now = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&now, &tm);
  char buffer[64];
  std::strftime(buffer, sizeof buffer, "%a, %d %b %Y %H:%M:%S +0000", &tm);
  return buffer;
}

struct Upload {
  std::string data;
  std::size_t offset = 0;
};

std::size_t ReadChunk(char* out, std::size_t size, std::size_t count, void* user) {
  auto* up = static_cast<Upload*>(user);
  const std::size_t n = std::min(size * count, up->data.size() - up->offset);
  std::memcpy(out, up->data.data() + up->offset, n);
  up->offset += n;
  return n;
}

std::once_flag curl_init;

}  // namespace

namespace {

/// `text` with CRLF line ends, ending in CRLF.
std::string CrLf(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\n') {
      out += "\r\n";
    } else if (c != '\r') {
      out += c;
    }
  }
  if (!out.ends_with("\r\n")) out += "\r\n";
  return out;
}

/// One body part's headers and content: UTF-8, 8-bit (every relay today speaks 8BITMIME).
std::string Part(std::string_view type, std::string_view content) {
  return "Content-Type: " + std::string(type) +
         "; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n" + CrLf(content);
}

}  // namespace

std::string FormatMessage(const core::Mail& mail, const std::string& from, const std::string& date,
                          const std::string& message_id_seed) {
  const std::string subject = OneLine(mail.subject);
  std::string m;
  m += "Date: " + date + "\r\n";
  m += "From: aantafel <" + OneLine(from) + ">\r\n";
  m += "To: <" + OneLine(mail.to) + ">\r\n";
  m += "Subject: " + (Ascii(subject) ? subject : "=?UTF-8?B?" + Base64(subject) + "?=") + "\r\n";
  m += "Message-ID: <" + message_id_seed + "@aantafel>\r\n";
  m += "MIME-Version: 1.0\r\n";
  m += "Auto-Submitted: auto-generated\r\n";
  if (mail.html.empty()) {
    m += Part("text/plain", mail.text);
    return m;
  }
  // Plain text first, HTML last: clients show the last part they can display (RFC 2046 5.1.4).
  const std::string boundary = "=_aantafel_" + message_id_seed;
  m += "Content-Type: multipart/alternative; boundary=\"" + boundary + "\"\r\n\r\n";
  m += "--" + boundary + "\r\n" + Part("text/plain", mail.text);
  m += "--" + boundary + "\r\n" + Part("text/html", mail.html);
  m += "--" + boundary + "--\r\n";
  return m;
}

SmtpMailer::SmtpMailer(SmtpSettings settings) : settings_(std::move(settings)) {
  std::call_once(curl_init, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

core::Status SmtpMailer::Send(const core::Mail& mail) {
  if (settings_.url.empty()) return core::Error::Of(core::ErrorCode::kUnavailable);
  static std::atomic<std::uint64_t> counter{0};
  Upload upload{FormatMessage(mail, settings_.from, RfcDate(),
                              std::to_string(std::time(nullptr)) + "." +
                                  std::to_string(counter.fetch_add(1))),
                0};
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return core::Error::Of(core::ErrorCode::kUnavailable);
  curl_slist* recipients = curl_slist_append(nullptr, ("<" + mail.to + ">").c_str());
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, settings_.url.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, ("<" + settings_.from + ">").c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_READFUNCTION, ReadChunk);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, settings_.timeout_seconds);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   settings_.tls == "required" ? CURLUSESSL_ALL
                   : settings_.tls == "none"   ? CURLUSESSL_NONE
                                               : CURLUSESSL_TRY);
  if (!settings_.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, settings_.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, settings_.password.c_str());
  }
  const CURLcode result = curl_easy_perform(c);
  curl_slist_free_all(recipients);
  if (result != CURLE_OK) {
    core::Error e = core::Error::Of(core::ErrorCode::kUnavailable);
    e.detail = std::string("smtp: ") + curl_easy_strerror(result);
    return e;
  }
  return core::Ok{};
}

}  // namespace aantafel::app
