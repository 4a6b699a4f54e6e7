#include "util/number.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

using Kind = CellNumber::Kind;

TEST(ParseCellNumber, ReadsCellsAsPrinted) {
  struct Case {
    const char* text;
    Kind kind;
    double value;
    const char* unit;
  } cases[] = {
      {"0", Kind::kNumber, 0, ""},
      {"3985758", Kind::kNumber, 3985758, ""},
      {"3,985,758", Kind::kNumber, 3985758, ""},
      {"1163.54", Kind::kNumber, 1163.54, ""},
      {"+82", Kind::kNumber, 82, ""},
      {"-59", Kind::kNumber, -59, ""},
      {"4948.3955万元", Kind::kNumber, 4948.3955, "万元"},
      {"251000元", Kind::kNumber, 251000, "元"},
      {" 7 ", Kind::kNumber, 7, ""},
      {"", Kind::kBlank, 0, ""},
      {"—", Kind::kBlank, 0, ""},
      {"/", Kind::kBlank, 0, ""},
      {"无", Kind::kBlank, 0, ""},
      {"规章", Kind::kText, 0, ""},
      {"1.", Kind::kText, 0, ""},
      {"3.其他", Kind::kText, 0, ""},
      {"1,23", Kind::kText, 0, ""},
      {"0 0", Kind::kText, 0, ""},
      {"2021年", Kind::kText, 0, ""},
  };
  for (const Case& c : cases) {
    CellNumber n = ParseCellNumber(c.text);
    EXPECT_EQ(n.kind, c.kind) << c.text;
    if (c.kind == Kind::kNumber) {
      EXPECT_DOUBLE_EQ(n.value, c.value) << c.text;
      EXPECT_EQ(n.unit, c.unit) << c.text;
    }
  }
  EXPECT_TRUE(ParseCellNumber("+82").has_sign);
  EXPECT_FALSE(ParseCellNumber("82").has_sign);
  EXPECT_FALSE(ParseCellNumber("1163.54").is_integer);
}

TEST(FormatNumber, ShortestReadableForm) {
  EXPECT_EQ(FormatNumber(3), "3");
  EXPECT_EQ(FormatNumber(1163.54), "1163.54");
  EXPECT_EQ(FormatNumber(-59), "-59");
  EXPECT_EQ(FormatNumber(-0.0), "0");
  EXPECT_EQ(FormatNumber(3985758), "3985758");
  EXPECT_EQ(FormatNumber(25.1), "25.1");
}

}  // namespace
}  // namespace gongkai
