#include "prose/prose.h"

#include <gtest/gtest.h>

#include "prose/prose_number.h"
#include "test_util.h"

namespace gongkai {
namespace {

TEST(ProseNumber, DigitsNumeralsAndUnits) {
  EXPECT_EQ(ParseProseNumber("17"), 17);
  EXPECT_EQ(ParseProseNumber("1,200"), 1200);
  EXPECT_EQ(ParseProseNumber("1.2万"), 12000);
  EXPECT_EQ(ParseProseNumber("二十三"), 23);
  EXPECT_EQ(ParseProseNumber("十五"), 15);
  EXPECT_EQ(ParseProseNumber("两"), 2);
  EXPECT_EQ(ParseProseNumber("一百零五"), 105);
  EXPECT_EQ(ParseProseNumber("一千二百三十四"), 1234);
  EXPECT_EQ(ParseProseNumber("三万五千"), 35000);
  EXPECT_EQ(ParseProseNumber("零"), 0);
  EXPECT_FALSE(ParseProseNumber("二〇二一").has_value());  // a year, not a count
  EXPECT_FALSE(ParseProseNumber("1.2.3").has_value());
  EXPECT_FALSE(ParseProseNumber("").has_value());
}

struct Want {
  const char* sentence;
  const char* key;
  double value;
};

TEST(Prose, SentencesGiveTheirFigures) {
  const Want kCases[] = {
      {"全年共收到政府信息公开申请17件", "prose.requests.received", 17},
      {"受理政府信息公开申请二十三件，已全部办结", "prose.requests.received", 23},
      {"本年度全区共收到70件申请，及时依法依规办结69件", "prose.requests.completed", 69},
      {"2020年未收到政府信息公开申请", "prose.requests.received", 0},
      {"主动公开政府信息1.2万条", "prose.proactive.items", 12000},
      {"因政府信息公开被申请行政复议2起、被提起行政诉讼1起", "prose.appeals.review", 2},
      {"因政府信息公开被申请行政复议2起、被提起行政诉讼1起", "prose.appeals.suit", 1},
      // Reviews in general are not about disclosure (FORMATS.md).
      {"本年度共办理行政复议案件5起，其中涉及政府信息公开的0起", "prose.appeals.review", 0},
      {"全年共收取信息处理费120元", "prose.fees.amount", 0.012},
      {"全年召开8场新闻发布会", "prose.responses.press_conferences", 8},
      {"召开新闻发布会两次", "prose.responses.press_conferences", 2},
  };
  for (const Want& w : kCases) {
    std::vector<ProseFigure> got = ProseOfSentence(w.sentence, testing::SharedGrammars());
    const ProseFigure* f = nullptr;
    for (const ProseFigure& p : got) {
      if (p.key == w.key) f = &p;
    }
    ASSERT_NE(f, nullptr) << w.sentence << " gives no " << w.key;
    EXPECT_DOUBLE_EQ(f->value, w.value) << w.sentence;
    EXPECT_EQ(f->text, w.sentence);
  }
  std::vector<ProseFigure> general = ProseOfSentence(
      "本年度共办理行政复议案件5起，其中涉及政府信息公开的0起", testing::SharedGrammars());
  ASSERT_EQ(general.size(), 1u);
}

TEST(Prose, NothingInventedFromDatesArticlesPhonesOrDocumentNumbers) {
  for (const char* s : {
           "根据国办公开办函〔2021〕30号要求编制政府信息公开申请答复文书",
           "依据《条例》第三十三条受理政府信息公开申请",
           "如对本报告有任何疑问，请与办公室联系（电话：0311-85891885），受理政府信息公开申请",
           "2021年1月1日起受理政府信息公开申请",
           "12333咨询电话来电总量402万人次",
           "受理行政许可申请273件",
       }) {
    EXPECT_TRUE(ProseOfSentence(s, testing::SharedGrammars()).empty()) << s;
  }
}

TEST(Prose, FirstSentenceWinsWithItsLine) {
  Document doc = testing::MakeDocument(
      "一、总体情况\n全年共收到政府信息公开申请17件。主动公开政府信息430余条。\n"
      "三、收到和处理政府信息公开申请情况\n本年收到政府信息公开申请18件。\n");
  std::vector<ProseFigure> prose = FindProse(doc, testing::SharedGrammars());
  ASSERT_EQ(prose.size(), 2u);
  EXPECT_EQ(prose[0].key, "prose.requests.received");
  EXPECT_EQ(prose[0].value, 17);
  EXPECT_EQ(prose[0].line, 2);
  EXPECT_EQ(prose[0].text, "全年共收到政府信息公开申请17件");
  EXPECT_EQ(prose[0].rule, "prose:requests.received");
  EXPECT_EQ(prose[1].key, "prose.proactive.items");
  EXPECT_TRUE(prose[1].approximate);
  EXPECT_EQ(prose[1].unit, "条");
}

}  // namespace
}  // namespace gongkai
