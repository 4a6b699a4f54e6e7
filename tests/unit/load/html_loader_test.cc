#include "load/html_loader.h"

#include <gtest/gtest.h>

#include "load/loaders.h"
#include "normalize/normalize.h"
#include "tables/cell_grid_reader.h"

namespace gongkai {
namespace {

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines) out.push_back(l.text);
  return out;
}

Document Load(const std::string& html) {
  Document doc;
  Error error;
  EXPECT_TRUE(LoadHtml(html, &doc, &error)) << error.code << " " << error.message;
  return doc;
}

// A page as CMS sites print it: navigation, a breadcrumb naming another year's report, the
// article, a footer with an ICP number, scripts and styles around it.
const char kPage[] = R"(<!DOCTYPE html><html><head><meta charset="utf-8">
<title>某某县教育局2021年政府信息公开工作年度报告_某某县人民政府</title>
<style>td { color: red } .x:before { content: "二、主动公开政府信息情况" }</style>
<script>var s = "一、总体情况 规章 0 0 0";</script></head>
<body><div class="nav"><a href="/">首页</a><a href="/gk">政务公开</a><a href="/x">信息公开年报</a></div>
<div class="crumb">当前位置：<a href="/">首页</a> &gt; <a href="/n">2020年政府信息公开工作年度报告</a></div>
<div class="main"><h1>某某县教育局2021年政府信息公开工作年度报告</h1>
<div class="article"><!-- 三、收到和处理政府信息公开申请情况 -->
<p>本报告根据《中华人民共和国政府信息公开条例》要求编制，全文包括总体情况、主动公开政府信息情况等内容。</p>
<p>一、总体情况</p><p>2021年，我局认真贯彻落实政府信息公开工作要求，进一步加强组织领导，完善工作机制。</p>
<p>二、主动公开政府信息情况</p>
<table border="1"><tr><td colspan="4"><p><span>第二十条第（一）项</span></p></td></tr>
<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>
<tr><td><p><span>规章</span></p></td><td>0</td><td>&nbsp;</td><td>3</td></tr>
<tr><td>行政规范性<br>文件</td><td>5</td><td>—</td><td>22</td></tr></table>
<p>三、收到和处理政府信息公开申请情况</p><p><img src="/pic/t3.png" alt="表三"></p>
</div></div>
<div class="footer">主办单位：某某县人民政府办公室 ICP备05001234号 版权所有 联系电话：0000-1234567</div>
</body></html>)";

TEST(LoadHtml, FindsTheArticleByItsContent) {
  Document doc = Load(kPage);
  std::vector<std::string> texts = Texts(doc);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts.front(), "某某县教育局2021年政府信息公开工作年度报告");
  EXPECT_EQ(doc.page_title, "某某县教育局2021年政府信息公开工作年度报告");
  for (const std::string& t : texts) {
    EXPECT_EQ(t.find("ICP"), std::string::npos) << t;     // footer
    EXPECT_EQ(t.find("2020年"), std::string::npos) << t;  // breadcrumb
    EXPECT_EQ(t.find("var s"), std::string::npos) << t;   // script
    EXPECT_EQ(t.find("color"), std::string::npos) << t;   // style
  }
  // The comment's heading is no text; the real one is a line.
  int third = 0;
  for (const std::string& t : texts) third += t == "三、收到和处理政府信息公开申请情况";
  EXPECT_EQ(third, 1);
}

TEST(LoadHtml, DataTablesBecomeGridsWithSpans) {
  Document doc = Load(kPage);
  ASSERT_EQ(doc.grids.size(), 1u);
  const CellGrid& g = doc.grids[0];
  EXPECT_EQ(g.source, "html");
  EXPECT_EQ(g.rows, 4);
  EXPECT_EQ(g.cols, 4);
  ASSERT_NE(g.At(0, 3), nullptr);
  EXPECT_EQ(g.At(0, 3)->col_span, 4);
  EXPECT_EQ(g.At(0, 0)->text, "第二十条第（一）项");
  EXPECT_TRUE(g.At(1, 1)->header);
  EXPECT_EQ(g.At(3, 0)->text, "行政规范性文件");  // <br> inside a label joins it
  EXPECT_EQ(g.At(3, 0)->path, "table[1]/tr[4]/td[1]");
  // Row r of the grid is line first_line + r.
  EXPECT_EQ(doc.lines[g.first_line + 2].text, "规章\t0\t\t3");
  EXPECT_EQ(g.last_line, g.first_line + 3);
}

TEST(LoadHtml, PicturesAreKeptWhereTheyStand) {
  Document doc = Load(kPage);
  ASSERT_EQ(doc.pictures.size(), 1u);
  EXPECT_EQ(doc.pictures[0].src, "/pic/t3.png");
  EXPECT_EQ(doc.lines[doc.pictures[0].line - 1].text, "三、收到和处理政府信息公开申请情况");
}

TEST(LoadHtml, GridRowsReadAsLabelsAndValues) {
  Document doc = Load(kPage);
  Normalizer().NormalizeDocument(&doc);
  std::vector<Row> rows = CellGridRows(doc.grids[0], 0);
  ASSERT_EQ(rows.size(), 4u);
  ASSERT_EQ(rows[2].labels.size(), 1u);
  EXPECT_EQ(rows[2].labels[0].text, "规章");
  ASSERT_EQ(rows[2].values.size(), 3u);
  EXPECT_EQ(rows[2].values[0].text, "0");
  EXPECT_EQ(rows[2].values[1].kind, CellKind::kBlank);  // &nbsp;
  EXPECT_EQ(rows[3].values[1].kind, CellKind::kBlank);  // —
  EXPECT_EQ(rows[3].values[2].text, "22");
  EXPECT_EQ(rows[3].values[0].col, 1);
}

TEST(LoadHtml, CharsetFromMetaHttpEquiv) {
  // 「一、总体情况」 in GB18030, declared as gb2312 the old way.
  std::string page =
      "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\">"
      "</head><body><p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p></body></html>";
  EXPECT_EQ(DeclaredCharset(page), "gb2312");
  Document doc = Load(page);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"一、总体情况"}));
}

TEST(LoadHtml, UndeclaredLegacyPageIsReadAsGb18030) {
  std::string page =
      "<html><body><p>\xD2\xBB\xA1\xA2\xD7\xDC\xCC\xE5\xC7\xE9\xBF\xF6</p></body></html>";
  Document doc = Load(page);
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"一、总体情况"}));
}

TEST(LoadHtml, LayoutTablesFlowAsText) {
  Document doc = Load(
      "<html><body><table><tr><td><p>一、总体情况</p><table><tr><td>规章</td><td>1</td></tr>"
      "<tr><td>行政规范性文件</td><td>2</td></tr></table></td></tr></table></body></html>");
  ASSERT_EQ(doc.grids.size(), 1u);  // the inner table only
  EXPECT_EQ(doc.grids[0].rows, 2);
  EXPECT_EQ(doc.lines[0].text, "一、总体情况");
}

TEST(LoadHtml, RowSpansPushLaterCellsRight) {
  Document doc = Load(
      "<table><tr><td rowspan=\"3\">三、本年度办理结果</td><td colspan=\"2\">（一）予以公开</td>"
      "<td>1</td></tr><tr><td "
      "rowspan=\"2\">（三）不予公开</td><td>1.属于国家秘密</td><td>2</td></tr>"
      "<tr><td>2.其他法律行政法规禁止公开</td><td>3</td></tr></table>");
  ASSERT_EQ(doc.grids.size(), 1u);
  const CellGrid& g = doc.grids[0];
  EXPECT_EQ(g.cols, 4);
  EXPECT_EQ(g.At(2, 2)->text, "2.其他法律行政法规禁止公开");
  EXPECT_EQ(g.At(2, 3)->text, "3");
  EXPECT_EQ(g.At(2, 0)->text, "三、本年度办理结果");
  Normalizer().NormalizeDocument(&doc);
  std::vector<Row> rows = CellGridRows(doc.grids[0], 0);
  ASSERT_EQ(rows[2].labels.size(), 3u);  // spanned labels label every row they cover
  EXPECT_EQ(rows[2].values.size(), 1u);
}

TEST(LoadHtml, BrokenMarkupStillReads) {
  Document doc = Load("<html><body><p>一、总体情况<div><b>2021年<i>我局</b>认真<p>二、主动公开");
  EXPECT_GE(doc.lines.size(), 2u);
}

TEST(LoadHtml, DeepNestingIsBounded) {
  std::string page = "<html><body>";
  for (int i = 0; i < 100000; ++i) page += "<div>";
  page += "<p>一、总体情况</p>";
  page += "<p>2021年，我局认真贯彻落实条例。</p>";
  Document doc = Load(page);  // no crash, no stack overflow, and the text under the divs is read
  ASSERT_EQ(doc.lines.size(), 2u);
  EXPECT_EQ(doc.lines[0].text, "一、总体情况");
}

TEST(ChooseLoader, ByContentThenExtension) {
  EXPECT_STREQ(ChooseLoader("%PDF-1.7", "a.txt").name, "pdf");
  EXPECT_STREQ(ChooseLoader("<!DOCTYPE html><html>", "a.txt").name, "html");
  EXPECT_STREQ(ChooseLoader("\xEF\xBB\xBF  <html>", "a").name, "html");
  EXPECT_STREQ(ChooseLoader("PK\x03\x04....", "a.docx").name, "docx");
  EXPECT_STREQ(ChooseLoader(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8), "a.doc").name,
               "ole2");
  EXPECT_STREQ(ChooseLoader("一、总体情况 <b>", "a.txt").name, "text");
  EXPECT_STREQ(ChooseLoader("一、总体情况 <b>", "a.html").name, "html");
  EXPECT_STREQ(ChooseLoader("规章 1 < 2", "a.txt").name, "text");
}

}  // namespace
}  // namespace gongkai
