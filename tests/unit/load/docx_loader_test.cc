#include "load/docx_loader.h"

#include <gtest/gtest.h>
#include <zip.h>

#include <utility>
#include <vector>

namespace gongkai {
namespace {

// A zip archive in memory holding the given files.
std::string MakeZip(const std::vector<std::pair<std::string, std::string>>& files) {
  zip_error_t err;
  zip_error_init(&err);
  zip_source_t* src = zip_source_buffer_create(nullptr, 0, 0, &err);
  zip_source_keep(src);
  zip_t* za = zip_open_from_source(src, ZIP_TRUNCATE, &err);
  for (const auto& [name, data] : files) {
    zip_source_t* s = zip_source_buffer(za, data.data(), data.size(), 0);
    zip_file_add(za, name.c_str(), s, ZIP_FL_OVERWRITE);
  }
  zip_close(za);
  std::string out;
  zip_source_open(src);
  char buf[4096];
  for (zip_int64_t n; (n = zip_source_read(src, buf, sizeof buf)) > 0;) {
    out.append(buf, static_cast<size_t>(n));
  }
  zip_source_close(src);
  zip_source_free(src);
  return out;
}

std::string Body(const std::string& inner) {
  return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
         R"(<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">)"
         "<w:body>" +
         inner + "</w:body></w:document>";
}

std::string P(const std::string& text) { return "<w:p><w:r><w:t>" + text + "</w:t></w:r></w:p>"; }

std::string Tc(const std::string& text, const std::string& props = "") {
  return "<w:tc><w:tcPr>" + props + "</w:tcPr>" + text + "</w:tc>";
}

TEST(LoadDocx, ParagraphsAndMergedCells) {
  std::string table =
      "<w:tbl><w:tblGrid/>"
      "<w:tr>" +
      Tc(P("三、本年度") + P("办理结果"), "<w:vMerge w:val=\"restart\"/>") +
      Tc(P("（一）予以公开"), "<w:gridSpan w:val=\"2\"/>") + Tc(P("7")) + "</w:tr><w:tr>" +
      Tc(P(""), "<w:vMerge/>") + Tc(P("（三）不予公开")) + Tc(P("1.属于国家秘密")) + Tc(P("")) +
      "</w:tr></w:tbl>";
  std::string docx = MakeZip({{"word/document.xml", Body(P("一、总体情况") +
                                                         "<w:p><w:r><w:t>第一行</w:t><w:br/>"
                                                         "<w:t>第二行</w:t></w:r></w:p>" +
                                                         table + P("四、结束"))}});
  Document doc;
  Error error;
  ASSERT_TRUE(LoadDocx(docx, &doc, &error)) << error.code << error.message;
  ASSERT_EQ(doc.lines.size(), 6u);
  EXPECT_EQ(doc.lines[0].text, "一、总体情况");
  EXPECT_EQ(doc.lines[1].text, "第一行");
  EXPECT_EQ(doc.lines[2].text, "第二行");
  EXPECT_EQ(doc.lines[5].text, "四、结束");
  ASSERT_EQ(doc.grids.size(), 1u);
  const CellGrid& g = doc.grids[0];
  EXPECT_EQ(g.rows, 2);
  EXPECT_EQ(g.cols, 4);
  EXPECT_EQ(g.At(1, 0)->text, "三、本年度办理结果");  // vMerge continues the cell above
  EXPECT_EQ(g.At(1, 0)->row_span, 2);
  EXPECT_EQ(g.At(0, 2)->text, "（一）予以公开");
  EXPECT_EQ(g.At(1, 3)->text, "");
  EXPECT_EQ(g.At(1, 2)->path, "tbl[1]/tr[2]/tc[3]");
  EXPECT_EQ(g.first_line, 3u);
}

TEST(LoadDocx, Refusals) {
  Document doc;
  Error error;
  std::string good = MakeZip({{"word/document.xml", Body(P("一、总体情况"))}});
  EXPECT_FALSE(LoadDocx(good.substr(0, good.size() / 2), &doc, &error));
  EXPECT_EQ(error.code, "docx.damaged");
  EXPECT_FALSE(LoadDocx(MakeZip({{"word/styles.xml", "<x/>"}}), &doc, &error));
  EXPECT_EQ(error.code, "docx.damaged");
  EXPECT_FALSE(LoadDocx(MakeZip({{"xl/workbook.xml", "<x/>"}}), &doc, &error));
  EXPECT_EQ(error.code, "format.unsupported");
  EXPECT_FALSE(LoadDocx(MakeZip({{"word/document.xml", "<w:document><w:body>"}}), &doc, &error));
  EXPECT_EQ(error.code, "docx.damaged");
  // A part inflating past the limit: a zip bomb.
  std::string bomb = MakeZip({{"word/document.xml", std::string(kMaxDocxPartBytes + 1, ' ')}});
  EXPECT_LT(bomb.size(), size_t{1} << 20);
  EXPECT_FALSE(LoadDocx(bomb, &doc, &error));
  EXPECT_EQ(error.code, "input.too_complex");
}

TEST(RefuseOle2, NamesTheFormat) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  std::string word = ole + std::string("W\0o\0r\0d\0D\0o\0c\0u\0m\0e\0n\0t\0", 24);
  std::string encrypted = ole + std::string("E\0n\0c\0r\0y\0p\0t\0e\0d\0P\0a\0c\0k\0a\0g\0e\0", 32);
  Error error;
  EXPECT_FALSE(RefuseOle2(word, "report.doc", &error));
  EXPECT_EQ(error.code, "format.unsupported");
  EXPECT_NE(error.message.find(".doc"), std::string::npos);
  EXPECT_FALSE(RefuseOle2(word, "report.WPS", &error));
  EXPECT_NE(error.message.find("WPS"), std::string::npos);
  EXPECT_FALSE(RefuseOle2(encrypted, "report.docx", &error));
  EXPECT_EQ(error.code, "docx.encrypted");
}

}  // namespace
}  // namespace gongkai
