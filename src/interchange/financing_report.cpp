#include "interchange/financing_report.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdio>
#include <vector>

#include "interchange/xml_text.hpp"

namespace aantafel::interchange {

using core::financing::Distribution;
using core::financing::Summary;
using core::financing::VariantSummary;

namespace {

bool English(ExportLanguage language) { return language == ExportLanguage::kEnglish; }

/// `value` with `decimals` decimals and thousands separators: "1.234.567,89" (Dutch) or
/// "1,234,567.89" (English).
std::string FormatNumber(double value, int decimals, ExportLanguage language) {
  if (!std::isfinite(value)) return "";
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%.*f", decimals, std::fabs(value));
  std::string digits(buffer);
  const auto dot = digits.find('.');
  const std::string whole = digits.substr(0, dot);
  const std::string fraction = dot == std::string::npos ? "" : digits.substr(dot + 1);
  const char group = English(language) ? ',' : '.';
  const char point = English(language) ? '.' : ',';
  std::string out;
  for (std::size_t i = 0; i < whole.size(); ++i) {
    if (i > 0 && (whole.size() - i) % 3 == 0) out += group;
    out += whole[i];
  }
  if (!fraction.empty()) {
    out += point;
    out += fraction;
  }
  const bool negative = value < 0 && std::any_of(digits.begin(), digits.end(),
                                                 [](char c) { return c >= '1' && c <= '9'; });
  return negative ? "-" + out : out;
}

std::string Euros(double value, ExportLanguage language) {
  const std::string number = FormatNumber(std::round(value), 0, language);
  if (number.starts_with('-')) return "-€ " + number.substr(1);
  return "€ " + number;
}

std::string_view FormLabel(std::string_view form, ExportLanguage language) {
  const bool en = English(language);
  if (form == "effort_based") return en ? "Effort-based (P×Q)" : "Inspanningsgericht (PxQ)";
  if (form == "output_based") return en ? "Output-based" : "Outputgericht";
  if (form == "task_based") return en ? "Task-based (lump sum)" : "Taakgericht (lumpsum)";
  if (form == "combined") return en ? "Combined" : "Combinatie";
  return form;
}

struct OutputInfo {
  FinancingOutput output;
  std::string_view key;
  std::string_view dutch;
  std::string_view english;
  const Distribution VariantSummary::*field;
};

constexpr std::array kOutputs{
    OutputInfo{FinancingOutput::kRevenue, "revenue", "Omzet aanbieder", "Provider revenue",
               &VariantSummary::revenue},
    OutputInfo{FinancingOutput::kMargin, "margin", "Marge aanbieder", "Provider margin",
               &VariantSummary::margin},
    OutputInfo{FinancingOutput::kSpending, "spending", "Uitgaven gemeente", "Municipality spending",
               &VariantSummary::spending},
    OutputInfo{FinancingOutput::kCostPerClient, "cost_per_client", "Kosten per cliënt",
               "Cost per client", &VariantSummary::cost_per_client},
    OutputInfo{FinancingOutput::kCostPerResult, "cost_per_result", "Kosten per resultaat",
               "Cost per result", &VariantSummary::cost_per_result},
};

const OutputInfo& InfoOf(FinancingOutput output) {
  return *std::find_if(kOutputs.begin(), kOutputs.end(),
                       [output](const OutputInfo& i) { return i.output == output; });
}

std::string_view Label(const OutputInfo& info, ExportLanguage language) {
  return English(language) ? info.english : info.dutch;
}

/// About `target` round steps (1, 2 or 5 × 10^k) covering [lo, hi].
double TickStep(double lo, double hi, int target) {
  const double span = hi - lo;
  if (!(span > 0)) return 1.0;
  const double raw = span / target;
  const double magnitude = std::pow(10.0, std::floor(std::log10(raw)));
  for (const double m : {1.0, 2.0, 5.0, 10.0}) {
    if (m * magnitude >= raw) return m * magnitude;
  }
  return 10.0 * magnitude;
}

void Text(std::string& svg, double x, double y, std::string_view anchor, int size,
          std::string_view weight, std::string_view text) {
  char head[160];
  std::snprintf(head, sizeof head,
                "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%.*s\" font-size=\"%d\" "
                "font-weight=\"%.*s\">",
                x, y, static_cast<int>(anchor.size()), anchor.data(), size,
                static_cast<int>(weight.size()), weight.data());
  svg += head;
  AppendXmlEscaped(svg, text);
  svg += "</text>\n";
}

}  // namespace

std::optional<FinancingOutput> ParseFinancingOutput(std::string_view text) {
  for (const auto& info : kOutputs) {
    if (info.key == text) return info.output;
  }
  return std::nullopt;
}

Table FinancingSummaryTable(const Summary& summary, std::string_view title,
                            ExportLanguage language) {
  const bool en = English(language);
  Table table;
  table.sheet = en ? "Financing" : "Bekostiging";
  table.headings = {en ? "Scenario" : "Scenario",
                    en ? "Variant" : "Variant",
                    en ? "Form" : "Vorm",
                    en ? "Output" : "Uitkomst",
                    en ? "Mean" : "Gemiddelde",
                    "P5",
                    en ? "P50 (median)" : "P50 (mediaan)",
                    "P95"};
  table.widths = {24, 20, 24, 26, 14, 14, 14, 14};
  const std::string all = en ? "(all variants)" : "(alle varianten)";
  auto add = [&](const std::string& variant, std::string_view form, std::string_view output,
                 const Distribution& d, int decimals) {
    table.rows.push_back(
        {std::string(title), variant, std::string(form), std::string(output),
         FormatNumber(d.mean, decimals, language), FormatNumber(d.p5, decimals, language),
         FormatNumber(d.p50, decimals, language), FormatNumber(d.p95, decimals, language)});
  };
  add(all, "", en ? "Clients" : "Cliënten", summary.clients, 1);
  add(all, "", en ? "Units per client" : "Eenheden per cliënt", summary.units_per_client, 2);
  add(all, "", en ? "Share of clients with the result" : "Aandeel cliënten met resultaat",
      summary.result_share, 3);
  for (const auto& v : summary.variants) {
    const std::string_view form = FormLabel(v.form, language);
    for (const auto& info : kOutputs) {
      const Distribution& d = v.*(info.field);
      if (d.count == 0) continue;  // e.g. no run had a result: cost per result is undefined
      add(v.name, form, Label(info, language), d, 2);
    }
    auto probability = [&](std::string_view label, double p) {
      table.rows.push_back({std::string(title), v.name, std::string(form), std::string(label),
                            FormatNumber(100.0 * p, 1, language), "", "", ""});
    };
    probability(en ? "Probability of a loss (%)" : "Kans op verlies (%)", v.loss_probability);
    probability(en ? "Probability of exceeding the budget (%)" : "Kans op budgetoverschrijding (%)",
                v.over_budget_probability);
  }
  return table;
}

std::string FinancingChartSvg(const Summary& summary, FinancingOutput output,
                              std::string_view title, ExportLanguage language) {
  const OutputInfo& info = InfoOf(output);
  const bool en = English(language);
  constexpr double kWidth = 760;
  constexpr double kLeft = 190;  // variant names
  constexpr double kRight = 30;
  constexpr double kTop = 64;
  constexpr double kRow = 64;
  constexpr double kBar = 18;
  const double plot_width = kWidth - kLeft - kRight;
  const auto& variants = summary.variants;
  const double height =
      kTop + kRow * static_cast<double>(std::max<std::size_t>(1, variants.size())) + 48;

  double lo = 0.0;
  double hi = 0.0;
  for (const auto& v : variants) {
    const Distribution& d = v.*(info.field);
    if (d.count == 0) continue;
    lo = std::min(lo, d.p5);
    hi = std::max(hi, d.p95);
  }
  const double step = TickStep(lo, hi, 5);
  lo = std::floor(lo / step) * step;
  hi = std::ceil(hi / step) * step;
  if (hi <= lo) hi = lo + step;
  auto x_of = [&](double value) { return kLeft + (value - lo) / (hi - lo) * plot_width; };

  const std::string heading =
      std::string(Label(info, language)) + (en ? ": P5–P95 and median" : ": P5–P95 en mediaan");
  std::string svg;
  char buffer[256];
  std::snprintf(
      buffer, sizeof buffer,
      "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %.0f %.0f\" width=\"%.0f\" "
      "height=\"%.0f\" role=\"img\" font-family=\"Arial, Helvetica, sans-serif\" "
      "fill=\"#1a1a1a\">\n",
      kWidth, height, kWidth, height);
  svg += buffer;
  svg += "<title>";
  AppendXmlEscaped(svg, std::string(title) + " — " + heading);
  svg += "</title>\n<desc>";
  std::string desc;
  for (const auto& v : variants) {
    const Distribution& d = v.*(info.field);
    desc += v.name + ": ";
    desc += d.count == 0 ? (en ? "not defined" : "niet bepaald")
                         : "P5 " + Euros(d.p5, language) + ", P50 " + Euros(d.p50, language) +
                               ", P95 " + Euros(d.p95, language);
    desc += ". ";
  }
  AppendXmlEscaped(svg, desc);
  svg += "</desc>\n<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
  Text(svg, 16, 26, "start", 16, "bold", title);
  Text(svg, 16, 46, "start", 13, "normal", heading);

  // Grid and axis labels.
  const double axis_y =
      kTop + kRow * static_cast<double>(std::max<std::size_t>(1, variants.size()));
  for (double t = lo; t <= hi + step / 2; t += step) {
    const double x = x_of(t);
    std::snprintf(buffer, sizeof buffer,
                  "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                  "stroke-width=\"1\"%s/>\n",
                  x, kTop - 8, x, axis_y, std::fabs(t) < step / 2 ? "#4d4d4d" : "#d0d0d0",
                  std::fabs(t) < step / 2 ? " stroke-dasharray=\"4 3\"" : "");
    svg += buffer;
    Text(svg, x, axis_y + 18, "middle", 11, "normal", Euros(t, language));
  }

  for (std::size_t i = 0; i < variants.size(); ++i) {
    const VariantSummary& v = variants[i];
    const Distribution& d = v.*(info.field);
    const double y = kTop + kRow * static_cast<double>(i);
    Text(svg, kLeft - 12, y + 16, "end", 13, "bold", v.name);
    Text(svg, kLeft - 12, y + 32, "end", 11, "normal", FormLabel(v.form, language));
    if (d.count == 0) {
      Text(svg, kLeft + 8, y + 20, "start", 12, "normal", en ? "not defined" : "niet bepaald");
      continue;
    }
    const double x5 = x_of(d.p5);
    const double x95 = x_of(d.p95);
    const double x50 = x_of(d.p50);
    std::snprintf(buffer, sizeof buffer,
                  "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#1f5fa8\" "
                  "rx=\"2\"/>\n<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" "
                  "stroke=\"#1a1a1a\" stroke-width=\"3\"/>\n",
                  x5, y + 4, std::max(2.0, x95 - x5), kBar, x50, y, x50, y + 4 + kBar + 4);
    svg += buffer;
    Text(svg, kLeft, y + 4 + kBar + 18, "start", 11, "normal",
         "P5 " + Euros(d.p5, language) + "  ·  P50 " + Euros(d.p50, language) + "  ·  P95 " +
             Euros(d.p95, language));
  }
  Text(svg, 16, height - 10, "start", 10, "normal",
       (en ? "Simulated runs: " : "Gesimuleerde scenario's: ") +
           FormatNumber(static_cast<double>(summary.runs_done), 0, language) + " · seed " +
           std::to_string(summary.seed));
  svg += "</svg>\n";
  return svg;
}

}  // namespace aantafel::interchange
