#include "core/accounts/mails.hpp"

#include <array>
#include <cstdio>
#include <vector>

#include "core/civil_date.hpp"
#include "core/html.hpp"

namespace aantafel::core::accounts {

namespace {

bool English(Language language) { return language == Language::kEnglish; }

std::string RoleWord(Role role, Language language) {
  switch (role) {
    case Role::kOwner: return English(language) ? "owner" : "eigenaar";
    case Role::kEditor: return English(language) ? "editor" : "bewerker";
    case Role::kViewer: break;
  }
  return English(language) ? "reader" : "lezer";
}

}  // namespace

std::string DutchDateTime(Instant at, Language language) {
  static constexpr std::array<std::string_view, 12> kMonthsNl{
      "januari", "februari", "maart",     "april",   "mei",      "juni",
      "juli",    "augustus", "september", "oktober", "november", "december"};
  static constexpr std::array<std::string_view, 12> kMonthsEn{
      "January", "February", "March",     "April",   "May",      "June",
      "July",    "August",   "September", "October", "November", "December"};
  static constexpr std::array<std::string_view, 7> kDaysNl{
      "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"};
  static constexpr std::array<std::string_view, 7> kDaysEn{
      "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};
  const CivilDate date = DutchDate(at);
  const long days = date.DaysSinceEpoch();
  const auto weekday = static_cast<std::size_t>(((days % 7) + 7 + 3) % 7);  // 0 = Monday
  const auto seconds =
      std::chrono::duration_cast<std::chrono::seconds>(at.time_since_epoch()).count() +
      DutchUtcOffsetHours(at) * 3600L;
  const long minute_of_day = ((seconds / 60) % 1440 + 1440) % 1440;
  char clock[8];
  std::snprintf(clock, sizeof clock, "%02ld:%02ld", minute_of_day / 60, minute_of_day % 60);
  const auto month = static_cast<std::size_t>(date.month - 1);
  if (English(language)) {
    return std::string(kDaysEn[weekday]) + " " + std::to_string(date.day) + " " +
           std::string(kMonthsEn[month]) + " " + std::to_string(date.year) + " at " + clock;
  }
  return std::string(kDaysNl[weekday]) + " " + std::to_string(date.day) + " " +
         std::string(kMonthsNl[month]) + " " + std::to_string(date.year) + " om " + clock;
}

Mail ComposeInvitation(const InvitationMail& in) {
  const Language lang = in.language;
  const bool en = English(lang);
  const std::string who =
      in.inviter_name.empty() ? (en ? "A colleague" : "Een collega") : in.inviter_name;
  const std::string role = RoleWord(in.role, lang);
  const std::string until = DutchDateTime(in.expires_at, lang);
  Mail mail;
  mail.to = in.to;
  mail.subject = en ? "Invitation to " + in.workspace_name + " in aantafel"
                    : "Uitnodiging voor " + in.workspace_name + " in aantafel";
  std::vector<std::string> lines;
  if (en) {
    lines = {"Hello,",
             who + " invites you to work together in the workspace \"" + in.workspace_name +
                 "\" in aantafel, as " + role + ".",
             "aantafel helps care and welfare organisations work with municipalities: who is "
             "who, the right moment in the policy cycle, agreements and client feedback.",
             "Open this link to accept. You choose your name and a password there (or sign in "
             "if you already have an account):",
             "The link works once, until " + until + " (Dutch time).",
             "Not expecting this? Then you can ignore this e-mail: nothing happens without you."};
  } else {
    lines = {
        "Hallo,",
        who + " nodigt je uit om samen te werken in de werkruimte \"" + in.workspace_name +
            "\" in aantafel, als " + role + ".",
        "aantafel helpt zorg- en welzijnsorganisaties om samen te werken met gemeenten: wie "
        "is wie, het goede moment in de beleidscyclus, afspraken en feedback van cliënten.",
        "Open deze link om de uitnodiging aan te nemen. Daar kies je je naam en een "
        "wachtwoord (of je logt in als je al een account hebt):",
        "De link werkt één keer, tot " + until + ".",
        "Verwachtte je dit niet? Dan kun je deze e-mail negeren: zonder jou gebeurt er niets."};
  }
  const std::string other =
      en ? "Nederlands: " + who + " nodigt je uit voor \"" + in.workspace_name +
               "\" in aantafel. Open de link hierboven om de uitnodiging aan te nemen."
         : "English: " + who + " invites you to \"" + in.workspace_name +
               "\" in aantafel. Open the link above to accept.";

  mail.text = lines[0] + "\n\n" + lines[1] + "\n\n" + lines[2] + "\n\n" + lines[3] + "\n" +
              in.link + "\n\n" + lines[4] + "\n\n" + lines[5] + "\n\n-- \n" + other + "\n";

  MailHtml html;
  for (std::size_t i = 0; i < 4; ++i) html.Paragraph(lines[i]);
  html.Button(en ? "Accept the invitation" : "Uitnodiging aannemen", in.link);
  html.Small(lines[4]);
  html.Small((en ? "Or copy this link: " : "Of kopieer deze link: ") + in.link);
  html.Small(lines[5]);
  html.Small(other);
  mail.html = html.Page(lang, mail.subject);
  return mail;
}

Mail ComposePasswordReset(const PasswordResetMail& in) {
  const bool en = English(in.language);
  const std::string minutes = std::to_string(in.valid_minutes);
  Mail mail;
  mail.to = in.to;
  mail.subject =
      en ? "Choose a new password for aantafel" : "Kies een nieuw wachtwoord voor aantafel";
  std::vector<std::string> lines;
  if (en) {
    lines = {"Hello " + in.name + ",",
             "Someone asked to choose a new password for your aantafel account. Open this link "
             "to do so:",
             "The link works once, for " + minutes +
                 " minutes. After the change, you are signed "
                 "out everywhere else.",
             "Did you not ask for this? Then ignore this e-mail: your password stays the same."};
  } else {
    lines = {"Hallo " + in.name + ",",
             "Iemand vroeg om een nieuw wachtwoord voor je account in aantafel. Open deze link "
             "om een nieuw wachtwoord te kiezen:",
             "De link werkt één keer, " + minutes +
                 " minuten lang. Na de wijziging ben je "
                 "overal anders uitgelogd.",
             "Vroeg je hier niet om? Dan kun je deze e-mail negeren: je wachtwoord blijft "
             "hetzelfde."};
  }
  mail.text =
      lines[0] + "\n\n" + lines[1] + "\n" + in.link + "\n\n" + lines[2] + "\n\n" + lines[3] + "\n";
  MailHtml html;
  html.Paragraph(lines[0]);
  html.Paragraph(lines[1]);
  html.Button(en ? "Choose a new password" : "Nieuw wachtwoord kiezen", in.link);
  html.Small(lines[2]);
  html.Small((en ? "Or copy this link: " : "Of kopieer deze link: ") + in.link);
  html.Small(lines[3]);
  mail.html = html.Page(in.language, mail.subject);
  return mail;
}

}  // namespace aantafel::core::accounts
