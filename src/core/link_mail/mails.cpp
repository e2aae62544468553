#include "core/link_mail/mails.hpp"

#include <vector>

#include "core/accounts/mails.hpp"

namespace aantafel::core::link_mail {

namespace {

struct Text {
  std::string subject;
  std::vector<std::string> before;  ///< paragraphs before the button
  std::string button;
  std::vector<std::string> after;  ///< small print after the button
  std::string other;               ///< one line in the other language
};

Text ScanText(const LinkSubject& s, const std::string& until, bool en, bool reminder) {
  Text t;
  if (en) {
    t.subject =
        (reminder ? "Reminder: partnership scan \"" : "Partnership scan \"") + s.title + "\"";
    t.before = {"Hello,",
                reminder ? s.organisation +
                               " asked you a few days ago to take part in the "
                               "partnership scan \"" +
                               s.title + "\" about " + s.about +
                               ". We have not received your answers yet."
                         : s.organisation + " asks you to take part in the partnership scan \"" +
                               s.title + "\" about " + s.about + ".",
                "You answer statements about how the partnership works now. It takes about 10 "
                "minutes. You can change your answers as long as the scan is open."};
    t.button = "Open the scan";
    t.after = {"This link is for you only and works until " + until + " (Dutch time).",
               "Your name is not asked for. Results per organisation are only shown when at "
               "least three people of that organisation answered. Your e-mail address is only "
               "used for this invitation and at most one reminder."};
    t.other = "Nederlands: " + s.organisation +
              " vraagt u mee te doen aan de samenwerkingsscan \"" + s.title +
              "\". Open de link hierboven.";
  } else {
    t.subject =
        (reminder ? "Herinnering: samenwerkingsscan \"" : "Samenwerkingsscan \"") + s.title + "\"";
    t.before = {"Hallo,",
                reminder ? s.organisation +
                               " vroeg u een paar dagen geleden mee te doen aan de "
                               "samenwerkingsscan \"" +
                               s.title + "\" over " + s.about +
                               ". Wij hebben uw antwoorden nog niet ontvangen."
                         : s.organisation + " vraagt u mee te doen aan de samenwerkingsscan \"" +
                               s.title + "\" over " + s.about + ".",
                "U geeft bij stellingen aan hoe de samenwerking nu gaat. Dat duurt ongeveer 10 "
                "minuten. Zolang de scan open is, kunt u uw antwoorden nog veranderen."};
    t.button = "Scan openen";
    t.after = {"Deze link is alleen voor u en werkt tot " + until + ".",
               "Wij vragen niet om uw naam. Uitkomsten per organisatie tonen wij pas als minstens "
               "drie mensen van die organisatie antwoordden. Uw e-mailadres gebruiken wij alleen "
               "voor deze uitnodiging en hoogstens één herinnering."};
    t.other = "English: " + s.organisation + " asks you to take part in the partnership scan \"" +
              s.title + "\". Open the link above.";
  }
  return t;
}

Text SurveyText(const LinkSubject& s, const std::string& until, bool en, bool reminder) {
  Text t;
  if (en) {
    t.subject =
        (reminder ? "Reminder: how was your experience with " : "How was your experience with ") +
        s.about + "?";
    t.before = {"Hello,",
                reminder ? s.organisation +
                               " asked you a few days ago how you experience the care "
                               "or support of " +
                               s.about +
                               ". We have not received your answers yet. Your opinion helps "
                               "us improve."
                         : s.organisation +
                               " would like to know how you experience the care or "
                               "support of " +
                               s.about + ".",
                "There are four short questions. It takes about 2 minutes."};
    t.button = "Answer the questions";
    t.after = {"This link is for you only and works once, until " + until + " (Dutch time).",
               "Taking part is voluntary. Do you not want to? Then you can ignore this e-mail. "
               "Your e-mail address is only used for this question and at most one reminder."};
    t.other = "Nederlands: " + s.organisation + " vraagt hoe u de zorg of ondersteuning van " +
              s.about + " ervaart. Open de link hierboven.";
  } else {
    t.subject = (reminder ? "Herinnering: hoe was uw ervaring met " : "Hoe was uw ervaring met ") +
                s.about + "?";
    t.before = {"Hallo,",
                reminder ? s.organisation +
                               " vroeg u een paar dagen geleden hoe u de zorg of "
                               "ondersteuning van " +
                               s.about +
                               " ervaart. Wij hebben uw antwoorden nog niet ontvangen. Uw mening "
                               "helpt ons om beter te worden."
                         : s.organisation + " wil graag weten hoe u de zorg of ondersteuning van " +
                               s.about + " ervaart.",
                "Er zijn vier korte vragen. Het invullen duurt ongeveer 2 minuten."};
    t.button = "Vragen invullen";
    t.after = {"Deze link is alleen voor u en werkt één keer, tot " + until + ".",
               "Meedoen is vrijwillig. Wilt u niet meedoen? Dan kunt u deze e-mail negeren. Uw "
               "e-mailadres gebruiken wij alleen voor deze vraag en hoogstens één herinnering."};
    t.other = "English: " + s.organisation + " asks how you experience the care or support of " +
              s.about + ". Open the link above.";
  }
  return t;
}

}  // namespace

std::string LinkUrl(std::string_view public_url, LinkKind kind, std::string_view token) {
  std::string url(public_url);
  while (url.ends_with('/')) url.pop_back();
  return url + (kind == LinkKind::kScan ? "/s/" : "/f/") + std::string(token);
}

Mail ComposeLinkMail(const LinkSubject& subject, std::string_view to, std::string_view link,
                     Instant expires_at, Language language, bool reminder) {
  const bool en = language == Language::kEnglish;
  const std::string until = accounts::DutchDateTime(expires_at, language);
  const Text t = subject.kind == LinkKind::kScan ? ScanText(subject, until, en, reminder)
                                                 : SurveyText(subject, until, en, reminder);
  Mail mail;
  mail.to = std::string(to);
  mail.subject = t.subject;
  MailHtml html;
  for (const auto& paragraph : t.before) {
    mail.text += paragraph + "\n\n";
    html.Paragraph(paragraph);
  }
  mail.text += t.button + ":\n" + std::string(link) + "\n\n";
  html.Button(t.button, link);
  html.Small((en ? "Or copy this link: " : "Of kopieer deze link: ") + std::string(link));
  for (const auto& line : t.after) {
    mail.text += line + "\n\n";
    html.Small(line);
  }
  mail.text += "-- \n" + t.other + "\n";
  html.Small(t.other);
  mail.html = html.Page(language, mail.subject);
  return mail;
}

}  // namespace aantafel::core::link_mail
