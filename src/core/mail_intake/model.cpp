#include "core/mail_intake/model.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/validation.hpp"

namespace aantafel::core::mail_intake {

namespace {

constexpr std::string_view kCutLine =
    "\n\n[Ingekort. Het volledige bericht staat als bijlage bij dit contact.]";

std::string Written(const MailAddress& a) {
  return a.name.empty() || a.name == a.address ? a.address : a.name + " <" + a.address + ">";
}

std::string Joined(const std::vector<MailAddress>& list) {
  std::string out;
  for (const auto& a : list) {
    if (!out.empty()) out += ", ";
    out += Written(a);
  }
  return out;
}

/// Text with \r\n as \n and control characters other than newline and tab left out.
std::string CleanText(std::string_view text, bool keep_newlines) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == '\r') {
      if (i + 1 < text.size() && text[i + 1] == '\n') continue;
      out.push_back(keep_newlines ? '\n' : ' ');
    } else if (c == '\n' || c == '\t') {
      out.push_back(keep_newlines ? static_cast<char>(c) : ' ');
    } else if (c >= 0x20 && c != 0x7f) {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

/// `text` cut at `max_chars` characters (code points), with an ellipsis when cut.
std::string Shortened(const std::string& text, std::size_t max_chars) {
  if (CodePointCount(text) <= max_chars) return text;
  // Cut on a character boundary, then leave room for the ellipsis.
  std::string cut;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t len = 1;
    const auto lead = static_cast<unsigned char>(text[i]);
    if (lead >= 0xF0) {
      len = 4;
    } else if (lead >= 0xE0) {
      len = 3;
    } else if (lead >= 0xC0) {
      len = 2;
    }
    if (chars + 1 >= max_chars) break;
    cut.append(text, i, len);
    i += len;
    ++chars;
  }
  return std::string(TrimAscii(cut)) + "…";
}

}  // namespace

std::string MessageKey(const ParsedMail& mail, std::string_view sha256_hex) {
  if (!mail.message_id.empty()) return "message-id:" + LowerAscii(mail.message_id);
  return "sha256:" + std::string(sha256_hex);
}

bool IsDossierAddress(std::string_view address, std::string_view dossier) {
  if (dossier.empty()) return false;
  if (address == dossier) return true;
  const auto at = dossier.find('@');
  if (at == std::string_view::npos) return false;
  const auto local = dossier.substr(0, at);
  const auto domain = dossier.substr(at);  // "@zorg.example"
  return address.size() > dossier.size() && address.starts_with(local) &&
         address[local.size()] == '+' && address.ends_with(domain);
}

std::vector<MailAddress> AddressesOf(const ParsedMail& mail,
                                     const std::vector<std::string>& leave_out) {
  std::vector<MailAddress> out;
  std::set<std::string> seen;
  const auto add = [&](const MailAddress& a) {
    if (a.address.empty()) return;
    for (const auto& dossier : leave_out) {
      if (IsDossierAddress(a.address, dossier)) return;
    }
    if (seen.insert(a.address).second) out.push_back(a);
  };
  if (mail.from) add(*mail.from);
  for (const auto& a : mail.to) add(a);
  for (const auto& a : mail.cc) add(a);
  for (const auto& f : mail.forwarded) {
    if (f.from) add(*f.from);
  }
  return out;
}

std::optional<std::int64_t> ChooseOrganisation(const std::vector<PersonMatch>& people) {
  std::map<std::int64_t, int> count;
  for (const auto& p : people) {
    const std::set<std::int64_t> once(p.organisation_ids.begin(), p.organisation_ids.end());
    for (const auto id : once) ++count[id];
  }
  std::optional<std::int64_t> best;
  int best_count = 0;
  bool tie = false;
  for (const auto& [id, n] : count) {
    if (n > best_count) {
      best = id;
      best_count = n;
      tie = false;
    } else if (n == best_count) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

std::string NotesOf(const ParsedMail& mail, std::size_t max_bytes) {
  std::string head;
  if (mail.from) head += "Van: " + Written(*mail.from) + "\n";
  if (!mail.to.empty()) head += "Aan: " + Joined(mail.to) + "\n";
  if (!mail.cc.empty()) head += "Cc: " + Joined(mail.cc) + "\n";
  head = CleanText(head, /*keep_newlines=*/true);
  std::string text = CleanText(mail.text, /*keep_newlines=*/true);
  std::string notes = head.empty() ? text : head + "\n" + text;
  if (notes.size() > max_bytes) {
    notes = TruncateUtf8(notes, max_bytes > kCutLine.size() ? max_bytes - kCutLine.size() : 0);
    notes += kCutLine;
  }
  return std::string(TrimAscii(notes));
}

std::string SubjectOf(const ParsedMail& mail, std::size_t max_chars) {
  std::string subject(TrimAscii(CleanText(mail.subject, /*keep_newlines=*/false)));
  if (subject.empty()) return "(geen onderwerp)";
  return Shortened(subject, max_chars);
}

std::string PreviewOf(const ParsedMail& mail, std::size_t max_chars) {
  // One line: runs of white space (newlines of the text included) as one space.
  std::string line;
  for (const char c : CleanText(mail.text, /*keep_newlines=*/false)) {
    if (c == ' ' && (line.empty() || line.back() == ' ')) continue;
    line.push_back(c);
  }
  return Shortened(std::string(TrimAscii(line)), max_chars);
}

std::vector<std::string> WorkspacesAddressed(const ParsedMail& mail, std::string_view dossier) {
  std::vector<std::string> out;
  const auto at = dossier.find('@');
  if (at == std::string_view::npos) return out;
  const auto add = [&](std::string_view address) {
    if (address == dossier || !IsDossierAddress(address, dossier)) return;
    // dossier+zorg-west@zorg.example: between the + and the @.
    const std::string slug(
        address.substr(at + 1, address.size() - (dossier.size() - at) - (at + 1)));
    if (!slug.empty() && std::ranges::find(out, slug) == out.end()) out.push_back(slug);
  };
  for (const auto& a : mail.delivered_to) add(a);
  for (const auto& a : mail.to) add(a.address);
  for (const auto& a : mail.cc) add(a.address);
  return out;
}

std::string WorkspaceAddress(std::string_view dossier, std::string_view slug) {
  const auto at = dossier.find('@');
  if (at == std::string_view::npos || slug.empty()) return {};
  return std::string(dossier.substr(0, at)) + "+" + std::string(slug) +
         std::string(dossier.substr(at));
}

std::string MessageFileName(const ParsedMail& mail) {
  std::string name;
  for (const char c : SubjectOf(mail, 100)) {
    name.push_back(std::string_view("/\\:*?\"<>|").find(c) == std::string_view::npos ? c : '-');
  }
  return name + ".eml";
}

}  // namespace aantafel::core::mail_intake
