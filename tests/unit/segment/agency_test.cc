#include "segment/agency.h"

#include <gtest/gtest.h>

namespace gongkai {
namespace {

TEST(AgencyKey, JoinsPrintedVariantsOfOneAgency) {
  EXPECT_EQ(AgencyKey("河北省科技厅"), AgencyKey("河北省科学技术厅"));
  EXPECT_EQ(AgencyKey("河北省人社厅"), AgencyKey("河北省人力资源和社会保障厅"));
  EXPECT_EQ(AgencyKey("河北省人力资源社会保障厅"), AgencyKey("河北省人力资源和社会保障厅"));
  EXPECT_EQ(AgencyKey("上海市政府"), AgencyKey("上海市人民政府"));
  EXPECT_EQ(AgencyKey("北京市发改委"), AgencyKey("北京市发展和改革委员会"));
  EXPECT_EQ(AgencyKey("淮安市卫健委"), AgencyKey("淮安市卫生健康委员会"));
  EXPECT_EQ(AgencyKey(" 河北省 教育厅 "), AgencyKey("河北省教育厅"));
  EXPECT_EQ(AgencyKey("河北省教育厅（盖章）"), AgencyKey("河北省教育厅"));
  // Written-out names stay as they are.
  EXPECT_EQ(AgencyKey("淮安市卫生健康委员会"), "淮安市卫生健康委员会");
  EXPECT_EQ(AgencyKey("淮安市人民政府办公室"), "淮安市人民政府办公室");
  EXPECT_EQ(AgencyKey(""), "");
}

TEST(AgencyKey, KeepsDifferentAgenciesApart) {
  EXPECT_NE(AgencyKey("河北省科学技术厅"), AgencyKey("河北省教育厅"));
  EXPECT_NE(AgencyKey("河北省教育厅"), AgencyKey("山西省教育厅"));
  EXPECT_NE(AgencyKey("淮安市人民政府"), AgencyKey("淮安市人民政府办公室"));
}

TEST(ShortFormOf, ResolvesAShortFormToTheFullName) {
  EXPECT_TRUE(ShortFormOf("省人社厅", "河北省人力资源和社会保障厅"));
  EXPECT_TRUE(ShortFormOf("省工业和信息化厅", "河北省工业和信息化厅"));
  EXPECT_TRUE(ShortFormOf("省科技厅", "河北省科学技术厅"));
  EXPECT_TRUE(ShortFormOf("我厅", "河北省教育厅"));
  EXPECT_TRUE(ShortFormOf("我委", "淮安市卫生健康委员会"));
  EXPECT_FALSE(ShortFormOf("省教育厅", "河北省科学技术厅"));
  EXPECT_FALSE(ShortFormOf("我局", "河北省教育厅"));
}

}  // namespace
}  // namespace gongkai
