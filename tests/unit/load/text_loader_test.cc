#include "load/text_loader.h"

#include <gtest/gtest.h>

#include "load/encoding.h"
#include "util/text.h"

namespace gongkai {
namespace {

std::vector<std::string> Texts(const Document& doc) {
  std::vector<std::string> out;
  for (const Line& l : doc.lines) out.push_back(l.text);
  return out;
}

TEST(SplitLines, EveryKindOfBreak) {
  std::vector<Line> lines;
  SplitLines("a\nb\r\nc\rd\r\r\re", &lines);
  std::vector<std::string> texts;
  for (const Line& l : lines) texts.push_back(l.text);
  EXPECT_EQ(texts, (std::vector<std::string>{"a", "b", "c", "d", "", "", "e"}));
  EXPECT_EQ(lines.back().number, 7);
}

TEST(LoadText, Utf8WithAndWithoutBom) {
  Document doc;
  Error error;
  ASSERT_TRUE(LoadText("\xEF\xBB\xBF一、总体情况\n规章\t0", &doc, &error));
  EXPECT_EQ(doc.source.encoding, "UTF-8");
  EXPECT_EQ(Texts(doc), (std::vector<std::string>{"一、总体情况", "规章\t0"}));
  Document plain;
  ASSERT_TRUE(LoadText("一、总体情况", &plain, &error));
  EXPECT_EQ(plain.lines[0].text, "一、总体情况");
}

TEST(LoadText, Utf16WithBom) {
  // "规章\n" in UTF-16LE and UTF-16BE.
  const std::string le("\xFF\xFE\xC4\x89\xE0\x7A\x0A\x00", 8);
  const std::string be("\xFE\xFF\x89\xC4\x7A\xE0\x00\x0A", 8);
  for (const std::string& bytes : {le, be}) {
    Document doc;
    Error error;
    ASSERT_TRUE(LoadText(bytes, &doc, &error)) << error.message;
    EXPECT_EQ(doc.lines[0].text, "规章");
  }
}

TEST(LoadText, Gb18030) {
  // 「政府信息公开工作年度报告」 in GB18030 (also valid GBK).
  const std::string gb =
      "\xD5\xFE\xB8\xAE\xD0\xC5\xCF\xA2\xB9\xAB\xBF\xAA\xB9\xA4\xD7\xF7\xC4\xEA\xB6\xC8\xB1\xA8"
      "\xB8\xE6";
  Document doc;
  Error error;
  ASSERT_TRUE(LoadText(gb, &doc, &error)) << error.message;
  EXPECT_EQ(doc.source.encoding, "GB18030");
  EXPECT_EQ(doc.lines[0].text, "政府信息公开工作年度报告");
}

TEST(LoadText, RejectsEmptyAndBinary) {
  Document doc;
  Error error;
  EXPECT_FALSE(LoadText("", &doc, &error));
  EXPECT_EQ(error.code, "empty_input");
  EXPECT_FALSE(LoadText(" \r\n\t\xE3\x80\x80\n", &doc, &error));
  EXPECT_EQ(error.code, "empty_input");
  std::string binary;
  for (int i = 0; i < 2048; ++i) binary.push_back(static_cast<char>((i * 131 + 7) % 256));
  Document bin;
  EXPECT_FALSE(LoadText(binary, &bin, &error));
  EXPECT_EQ(error.code, "bad_encoding");
  Document nul;
  EXPECT_FALSE(LoadText(std::string("\x00\x01\x02\x03\x04\x05\x06\x07text", 12), &nul, &error));
  EXPECT_EQ(error.code, "bad_encoding");
}

TEST(IsValidUtf8, RejectsOverlongAndTruncated) {
  EXPECT_TRUE(IsValidUtf8("规章 abc"));
  EXPECT_FALSE(IsValidUtf8("\xC0\xAF"));
  EXPECT_FALSE(IsValidUtf8("\xE8\xA7"));
  EXPECT_FALSE(IsValidUtf8("\xED\xA0\x80"));  // a surrogate
}

}  // namespace
}  // namespace gongkai
