#include "core/overview/digest.hpp"

#include "core/html.hpp"

namespace aantafel::core::overview {

std::string_view ToString(DigestFrequency frequency) {
  switch (frequency) {
    case DigestFrequency::kDaily: return "daily";
    case DigestFrequency::kWeekly: return "weekly";
    case DigestFrequency::kNone: break;
  }
  return "none";
}

std::optional<DigestFrequency> ParseDigestFrequency(std::string_view text) {
  for (const auto f : {DigestFrequency::kNone, DigestFrequency::kDaily, DigestFrequency::kWeekly}) {
    if (ToString(f) == text) return f;
  }
  return std::nullopt;
}

bool DigestDue(const DigestSubscriber& s, CivilDate today, bool force) {
  if (s.frequency == DigestFrequency::kNone) return false;
  if (force) return true;
  if (s.last_sent_on && *s.last_sent_on >= today) return false;
  if (s.frequency == DigestFrequency::kDaily) return true;
  // Weekly: on Monday, or later in the week when Monday's was missed.
  const long days = today.DaysSinceEpoch();
  const long weekday = ((days % 7) + 7 + 3) % 7;  // 1970-01-01 was a Thursday: 0 = Monday
  const CivilDate monday = today.AddDays(-weekday);
  return !s.last_sent_on || *s.last_sent_on < monday;
}

Mail ComposeDigest(const DigestSubscriber& s, const std::vector<ActItem>& items,
                   const std::vector<std::string>& explains, std::string_view app_url,
                   CivilDate today) {
  const bool en = s.language == Language::kEnglish;
  const bool weekly = s.frequency == DigestFrequency::kWeekly;
  const std::string base = std::string(app_url) + "/w/" + s.workspace_slug + "/";
  const std::string settings = std::string(app_url) + "/account";
  const std::string when =
      en ? (weekly ? "this week" : "today") : (weekly ? "deze week" : "vandaag");
  const std::string count = std::to_string(items.size());
  Mail mail;
  mail.to = s.email;
  if (en) {
    mail.subject = items.empty()
                       ? "aantafel: nothing urgent " + when + " (" + s.workspace_name + ")"
                       : "aantafel: " + count + " " + (items.size() == 1 ? "item" : "items") +
                             " for " + when + " (" + s.workspace_name + ")";
  } else {
    mail.subject = items.empty()
                       ? "aantafel: niets dringends " + when + " (" + s.workspace_name + ")"
                       : "aantafel: " + count + " " + (items.size() == 1 ? "punt" : "punten") +
                             " voor " + when + " (" + s.workspace_name + ")";
  }
  const std::string hello = (en ? "Hello " : "Hallo ") + s.name + ",";
  const std::string intro =
      items.empty()
          ? (en ? "Nothing urgent is waiting for you " + when + " in " + s.workspace_name + "."
                : "Er staat " + when + " niets dringends voor je klaar in " + s.workspace_name +
                      ".")
          : (en ? "This needs your attention " + when + " in " + s.workspace_name + " (" +
                      today.ToString() + "):"
                : "Dit vraagt " + when + " je aandacht in " + s.workspace_name + " (" +
                      today.ToString() + "):");
  const std::string why =
      en ? std::string("You get this e-mail because you chose a ") + (weekly ? "weekly" : "daily") +
               " summary. You can turn it off in aantafel under " + "My account:"
         : std::string("Je krijgt deze e-mail omdat je een ") +
               (weekly ? "wekelijkse" : "dagelijkse") +
               " samenvatting koos. Uitzetten kan in aantafel bij Mijn account:";

  std::string& t = mail.text;
  t += hello + "\n\n" + intro + "\n";
  if (!items.empty()) t += "\n";
  // What the councils discuss comes in its own section after the rest, in the same order.
  std::string list;
  std::string council_text;
  std::string council_list;
  for (std::size_t i = 0; i < items.size(); ++i) {
    const bool council = items[i].reason == Reason::kCouncilTopic;
    std::string& text = council ? council_text : t;
    std::string& html = council ? council_list : list;
    const std::string link = base + items[i].link;
    const std::string explain = i < explains.size() ? explains[i] : "";
    text += "- " + items[i].title + "\n";
    if (!explain.empty()) text += "  " + explain + "\n";
    text += "  " + link + "\n";
    html += "<li><a href=\"" + HtmlEscape(link) + "\">" + HtmlEscape(items[i].title) + "</a>";
    if (!explain.empty()) html += "<br>" + HtmlEscape(explain);
    html += "</li>\n";
  }
  const std::string council_heading = en ? "In the council" : "In de raad";
  if (!council_text.empty()) t += "\n" + council_heading + ":\n" + council_text;
  t += "\n" + why + "\n" + settings + "\n";

  mail.html = "<!doctype html>\n<html lang=\"" + std::string(ToTag(s.language)) +
              "\"><head><meta charset=\"utf-8\"><title>" + HtmlEscape(mail.subject) +
              "</title></head>\n<body style=\"font-family:Arial,sans-serif;font-size:16px;"
              "line-height:1.5;color:#1a1a1a;max-width:600px\">\n<p>" +
              HtmlEscape(hello) + "</p>\n<p>" + HtmlEscape(intro) + "</p>\n";
  if (!list.empty()) mail.html += "<ul>\n" + list + "</ul>\n";
  if (!council_list.empty()) {
    mail.html += "<h2 style=\"font-size:18px\">" + HtmlEscape(council_heading) + "</h2>\n<ul>\n" +
                 council_list + "</ul>\n";
  }
  mail.html += "<p style=\"color:#555555;font-size:14px\">" + HtmlEscape(why) + " <a href=\"" +
               HtmlEscape(settings) + "\">" + HtmlEscape(settings) + "</a></p>\n</body></html>\n";
  return mail;
}

}  // namespace aantafel::core::overview
