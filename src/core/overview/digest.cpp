#include "core/overview/digest.hpp"

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
  Mail mail;
  mail.to = s.email;
  const std::string when = s.frequency == DigestFrequency::kWeekly ? "deze week" : "vandaag";
  mail.subject = items.empty() ? "aantafel: niets dringends " + when + " (" + s.workspace_name + ")"
                               : "aantafel: " + std::to_string(items.size()) + " " +
                                     (items.size() == 1 ? "punt" : "punten") + " voor " + when +
                                     " (" + s.workspace_name + ")";
  std::string& t = mail.text;
  t += "Hallo " + s.name + ",\n\n";
  if (items.empty()) {
    t += "Er staat " + when + " niets dringends voor u klaar in " + s.workspace_name + ".\n";
  } else {
    t += "Dit vraagt " + when + " uw aandacht in " + s.workspace_name + " (" + today.ToString() +
         "):\n\n";
    for (std::size_t i = 0; i < items.size(); ++i) {
      t += "- " + items[i].title + "\n";
      if (i < explains.size() && !explains[i].empty()) t += "  " + explains[i] + "\n";
      t += "  " + std::string(app_url) + "/w/" + s.workspace_slug + "/" + items[i].link + "\n";
    }
  }
  t += "\nU krijgt deze e-mail omdat u een " +
       std::string(s.frequency == DigestFrequency::kWeekly ? "wekelijkse" : "dagelijkse") +
       " samenvatting koos. Uitzetten kan in aantafel bij Instellingen:\n" + std::string(app_url) +
       "/w/" + s.workspace_slug + "/settings\n";
  return mail;
}

}  // namespace aantafel::core::overview
