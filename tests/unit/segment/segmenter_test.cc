#include "segment/segmenter.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

std::vector<std::string> Ids(const Segments& s) {
  std::vector<std::string> ids;
  for (const SectionSpan& span : s.spans) ids.push_back(span.section.id);
  return ids;
}

Segments SegmentText(const std::string& text) {
  static Document* keep = nullptr;  // spans point into the document; keep the last one alive
  delete keep;
  keep = new Document(testing::MakeDocument(text));
  return Segment(*keep, testing::SharedGrammars());
}

TEST(Segmenter, HeadingsAndVariants) {
  Segments s = SegmentText(
      "尖扎县教育局\n\n2021 年度政府信息公开工作年度报告\n一、总体情况\n正文\n"
      "二、主动公开政府信息情况\n表\n三、收到和处理政府信息公开申请情况（无）\n"
      "四、因政府信息公开工作被申请行政复议、提起行政诉讼情况\n"
      "五、存在的主要问题及下一步工作情况\n六、其他需报告的事项\n无。");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "requests", "appeals",
                                              "problems", "other"}));
  EXPECT_EQ(s.spans[2].section.heading, "三、收到和处理政府信息公开申请情况（无）");
  EXPECT_EQ(s.spans[0].section.ordinal, 1);
  EXPECT_EQ(s.spans[5].section.ordinal, 6);
  EXPECT_EQ(s.info.agency, "尖扎县教育局");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.agency_source, "title");
}

TEST(Segmenter, HeadingRunningOnAfterText) {
  Segments s = SegmentText(
      "一、总体情况　　2021年工作。　　五、存在的主要问题及改进情况　　不断推动信息公开工作提质增效"
      "。"
      "　　六、其他需要报告的事项　　无");
  ASSERT_EQ(Ids(s), (std::vector<std::string>{"overview", "problems", "other"}));
  EXPECT_EQ(s.spans[2].section.heading, "六、其他需要报告的事项");
  EXPECT_GT(s.spans[2].heading_col, 0u);
  // The first heading starts the line, but text follows it: the heading is reported alone.
  EXPECT_EQ(s.spans[0].section.heading, "一、总体情况");
}

TEST(Segmenter, TableRowsAreNotHeadings) {
  Segments s = SegmentText(
      "三、收到和处理政府信息公开申请情况\n一、本年新收政府信息公开申请数量\t0\n"
      "三、本年度办理结果\t(一) 予以公开\t0\n四、结转下年度继续办理\t0\n"
      "四、政府信息公开行政复议、行政诉讼情况\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"requests", "appeals"}));
}

TEST(Segmenter, NumberedChaptersOfProseAreNotSections) {
  Segments s = SegmentText("狂人日记\n一\n今天晚上，很好的月光。\n二\n今天全没月光。\n");
  EXPECT_TRUE(s.spans.empty());
}

TEST(Segmenter, TableOfContentsIsSkipped) {
  Segments s = SegmentText(
      "一、总体情况\n二、主动公开政府信息情况\n三、收到和处理政府信息公开申请情况\n\n"
      "一、总体情况\n正文正文\n正文\n正文\n正文\n二、主动公开政府信息情况\n表\n");
  ASSERT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive"}));
  EXPECT_EQ(s.spans[0].section.line, 5);
}

TEST(Segmenter, YearFromPeriodAndAgencyFromSignature) {
  Segments s = SegmentText(
      "本报告中所列数据统计期限为2021年1月1日至12月31日。\n一、总体情况\n"
      "我厅工作。\n五、存在的主要问题及改进情况\n无。\n河北省教育厅\n2022年1月20日\n");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.year_source, "period");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  EXPECT_EQ(s.info.agency_source, "signature");
}

TEST(Segmenter, SpacesAroundTheNumbering) {
  // Web pages and PDFs put spaces (or U+3000) after the 、, and sometimes before it.
  Segments s = SegmentText(
      "一、 总体情况\n正文\n二、　主动公开政府信息情况\n表\n三 、收到和处理政府信息公开申请情况\n"
      "四　政府信息公开行政复议、行政诉讼情况\n五、 存在的主要问题及改进情况\n六、 "
      "其他需要报告的事项\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "requests", "appeals",
                                              "problems", "other"}));
}

TEST(Segmenter, TitleWithTheYearFirst) {
  Segments s = SegmentText("2022年上海市政府信息公开工作年度报告\n字号：\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "上海市政府");
  EXPECT_EQ(s.info.year, 2022);
  EXPECT_EQ(s.info.year_source, "title");
  s = SegmentText("2019 年度 淮安市人民政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "淮安市人民政府");
  EXPECT_EQ(s.info.year, 2019);
  s = SegmentText("2020年度河北省教育厅政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  s = SegmentText("北京市东城区人民政府关于2021年政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "北京市东城区人民政府");
  // The year in Chinese digits (〇, ○, or a letter O typed for it).
  s = SegmentText("尖扎县教育局二〇二一年度政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "尖扎县教育局");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.title, "尖扎县教育局二〇二一年度政府信息公开工作年度报告");
  s = SegmentText("二O二二年上海市政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.year, 2022);
  // A title wrapped over two lines, as large centred PDF titles are.
  s = SegmentText("河北省教育厅2021年度\n政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.title, "河北省教育厅2021年度政府信息公开工作年度报告");
  s = SegmentText("2021年度\n河北省教育厅政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  // A sentence that only mentions a report names no agency.
  s = SegmentText("2019年我厅编写了政府信息公开工作年度报告\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "");
}

TEST(Segmenter, AgencyFromTheReportItPublishes) {
  Segments s = SegmentText(
      "根据《中华人民共和国政府信息公开条例》规定，现公布泰州市人民政府2017年政府信息公开工作年度报"
      "告。"
      "报告所列数据的统计期限自2017年1月1日起至12月31日止。\n一、概述\n正文\n");
  EXPECT_EQ(s.info.agency, "泰州市人民政府");
  EXPECT_EQ(s.info.year, 2017);
}

TEST(Segmenter, YearFromSignatureWhenNothingElse) {
  Segments s = SegmentText("一、总体情况\n无。\n河北省教育厅\n2020年1月15日\n");
  EXPECT_EQ(s.info.year, 2019);
  EXPECT_EQ(s.info.year_source, "signature");
}

TEST(Segmenter, SignatureRunIntoFlattenedText) {
  // Scraped pages flatten the whole report into one line, signature and footer included.
  Segments s = SegmentText(
      "2019年，省人社厅坚持以习近平新时代中国特色社会主义思想为统领。一、总体情况　正文。"
      "六、其他需要报告的事项无河北省人力资源和社会保障厅2020年1月20日更多信息请关注官方微信");
  EXPECT_EQ(s.info.agency, "河北省人力资源和社会保障厅");
  EXPECT_EQ(s.info.agency_source, "signature");
  EXPECT_EQ(s.info.agency_printed, "省人社厅");
  EXPECT_EQ(s.info.year, 2019);
  EXPECT_EQ(s.info.year_source, "text");
  s = SegmentText("一、总体情况 正文。我局无其他报告的事项。淮安市人民政府2025年1月20日");
  EXPECT_EQ(s.info.agency, "淮安市人民政府");
  EXPECT_EQ(s.info.year, 2024);
  EXPECT_EQ(s.info.year_source, "signature");
}

TEST(Segmenter, SignatureAfterOrBesideTheDate) {
  Segments s = SegmentText("一、总体情况\n无。\n2020年1月15日\n河北省教育厅\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  EXPECT_EQ(s.info.year, 2019);
  s = SegmentText("一、总体情况\n无。\n河北省教育厅　2020年1月15日\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  s = SegmentText("一、总体情况\n无。\n河北省教育厅\n二〇二〇年一月十五日\n");
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  EXPECT_EQ(s.info.year, 2019);
  // A sentence that holds a date signs nothing.
  s = SegmentText("一、总体情况\n无。\n河北省教育厅\n2020年1月15日召开了会议，部署全年工作。\n");
  EXPECT_EQ(s.info.agency, "");
}

TEST(Segmenter, TitleInAPageHeaderAndNotInLinks) {
  Segments s = SegmentText(
      "当前位置： 首页 政府信息公开年报 平潭综合实验区2021年度政府信息公开工作年度报告 "
      "来源：平潭县人民政府 时间：2022-02-08 根据要求，我区编制完成了本报告。本报告所列数据的"
      "统计期限自2021年1月1日起至2021年12月31日止。一、总体情况 正文");
  EXPECT_EQ(s.info.agency, "平潭综合实验区");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.year_source, "title");
  EXPECT_EQ(s.info.title, "平潭综合实验区2021年度政府信息公开工作年度报告");
  // A link to another year's report, and a title of another year than the statistics period.
  s = SegmentText(
      "上一篇：平潭综合实验区2020年度政府信息公开工作年度报告\n"
      "首页 > 政府信息公开年报 > 平潭综合实验区2019年度政府信息公开工作年度报告\n"
      "统计期限自2021年1月1日起至2021年12月31日止。\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.year, 2021);
  EXPECT_EQ(s.info.year_source, "period");
  EXPECT_EQ(s.info.title, "");
  // The page's source field when nothing else names the agency.
  s = SegmentText("来源：平潭县人民政府 时间：2022-02-08\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "平潭县人民政府");
  EXPECT_EQ(s.info.agency_source, "field");
  // A notice named in the first sentence is no title.
  s = SegmentText(
      "根据《福建省人民政府办公厅关于编制公布2021年政府信息公开工作年度报告有关事项的通知》，"
      "我区编制了本报告。\n一、总体情况\n正文\n");
  EXPECT_EQ(s.info.agency, "");
  EXPECT_EQ(s.info.title, "");
}

TEST(Segmenter, TitleFarBelowTheTop) {
  std::string text;
  for (int i = 0; i < 60; ++i) text += "导航栏目" + std::to_string(i) + "\n";
  text += "河北省教育厅2021年政府信息公开工作年度报告\n一、总体情况\n正文\n";
  Segments s = SegmentText(text);
  EXPECT_EQ(s.info.agency, "河北省教育厅");
  EXPECT_EQ(s.info.year, 2021);
}

TEST(Segmenter, YearFromPeriodWordsAndStatisticsTime) {
  Segments s = SegmentText(
      "根据《河北省2016年政务公开工作要点》要求，现将2017年度政府信息公开工作情况报告如下。"
      "2017年度我局工作。\n一、概述\n正文\n");
  EXPECT_EQ(s.info.year, 2017);
  EXPECT_EQ(s.info.year_source, "text");
  s = SegmentText("本报告所列数据统计时间为2017年度。2018年工作计划。\n一、概述\n正文\n");
  EXPECT_EQ(s.info.year, 2017);
  EXPECT_EQ(s.info.year_source, "period");
}

TEST(Segmenter, ShortFormWithOneProvinceNamed) {
  // 「省工业和信息化厅」, and 河北省 the only province the text names.
  Segments s = SegmentText(
      "根据《河北省实施〈中华人民共和国政府信息公开条例〉办法》，发布本年度报告。\n一、总体情况\n"
      "2022年，省工业和信息化厅坚持以习近平新时代中国特色社会主义思想为指导。\n");
  EXPECT_EQ(s.info.agency, "河北省工业和信息化厅");
  EXPECT_EQ(s.info.agency_printed, "省工业和信息化厅");
  EXPECT_EQ(s.info.agency_source, "text");
  s = SegmentText(
      "根据《河北省办法》和《山西省办法》，发布本年度报告。\n一、总体情况\n"
      "2022年，省工业和信息化厅坚持以习近平新时代中国特色社会主义思想为指导。\n");
  EXPECT_EQ(s.info.agency, "");
}

TEST(Segmenter, AbbreviatedSelfReferenceIsNoAgency) {
  Segments s =
      SegmentText("2019年，省人社厅坚持以习近平新时代中国特色社会主义思想为统领。\n一、总体情况\n");
  EXPECT_EQ(s.info.agency, "");
  EXPECT_EQ(s.info.year, 2019);
}

TEST(Segmenter, PreRevisionHeadingsInOneParagraph) {
  // The 2008 条例's headings, all in one flattened paragraph; 收费及减免 is `other`, in its place.
  Segments s = SegmentText(
      "　　一、概述　　2017年，我局工作。　　二、主动公开政府信息情况　　公开230条。"
      "　　三、依申请公开政府信息情况　　收到申请2件。　　四、收费及减免情况　　未收费。"
      "　　五、因政府信息公开申请提起行政复议、行政诉讼情况　　无。"
      "　　六、存在的主要问题及改进措施　　不足。　　七、其他需要报告的事项　　无。");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "requests", "other",
                                              "appeals", "problems", "other"}));
  EXPECT_EQ(s.spans[3].section.heading, "四、收费及减免情况");
  EXPECT_EQ(s.spans[3].section.ordinal, 4);
  s = SegmentText(
      "现将我厅政务公开工作报告如下：一、基本情况（一）主动公开情况。正文。"
      "二、工作中存在的主要问题和改进措施　不足。");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "problems"}));
}

TEST(Segmenter, OtherNumberingStyles) {
  Segments s = SegmentText(
      "第一部分 总体情况\n正文\n第二部分 主动公开政府信息情况\n表\n"
      "第三部分 收到和处理政府信息公开申请情况\n表\n第四部分 政府信息公开行政复议、行政诉讼情况\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "requests", "appeals"}));
  EXPECT_EQ(s.spans[2].section.ordinal, 3);
  s = SegmentText(
      "（一）总体情况\n正文\n（二）主动公开政府信息情况\n表\n（五）存在的主要问题及改进情况\n无\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "problems"}));
  s = SegmentText("1．总体情况\n正文2.5万条\n2．主动公开政府信息情况\n表\n6．其他需要报告的事项\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive", "other"}));
  s = SegmentText("一是总体情况。正文。二是主动公开政府信息情况。正文。");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "proactive"}));
  // A report numbered 「一、」 keeps its (一) sub-headings inside its sections.
  s = SegmentText(
      "一、基本情况\n（一）主动公开政府信息情况\n（二）依申请公开政府信息情况\n"
      "二、存在的主要问题和改进措施\n");
  EXPECT_EQ(Ids(s), (std::vector<std::string>{"overview", "problems"}));
}

TEST(Segmenter, LinesOfCutsAtHeadings) {
  Document doc = testing::MakeDocument("一、总体情况 甲。 二、主动公开政府信息情况 乙");
  Segments s = Segment(doc, testing::SharedGrammars());
  ASSERT_EQ(s.spans.size(), 2u);
  std::vector<SpanLine> first = LinesOf(doc, s.spans[0]);
  ASSERT_EQ(first.size(), 1u);
  EXPECT_EQ(first[0].norm, " 甲。 ");
  std::vector<SpanLine> second = LinesOf(doc, s.spans[1]);
  ASSERT_EQ(second.size(), 1u);
  EXPECT_EQ(second[0].norm, " 乙");
}

}  // namespace
}  // namespace gongkai
