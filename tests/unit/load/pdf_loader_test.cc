#include "load/pdf_loader.h"

#include <gtest/gtest.h>

#include "test_util.h"

namespace gongkai {
namespace {

TEST(PdfLoader, RealWpsTablesComeAsCellGrids) {
  std::string bytes =
      testing::ReadFile(testing::SourceDir() + "/corpus/real/2024_huaian_shi_1/input.pdf");
  Document doc;
  Error error;
  ASSERT_TRUE(LoadPdf(bytes, &doc, &error)) << error.message;
  ASSERT_FALSE(doc.grids.empty());
  int requests_cells = 0;
  for (const CellGrid& g : doc.grids) {
    EXPECT_EQ(g.source, "pdf-rules");
    EXPECT_LE(g.first_line, g.last_line);
    EXPECT_LT(g.last_line, doc.lines.size());
    for (const GridCell& c : g.cells) requests_cells += c.text == "自然人" ? 1 : 0;
  }
  EXPECT_EQ(requests_cells, 1);  // table 三's header, once

  // Without the rules: the same lines, no grids.
  Document text_only;
  PdfLoadOptions options;
  options.rules = false;
  ASSERT_TRUE(LoadPdf(bytes, options, &text_only, &error));
  EXPECT_TRUE(text_only.grids.empty());
  ASSERT_EQ(text_only.lines.size(), doc.lines.size());
  for (size_t i = 0; i < doc.lines.size(); ++i)
    EXPECT_EQ(text_only.lines[i].text, doc.lines[i].text);
}

TEST(PdfLoader, CidFontsWithoutToUnicodeFoundFromTheirDictionaries) {
  std::string bytes =
      testing::ReadFile(testing::SourceDir() + "/corpus/generated/cid_no_tounicode/input.pdf");
  Document doc;
  Error error;
  EXPECT_FALSE(LoadPdf(bytes, &doc, &error));
  EXPECT_EQ(error.code, "pdf.no_text_layer");
  // The font check, not the text profile, gave the verdict.
  EXPECT_NE(error.message.find("fonts without a ToUnicode map ("), std::string::npos)
      << error.message;
}

}  // namespace
}  // namespace gongkai
