#include "core/feedback/model.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/enum_names.hpp"
#include "core/validation.hpp"

namespace aantafel::core::feedback {

namespace {

template <typename E, std::size_t N>
using Names = EnumNames<E, N>;

constexpr Names<Law, 5> kLaws{{{Law::kWmo, "wmo"},
                               {Law::kJeugdwet, "jeugdwet"},
                               {Law::kWlz, "wlz"},
                               {Law::kZvw, "zvw"},
                               {Law::kNone, "none"}}};
constexpr Names<Channel, 5> kChannels{{{Channel::kLink, "link"},
                                       {Channel::kQr, "qr"},
                                       {Channel::kSms, "sms"},
                                       {Channel::kEmail, "email"},
                                       {Channel::kTablet, "tablet"}}};
constexpr Names<Category, 3> kCategories{{{Category::kDetractor, "detractor"},
                                          {Category::kPassive, "passive"},
                                          {Category::kPromoter, "promoter"}}};
constexpr Names<CallbackStatus, 5> kStatuses{{{CallbackStatus::kOpen, "open"},
                                              {CallbackStatus::kCalled, "called"},
                                              {CallbackStatus::kDone, "done"},
                                              {CallbackStatus::kUnreachable, "unreachable"},
                                              {CallbackStatus::kNotNeeded, "not_needed"}}};

const std::array<std::pair<const char*, std::string Questions::*>, 8> kQuestionKeys{{
    {"recommend_nl", &Questions::recommend_nl},
    {"recommend_en", &Questions::recommend_en},
    {"why_nl", &Questions::why_nl},
    {"why_en", &Questions::why_en},
    {"better_nl", &Questions::better_nl},
    {"better_en", &Questions::better_en},
    {"callback_nl", &Questions::callback_nl},
    {"callback_en", &Questions::callback_en},
}};

bool AllDigits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

}  // namespace

std::string_view ToString(Law law) { return NameOf(kLaws, law); }
std::string_view ToString(Channel channel) { return NameOf(kChannels, channel); }
std::string_view ToString(Category category) { return NameOf(kCategories, category); }
std::string_view ToString(CallbackStatus status) { return NameOf(kStatuses, status); }
std::optional<Law> ParseLaw(std::string_view text) { return ValueOf(kLaws, text); }
std::optional<Channel> ParseChannel(std::string_view text) { return ValueOf(kChannels, text); }
std::optional<Category> ParseCategory(std::string_view text) { return ValueOf(kCategories, text); }
std::optional<CallbackStatus> ParseCallbackStatus(std::string_view text) {
  return ValueOf(kStatuses, text);
}

Category CategoryOf(int score) {
  if (score >= 9) return Category::kPromoter;
  if (score >= 7) return Category::kPassive;
  return Category::kDetractor;
}

Questions StandardQuestions() {
  // Our own B1 wording of the four questions proposed in the client-experience article
  // (shared/domain/sources); "{service}" becomes the survey's service, or "ons"/"us".
  return Questions{
      .recommend_nl =
          "Stel: iemand uit uw familie of een vriend vraagt naar uw laatste contact "
          "met {service}. Hoe waarschijnlijk is het dat u er positief over vertelt?",
      .recommend_en =
          "Suppose a family member or friend asks about your last contact with "
          "{service}. How likely is it that you would speak positively about it?",
      .why_nl = "Waarom geeft u dit cijfer?",
      .why_en = "Why did you give this score?",
      .better_nl = "Wat kunnen wij beter doen?",
      .better_en = "What could we do better?",
      .callback_nl = "Mogen wij u bellen over uw antwoord? Dan horen wij graag meer.",
      .callback_en = "May we call you about your answer? We would like to hear more.",
  };
}

std::string EncodeQuestions(const Questions& q) {
  nlohmann::json out = nlohmann::json::object();
  for (const auto& [key, member] : kQuestionKeys) out[key] = q.*member;
  return out.dump();
}

std::optional<Questions> DecodeQuestions(std::string_view json_text) {
  const auto parsed = nlohmann::json::parse(json_text, nullptr, false);
  if (!parsed.is_object()) return std::nullopt;
  Questions q;
  for (const auto& [key, member] : kQuestionKeys) {
    const auto it = parsed.find(key);
    if (it == parsed.end() || !it->is_string()) return std::nullopt;
    q.*member = it->get<std::string>();
  }
  return q;
}

NpsEstimate EstimateNps(const NpsCounts& counts) {
  const auto n = counts.n();
  if (n == 0) return {};
  const double total = static_cast<double>(n);
  const double nps =
      (static_cast<double>(counts.promoters) - static_cast<double>(counts.detractors)) / total *
      100.0;
  const double adjusted_n = total + 3.0;
  const double pro = (static_cast<double>(counts.promoters) + 0.75) / adjusted_n;
  const double det = (static_cast<double>(counts.detractors) + 0.75) / adjusted_n;
  const double diff = pro - det;
  const double variance = (pro + det - diff * diff) / adjusted_n;
  const double margin = 1.959963984540054 * std::sqrt(variance);
  return NpsEstimate{.nps = nps,
                     .ci_low = std::max(-1.0, diff - margin) * 100.0,
                     .ci_high = std::min(1.0, diff + margin) * 100.0};
}

long LocalDay(Instant instant) { return DutchDate(instant).DaysSinceEpoch(); }

long WeekStart(long day) {
  const long weekday = ((day + 3) % 7 + 7) % 7;  // 1970-01-01 was a Thursday; Monday = 0
  return day - weekday;
}

long MonthStart(long day) {
  CivilDate date = CivilDate::FromDaysSinceEpoch(day);
  date.day = 1;
  return date.DaysSinceEpoch();
}

std::string IsoWeekLabel(long day) {
  const long thursday = WeekStart(day) + 3;
  const int year = CivilDate::FromDaysSinceEpoch(thursday).year;
  const long first = CivilDate{year, 1, 1}.DaysSinceEpoch();
  const long week = (thursday - first) / 7 + 1;
  char buffer[48];
  std::snprintf(buffer, sizeof buffer, "%04d-W%02ld", year, week);
  return buffer;
}

std::optional<std::string> NormalisePhone(std::string_view text) {
  std::string s;
  const std::string_view trimmed = TrimAscii(text);
  if (trimmed.size() > 40) return std::nullopt;
  std::string_view rest = trimmed;
  bool plus = false;
  if (!rest.empty() && rest.front() == '+') {
    plus = true;
    rest.remove_prefix(1);
  }
  for (std::size_t i = 0; i < rest.size(); ++i) {
    const char c = rest[i];
    if (c >= '0' && c <= '9') {
      s.push_back(c);
    } else if (c == ' ' || c == '-' || c == '.' || c == '/') {
      continue;
    } else if (c == '(' && i + 2 < rest.size() && rest[i + 1] == '0' && rest[i + 2] == ')') {
      i += 2;  // "+31 (0)6 …": the trunk zero in brackets is dropped
    } else if (c == '(' || c == ')') {
      continue;
    } else {
      return std::nullopt;
    }
  }
  if (!AllDigits(s)) return std::nullopt;
  if (!plus && s.starts_with("00")) {
    s.erase(0, 2);
    plus = true;
  }
  if (!plus) {
    // A Dutch national number: a trunk 0 and nine digits.
    if (s.size() != 10 || s[0] != '0' || s[1] == '0') return std::nullopt;
    return "+31" + s.substr(1);
  }
  if (s.starts_with("31")) {
    std::string national = s.substr(2);
    if (national.starts_with("0")) national.erase(0, 1);
    if (national.size() != 9) return std::nullopt;
    return "+31" + national;
  }
  if (s.size() < 8 || s.size() > 15 || s[0] == '0') return std::nullopt;
  return "+" + s;
}

std::optional<int> ParseScore(std::string_view text) {
  text = TrimAscii(text);
  int value = -1;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value < 0 || value > 10) {
    return std::nullopt;
  }
  return value;
}

std::optional<std::string> ClientKey(std::string_view phone_or_email) {
  const std::string_view trimmed = TrimAscii(phone_or_email);
  if (trimmed.find('@') != std::string_view::npos) {
    FieldErrors ignored;
    auto email = CheckEmail("client", trimmed, ignored);
    if (!email) return std::nullopt;
    return "email:" + *email;
  }
  auto phone = NormalisePhone(trimmed);
  if (!phone) return std::nullopt;
  return "phone:" + *phone;
}

}  // namespace aantafel::core::feedback
