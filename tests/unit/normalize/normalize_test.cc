#include "normalize/normalize.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(Normalizer, NfkcMatchingCopy) {
  Normalizer n;
  EXPECT_EQ(n.Normalize("（一）予以公开"), "(一)予以公开");
  EXPECT_EQ(n.Normalize("１２３"), "123");
  EXPECT_EQ(n.Normalize("1．属于国家秘密"), "1.属于国家秘密");
  EXPECT_EQ(n.Normalize("单位：万元"), "单位:万元");
  EXPECT_EQ(n.Normalize("　　六、其他"), "  六、其他");  // U+3000
  EXPECT_EQ(n.Normalize("规章\xC2\xA0"
                        "0"),
            "规章 0");                                         // NBSP
  EXPECT_EQ(n.Normalize("规\xE2\x80\x8B章"), "规章");          // zero-width space
  EXPECT_EQ(n.Normalize("“三安全一稳定”"), "“三安全一稳定”");  // quotes stay
  EXPECT_EQ(n.Normalize("a\tb"), "a\tb");
}

TEST(Normalizer, HtmlCharacterReferences) {
  Normalizer n;
  EXPECT_EQ(n.Normalize("规章\t&nbsp;\t3"), "规章\t \t3");
  EXPECT_EQ(n.Normalize("&#12288;&#12288;六、其他"), "  六、其他");  // U+3000, decimal
  EXPECT_EQ(n.Normalize("&#x4E00;、总体情况"), "一、总体情况");
  EXPECT_EQ(n.Normalize("A&amp;B &lt;1&gt;"), "A&B <1>");
  EXPECT_EQ(n.Normalize("&ldquo;放管服&rdquo;"), "“放管服”");
  // Not references: kept as printed.
  EXPECT_EQ(n.Normalize("A&B; &unknown; &#0; &#xD800; &#99999999; & ;"),
            "A&B; &unknown; &#0; &#xD800; &#99999999; & ;");
  EXPECT_EQ(n.Normalize("&nbsp"), "&nbsp");
}

TEST(Normalizer, KeepsOriginalText) {
  Normalizer n;
  Document doc;
  doc.lines.push_back({1, std::nullopt, "（七）总计", "", {}});
  n.NormalizeDocument(&doc);
  EXPECT_EQ(doc.lines[0].text, "（七）总计");
  EXPECT_EQ(doc.lines[0].norm, "(七)总计");
}

}  // namespace
}  // namespace gongkai
