#include "figures/figures.h"

#include <gtest/gtest.h>

#include "tables/text_tables.h"
#include "test_util.h"
#include "util/number.h"

namespace gongkai {
namespace {

struct Read {
  Document doc;
  TableFigures figures;
  std::optional<double> Get(const std::string& key) const {
    for (const Figure& f : figures.figures) {
      if (f.key == key) return f.value;
    }
    ADD_FAILURE() << "no figure " << key;
    return std::nullopt;
  }
  bool Has(const std::string& key) const {
    for (const Figure& f : figures.figures) {
      if (f.key == key) return true;
    }
    return false;
  }
  int Count(const std::string& code) const {
    int n = 0;
    for (const Diagnostic& d : figures.diagnostics) n += d.code == code ? 1 : 0;
    return n;
  }
};

std::unique_ptr<Read> ReadText(const std::string& table, const std::string& text) {
  auto r = std::make_unique<Read>();
  r->doc = testing::MakeDocument(text);
  std::vector<SpanLine> lines;
  for (const Line& l : r->doc.lines) lines.push_back({&l, l.norm});
  TableGrid grid = BuildTextGrid(table, lines);
  r->figures = ReadTableBestTemplate(grid, testing::SharedGrammars().ForTable(table), "");
  return r;
}

const char* kRequests2021 =
    "\t\t自然人\t法人或其他组织\t\t\t\t\t总计\n"
    "一、本年新收政府信息公开申请数量\t\t5\t1\t0\t0\t0\t0\t6\n"
    "二、上年结转政府信息公开申请数量\t\t1\t0\t0\t0\t0\t0\t1\n"
    "三、本年度办理结果\t(一) 予以公开\t\t3\t1\t0\t0\t0\t0\t4\n"
    "\t(二) 部分公开(区分处理的，只计这一情形，不计其他情形)\t\t1\t0\t0\t0\t0\t0\t1\n"
    "\t(三) 不予公开\t1. 属于国家秘密\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t2. 其他法律行政法规禁止公开\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t3. 危及“三安全一稳定”\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t4. 保护第三方合法权益\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t5. 属于三类内部事务信息\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t6. 属于四类过程性信息\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t7. 属于行政执法案卷\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t8. 属于行政查询事项\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t(四) 无法提供\t1. 本机关不掌握相关政府信息\t\t1\t0\t0\t0\t0\t0\t1\n"
    "\t\t2. 没有现成信息需要另行制作\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t3. 补正后申请内容仍不明确\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t(五) 不予处理\t1. 信访举报投诉类申请\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t2. 重复申请\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t3. 要求提供公开出版物\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t4. 无正当理由大量反复申请\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t5. 要求行政机关确认或重新出具已获取信息\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t(六) 其他处理\t1. "
    "申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t\t2. 申请人逾期未按收费通知要求缴纳\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t费用、行政机关不再处理其政府信息公开申请\t\t\t\t\t\t\t\t\n"
    "\t\t3. 其他\t\t0\t0\t0\t0\t0\t0\t0\n"
    "\t(七) 总计\t5\t1\t0\t0\t0\t0\t6\n"
    "四、结转下年度继续办理\t\t1\t0\t0\t0\t0\t0\t1\n";

TEST(Figures, Requests2021FromTabs) {
  auto r = ReadText("requests", kRequests2021);
  EXPECT_EQ(r->figures.template_id, "2021");
  EXPECT_EQ(r->figures.figures.size(), 25u * 7u);
  EXPECT_EQ(r->Get("requests.received.natural"), 5);
  EXPECT_EQ(r->Get("requests.received.total"), 6);
  EXPECT_EQ(r->Get("requests.granted.commercial"), 1);
  EXPECT_EQ(r->Get("requests.unavailable.not_held.natural"), 1);
  EXPECT_EQ(r->Get("requests.other.other.total"), 0);
  EXPECT_EQ(r->Get("requests.total.total"), 6);
  EXPECT_EQ(r->Get("requests.carried_forward.natural"), 1);
  EXPECT_EQ(r->Count("row.missing"), 0);
  EXPECT_EQ(r->Count("row.unmatched"), 0);
  // The wrapped label completes 「2.申请人逾期未按收费通知要求缴纳」 into the official one.
  EXPECT_EQ(r->Count("row.fuzzy_label"), 0);
}

TEST(Figures, Single2019OtherRowPicksThe2019Grammar) {
  std::string text = kRequests2021;
  size_t from = text.find("\t(六) 其他处理");
  size_t to = text.find("\t(七) 总计");
  text.replace(from, to - from, "\t(六) 其他处理\t\t0\t0\t0\t0\t0\t0\t0\n");
  auto r = ReadText("requests", text);
  EXPECT_EQ(r->figures.template_id, "2019");
  EXPECT_EQ(r->Get("requests.other.total"), 0);
  EXPECT_FALSE(r->Has("requests.other.other.total"));
  EXPECT_EQ(r->Count("row.missing"), 0);
}

TEST(Figures, ShortRowBlankLeadsInTabs) {
  std::string text = kRequests2021;
  std::string row =
      "\t(二) 部分公开(区分处理的，只计这一情形，不计其他情形)\t\t1\t0\t0\t0\t0\t0\t1\n";
  text.replace(text.find(row), row.size(),
               "\t(二) 部分公开(区分处理的，只计这一情形，不计其他情形)\t\t0\t0\t0\t0\t0\t1\n");
  auto r = ReadText("requests", text);
  EXPECT_EQ(r->Get("requests.partial.natural"), std::nullopt);
  EXPECT_EQ(r->Get("requests.partial.commercial"), 0);
  EXPECT_EQ(r->Get("requests.partial.total"), 1);
  EXPECT_GE(r->Count("cell.blank"), 1);
  EXPECT_EQ(r->Count("row.cells"), 0);
}

TEST(Figures, UnreadableLabelTakenByPosition) {
  std::string text = kRequests2021;
  std::string label = "5. 属于三类内部事务信息";
  text.replace(text.find(label), label.size(), "5. ####");
  auto r = ReadText("requests", text);
  EXPECT_EQ(r->Get("requests.denied.internal.total"), 0);
  EXPECT_EQ(r->Count("row.fuzzy_label"), 1);
  EXPECT_EQ(r->Count("row.unmatched"), 0);
}

TEST(Figures, Proactive2021AndSpacedLayout) {
  auto r = ReadText("proactive",
                    "信息内容  本年制发件数  本年废止件数  现行有效件数\n"
                    "规章  0  0  3\n规范性文件  3  1  8\n"
                    "信息内容  本年处理决定数量\n行政许可  447228\n"
                    "信息内容  本年处理决定数量\n行政处罚  3985758\n行政强制  88283\n"
                    "信息内容  本年收费金额（单位：万元）\n行政事业性收费  96171.6\n");
  EXPECT_EQ(r->figures.template_id, "2021");
  EXPECT_EQ(r->Get("proactive.rules.in_force"), 3);
  EXPECT_EQ(r->Get("proactive.normative_docs.repealed"), 1);
  EXPECT_EQ(r->Get("proactive.penalties.decisions"), 3985758);
  EXPECT_EQ(r->Get("proactive.fees.amount"), 96171.6);
  EXPECT_EQ(r->Count("row.fuzzy_label"), 1);  // 规范性文件 for 行政规范性文件
}

TEST(Figures, Proactive2019SignedAndUnits) {
  auto r = ReadText("proactive",
                    "信息内容\t本年新制作数量\t本年新公开数量\t对外公开总数量\n"
                    "规章\t0\t0\t0\n规范性文件\t10\t10\t77\n"
                    "信息内容\t上一年项目数量\t本年增/减\t处理决定数量\n"
                    "行政许可\t156\t-59\t97\n其他对外管理服务事项\t0\t+34\t636\n"
                    "行政处罚\t1\t-1\t0\n行政强制\t0\t0\t0\n"
                    "信息内容\t上一年项目数量\t本年增/减\n行政事业性收费\t1\t0\n"
                    "信息内容\t采购项目数量\t采购总金额\n政府集中采购\t22\t251000元\n");
  EXPECT_EQ(r->figures.template_id, "2019");
  EXPECT_EQ(r->Get("proactive.licensing.change"), -59);
  EXPECT_EQ(r->Get("proactive.other_services.change"), 34);
  EXPECT_EQ(r->Get("proactive.procurement.amount"), 25.1);
  EXPECT_EQ(r->Count("unit.converted"), 1);
}

TEST(Figures, AppealsOneRowOfFifteen) {
  auto r = ReadText(
      "appeals",
      "行政复议\t\t\t\t\t行政诉讼\n"
      "结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t未经复议直接起诉\t\t\t\t\t复议后起诉\n"
      "\t\t\t\t\t结果维持\t结果纠正\t其他结果\t尚未审结\t总计\t结果维持\t结果纠正\t其他结果\t尚未审"
      "结\t总计\n"
      "72\t64\t178\t37\t351\t10\t2\t3\t11\t26\t5\t6\t4\t5\t20\n");
  EXPECT_EQ(r->Get("appeals.review.total"), 351);
  EXPECT_EQ(r->Get("appeals.suit_direct.pending"), 11);
  EXPECT_EQ(r->Get("appeals.suit_after_review.total"), 20);
  EXPECT_EQ(r->figures.figures.size(), 15u);
}

TEST(Figures, AppealsOneLabelledRowPerBlock) {
  auto r = ReadText("appeals",
                    "  结果维持  结果纠正  其他结果  尚未审结  总计\n"
                    "行政复议  1  0  0  0  1\n未经复议直接起诉  0  0  0  0  0\n"
                    "复议后起诉  0  1  0  0  1\n");
  EXPECT_EQ(r->Get("appeals.review.upheld"), 1);
  EXPECT_EQ(r->Get("appeals.suit_after_review.corrected"), 1);
}

TEST(Figures, AppealsWithWrongCellCountIsAnError) {
  auto r = ReadText("appeals", "行政复议  行政诉讼\n0 0 0 0 0 0 0\n");
  EXPECT_TRUE(r->figures.figures.empty());
  EXPECT_EQ(r->Count("table.cells"), 1);
}

}  // namespace
}  // namespace gongkai
