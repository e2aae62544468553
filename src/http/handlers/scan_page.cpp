#include "http/handlers/scan_page.hpp"

#include <array>

#include "http/handlers/public_page.hpp"
#include "http/handlers/survey_page.hpp"

namespace aantafel::http {

using core::scans::Answer;
using core::scans::RespondentPage;

namespace {

const std::string& Pick(const core::calendar::Text& text, bool english) {
  return english ? text.en : text.nl;
}

}  // namespace

std::string ScanFormPage(const RespondentPage& page, const core::scans::ScanKnowledge& knowledge,
                         const std::string& token, bool english, const std::vector<Answer>& answers,
                         const std::map<std::string, core::FieldError>& problems) {
  const auto& tmpl = *page.tmpl;
  const std::string action = "/s/" + HtmlEscape(token);
  const auto& scale = english ? knowledge.scale_en : knowledge.scale_nl;
  std::map<std::string, const Answer*> given;
  for (const auto& a : answers) given[a.statement_id] = &a;

  std::string out =
      PublicPageHead(english, (problems.empty() ? "" : (english ? "Error: " : "Fout: ")) +
                                  Pick(tmpl.title, english));
  out += "<p class=\"lang\"><a href=\"" + action + (english ? "?lang=nl" : "?lang=en") +
         "\" lang=\"" + (english ? "nl" : "en") + "\" hreflang=\"" + (english ? "nl" : "en") +
         "\">" + (english ? "Nederlands" : "English") + "</a></p>";
  out += "<h1>" + HtmlEscape(page.scan.title) + "</h1>";
  out += "<p class=\"about\">" + HtmlEscape(Pick(tmpl.title, english)) + " · " +
         HtmlEscape(page.scan.collaboration) + "</p>";
  out += "<p>" + HtmlEscape(Pick(tmpl.intro, english)) + "</p>";
  out += "<p>" + std::string(english ? "You answer for: " : "U antwoordt voor: ") + "<strong>" +
         HtmlEscape(page.respondent.organisation) + "</strong>. " +
         (english ? "All statements need an answer; choose “"
                  : "Geef bij elke stelling een "
                    "antwoord; kies “") +
         HtmlEscape(Pick(knowledge.dont_know, english)) +
         (english ? "” if you cannot judge it. You can change your answers until the scan closes."
                  : "” als u het niet kunt beoordelen. U kunt uw antwoorden veranderen tot de scan "
                    "sluit.") +
         "</p>";
  if (page.respondent.submitted_at && problems.empty()) {
    out += english ? "<p class=\"hint\">Your earlier answers are filled in below.</p>"
                   : "<p class=\"hint\">Uw eerdere antwoorden staan hieronder al ingevuld.</p>";
  }
  if (!problems.empty()) {
    out += "<div class=\"problems\" role=\"alert\" tabindex=\"-1\" id=\"problems\"><h2>" +
           std::string(english ? "Please look at these statements:"
                               : "Kijk nog even naar deze stellingen:") +
           "</h2><ul>";
    int number = 0;
    for (const auto& d : tmpl.dimensions) {
      for (const auto& s : d.statements) {
        ++number;
        const bool missing = problems.contains("answers." + s.id);
        const bool long_comment = problems.contains("comments." + s.id);
        if (!missing && !long_comment) continue;
        out += "<li><a href=\"#" + std::string(missing ? "a-" : "c-") + s.id + "-1\">" +
               (english ? "Statement " : "Stelling ") + std::to_string(number) + ": " +
               (missing ? (english ? "choose an answer." : "kies een antwoord.")
                        : (english ? "the comment is too long (2000 characters at most)."
                                   : "de opmerking is te lang (hoogstens 2000 tekens).")) +
               "</a></li>";
      }
    }
    out += "</ul></div>";
  }
  out += "<form method=\"post\" action=\"" + action + "\">";
  out +=
      "<input type=\"hidden\" name=\"lang\" value=\"" + std::string(english ? "en" : "nl") + "\">";
  int number = 0;
  for (const auto& d : tmpl.dimensions) {
    out += "<h2>" + HtmlEscape(Pick(d.title, english)) + "</h2>";
    for (const auto& s : d.statements) {
      ++number;
      const auto it = given.find(s.id);
      const Answer* a = it == given.end() ? nullptr : it->second;
      const bool missing = problems.contains("answers." + s.id);
      const std::string n = std::to_string(number);
      out += "<fieldset class=\"statement\"";
      if (missing) out += " aria-describedby=\"e-" + s.id + "\"";
      out += "><legend><span class=\"n\">" + n + ".</span> " + HtmlEscape(Pick(s.text, english)) +
             "</legend>";
      if (missing) {
        out += "<p class=\"error\" id=\"e-" + s.id + "\">" +
               (english ? "Choose an answer." : "Kies een antwoord.") + "</p>";
      }
      out += "<div class=\"likert\">";
      for (int v = 1; v <= 6; ++v) {
        const bool dont_know = v == 6;
        const std::string id = "a-" + s.id + "-" + std::to_string(v);
        const bool checked = a != nullptr && (dont_know ? !a->score.has_value() : a->score == v);
        out += "<span><input type=\"radio\" name=\"a." + s.id + "\" id=\"" + id + "\" value=\"" +
               (dont_know ? std::string("dk") : std::to_string(v)) + "\"" +
               (checked ? " checked" : "") + "><label for=\"" + id + "\">" +
               (dont_know ? HtmlEscape(Pick(knowledge.dont_know, english))
                          : std::to_string(v) + " <small>" +
                                HtmlEscape(scale[static_cast<std::size_t>(v - 1)]) + "</small>") +
               "</label></span>";
      }
      out += "</div>";
      const bool long_comment = problems.contains("comments." + s.id);
      out += "<label class=\"comment\" for=\"c-" + s.id + "-1\">" +
             (english ? "Comment on statement " : "Opmerking bij stelling ") + n +
             " <span class=\"opt\">" + (english ? "(optional)" : "(niet verplicht)") +
             "</span></label>";
      out += "<textarea id=\"c-" + s.id + "-1\" name=\"c." + s.id +
             "\" rows=\"2\" maxlength=\"2000\"" + (long_comment ? " aria-invalid=\"true\"" : "") +
             ">" + (a != nullptr ? HtmlEscape(a->comment) : "") + "</textarea></fieldset>";
    }
  }
  out += "<button type=\"submit\">" +
         std::string(english ? "Save my answers" : "Mijn antwoorden bewaren") + "</button></form>";
  out += english ? "<p class=\"privacy\">Results are shown per organisation, and only when at "
                   "least three people of an organisation answered. Nobody sees your own "
                   "answers. We do not ask for your name.</p>"
                 : "<p class=\"privacy\">De uitkomsten worden per organisatie getoond, en alleen "
                   "als minstens drie mensen van een organisatie antwoordden. Niemand ziet uw "
                   "eigen antwoorden. Wij vragen niet naar uw naam.</p>";
  out += kPublicPageTail;
  return out;
}

std::string ScanThanksPage(const std::string& token, bool english) {
  std::string out = PublicPageHead(english, english ? "Thank you" : "Bedankt");
  out += english ? "<h1>Thank you, your answers are saved</h1>"
                   "<p>Until the scan closes you can open your link again to change them.</p>"
                 : "<h1>Bedankt, uw antwoorden zijn bewaard</h1>"
                   "<p>Tot de scan sluit kunt u uw link opnieuw openen om ze te veranderen.</p>";
  out += "<p><a href=\"/s/" + HtmlEscape(token) +
         (english ? "?lang=en\">Change my answers" : "\">Mijn antwoorden veranderen") + "</a></p>";
  out += kPublicPageTail;
  return out;
}

std::string ScanNoticePage(ScanNotice notice, bool english) {
  static constexpr std::array<PublicNotice, 5> kTexts{{
      {"Deze scan is gesloten",
       "U kunt de antwoorden niet meer veranderen. Bedankt voor uw moeite.", "This scan is closed",
       "The answers can no longer be changed. Thank you for your trouble."},
      {"Deze link is verlopen", "Vraag wie u uitnodigde om een nieuwe link.",
       "This link has expired", "Ask whoever invited you for a new link."},
      {"Deze link kennen wij niet", "Kijk of de link helemaal goed is overgenomen.",
       "We do not know this link", "Please check that the whole link was copied."},
      {"Even geduld",
       "Er komen nu te veel verzoeken tegelijk binnen. Probeer het over een minuut "
       "opnieuw.",
       "Please wait a moment",
       "Too many requests are arriving at once. Please try again in a "
       "minute."},
      {"Dat lukte niet",
       "Uw antwoorden konden nu niet worden bewaard. Ga terug en probeer het over "
       "een minuut opnieuw.",
       "That did not work",
       "Your answers could not be saved just now. Go back and try again in a "
       "minute."},
  }};
  return PublicNoticePage(kTexts[static_cast<std::size_t>(notice)], english);
}

}  // namespace aantafel::http
