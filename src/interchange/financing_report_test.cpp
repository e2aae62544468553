// The Bekostiging exports: the summary table in Dutch and English notation and the chart.
#include "interchange/financing_report.hpp"

#include <gtest/gtest.h>

namespace aantafel::interchange {
namespace {

using core::financing::Distribution;
using core::financing::Summary;
using core::financing::VariantSummary;

Distribution Spread(double p5, double p50, double p95) {
  return {.count = 100, .mean = p50, .min = p5, .p5 = p5, .p50 = p50, .p95 = p95, .max = p95};
}

Summary TwoVariants() {
  Summary s;
  s.runs = s.runs_done = 1000;
  s.seed = 42;
  s.clients = Spread(480, 500, 520);
  VariantSummary pxq{.name = "PxQ", .form = "effort_based"};
  pxq.revenue = Spread(900000, 1000000, 1234567.891);
  pxq.margin = Spread(-25000.5, 10000, 60000);
  pxq.spending = pxq.revenue;
  pxq.loss_probability = 0.1234;
  pxq.over_budget_probability = 0.5;
  VariantSummary lump{.name = "Lump & <sum>", .form = "task_based"};
  lump.revenue = Spread(1000000, 1000000, 1000000);
  lump.margin = Spread(-100000, 0, 50000);
  lump.spending = lump.revenue;
  // cost per result stays undefined (count 0) for both: no row, "not defined" in the chart
  s.variants = {pxq, lump};
  return s;
}

const std::vector<std::string>* Row(const Table& t, const std::string& variant,
                                    const std::string& output) {
  for (const auto& row : t.rows) {
    if (row[1] == variant && row[3] == output) return &row;
  }
  return nullptr;
}

TEST(FinancingReport, TheTableUsesTheLanguagesNumberNotationAndLeavesOutUndefinedOutputs) {
  const Summary s = TwoVariants();
  const Table nl = FinancingSummaryTable(s, "Wmo 2028", ExportLanguage::kDutch);
  const auto* revenue = Row(nl, "PxQ", "Omzet aanbieder");
  ASSERT_NE(revenue, nullptr);
  EXPECT_EQ((*revenue)[0], "Wmo 2028");
  EXPECT_EQ((*revenue)[2], "Inspanningsgericht (PxQ)");
  EXPECT_EQ((*revenue)[7], "1.234.567,89");
  EXPECT_EQ((*Row(nl, "PxQ", "Marge aanbieder"))[5], "-25.000,50");
  EXPECT_EQ((*Row(nl, "PxQ", "Kans op verlies (%)"))[4], "12,3");
  EXPECT_EQ(Row(nl, "PxQ", "Kosten per resultaat"), nullptr);
  EXPECT_EQ((*Row(nl, "(alle varianten)", "Cliënten"))[6], "500,0");

  const Table en = FinancingSummaryTable(s, "Wmo 2028", ExportLanguage::kEnglish);
  EXPECT_EQ(en.headings[4], "Mean");
  EXPECT_EQ((*Row(en, "PxQ", "Provider revenue"))[7], "1,234,567.89");
  EXPECT_EQ((*Row(en, "Lump & <sum>", "Probability of exceeding the budget (%)"))[4], "0.0");
}

TEST(FinancingReport, TheChartEscapesNamesAndDescribesEveryVariant) {
  const std::string svg = FinancingChartSvg(TwoVariants(), FinancingOutput::kMargin, "Wmo <2028>",
                                            ExportLanguage::kDutch);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U);
  EXPECT_NE(svg.find("<title>Wmo &lt;2028&gt; — Marge aanbieder"), std::string::npos);
  EXPECT_NE(svg.find("Lump &amp; &lt;sum&gt;"), std::string::npos);
  EXPECT_EQ(svg.find("<sum>"), std::string::npos);
  EXPECT_NE(svg.find("P5 -€ 25.001"), std::string::npos) << "rounded euros, minus before the sign";
  EXPECT_NE(svg.find("<desc>PxQ: P5 -€ 25.001, P50 € 10.000, P95 € 60.000."), std::string::npos);
  EXPECT_NE(svg.find("seed 42"), std::string::npos);
  EXPECT_NE(svg.find("stroke-dasharray"), std::string::npos) << "the zero line is marked";
  EXPECT_TRUE(svg.ends_with("</svg>\n"));

  const std::string none = FinancingChartSvg(TwoVariants(), FinancingOutput::kCostPerResult, "x",
                                             ExportLanguage::kEnglish);
  EXPECT_NE(none.find("not defined"), std::string::npos);
}

TEST(FinancingReport, OutputsParseByTheirApiNames) {
  EXPECT_EQ(ParseFinancingOutput("cost_per_client"), FinancingOutput::kCostPerClient);
  EXPECT_EQ(ParseFinancingOutput("Margin"), std::nullopt);
  EXPECT_EQ(ParseFinancingOutput(""), std::nullopt);
}

}  // namespace
}  // namespace aantafel::interchange
