// The golden test: every case of corpus/manifest.tsv extracted and compared with its hand-checked
// labels (expected.json, same keys as FORMATS.md): every figure, nulls included, the section list,
// agency, year and template, and the figures stated in prose where the labels list them.
// Known-failing cases may not get worse than their baseline.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <nlohmann/json.hpp>
#include <sstream>

#include "batch/manifest.h"
#include "gongkai/extractor.h"
#include "test_util.h"
#include "util/number.h"

namespace gongkai {
namespace {

using nlohmann::json;

struct Case {
  std::string name;
  std::string expect;
  int baseline = 0;
};

// Names the case in test output instead of dumping its bytes.
void PrintTo(const Case& c, std::ostream* os) { *os << c.name << " (" << c.expect << ")"; }

std::vector<Case> LoadManifest() {
  std::vector<Case> cases;
  std::istringstream in(testing::ReadFile(testing::SourceDir() + "/corpus/manifest.tsv"));
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::istringstream fields(line);
    Case c;
    std::string baseline;
    std::getline(fields, c.name, '\t');
    std::getline(fields, c.expect, '\t');
    std::getline(fields, baseline, '\t');
    c.baseline = baseline.empty() ? 0 : std::stoi(baseline);
    cases.push_back(c);
  }
  return cases;
}

std::string InputOf(const std::string& dir) {
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().stem() == "input") return entry.path().string();
  }
  return "";
}

std::string Show(const std::optional<double>& v) { return v ? FormatNumber(*v) : "null"; }

bool Same(const json& expected, const std::optional<double>& actual) {
  if (expected.is_null()) return !actual.has_value();
  return actual && std::fabs(expected.get<double>() - *actual) < 1e-9;
}

// Every difference between a record and its labels, one line each.
std::vector<std::string> Differences(const Record& record, const json& labels) {
  std::vector<std::string> diffs;
  if (record.error) {
    diffs.push_back("error record: " + record.error->code + ": " + record.error->message);
  }
  std::vector<std::string> sections;
  for (const Section& s : record.sections) sections.push_back(s.id);
  if (labels.contains("sections") &&
      sections != labels["sections"].get<std::vector<std::string>>()) {
    diffs.push_back("sections differ: got " + json(sections).dump());
  }
  if (labels.contains("agency") && record.report.agency != labels["agency"].get<std::string>()) {
    diffs.push_back("agency: got '" + record.report.agency + "'");
  }
  if (labels.contains("year") &&
      (!record.report.year || *record.report.year != labels["year"].get<int>())) {
    diffs.push_back("year: got " + (record.report.year ? std::to_string(*record.report.year)
                                                       : std::string("none")));
  }
  if (labels.contains("template") &&
      record.report.template_id != labels["template"].get<std::string>()) {
    diffs.push_back("template: got " + record.report.template_id);
  }
  const json& figures = labels.value("figures", json::object());
  const json& ambiguous = labels.value("ambiguous", json::object());
  for (const auto& [key, value] : figures.items()) {
    const Figure* f = record.FindFigure(key);
    if (!f) {
      diffs.push_back(key + ": missing (expected " + value.dump() + ")");
      continue;
    }
    if (Same(value, f->value)) continue;
    bool accepted = false;
    if (ambiguous.contains(key)) {
      for (const json& candidate : ambiguous[key]) accepted |= Same(candidate, f->value);
    }
    if (!accepted) diffs.push_back(key + ": got " + Show(f->value) + ", expected " + value.dump());
  }
  // Diagnostics the case must carry (table-less reports: one table.missing per table).
  for (const json& want : labels.value("expect_diagnostics", json::array())) {
    bool found = false;
    for (const Diagnostic& d : record.diagnostics) {
      found |= d.code == want["code"].get<std::string>() &&
               (!want.contains("table") || d.table == want["table"].get<std::string>());
    }
    if (!found) diffs.push_back("missing diagnostic " + want.dump());
  }
  // A key the labels call ambiguous between numbers must carry a figure.ambiguous diagnostic.
  // ([null, 0] alone is the seed's lost-cell case, where either reading is accepted.)
  for (const auto& [key, candidates] : ambiguous.items()) {
    int numbers = 0;
    for (const json& c : candidates) numbers += c.is_null() ? 0 : 1;
    if (numbers < 2) continue;
    bool flagged = false;
    for (const Diagnostic& d : record.diagnostics) {
      flagged |= d.code == "figure.ambiguous" && d.key == key;
    }
    if (!flagged) diffs.push_back(key + ": ambiguous in the labels, but no figure.ambiguous");
  }
  for (const Figure& f : record.figures) {
    if (!figures.contains(f.key))
      diffs.push_back(f.key + ": not in the report (got " + Show(f.value) + ")");
  }
  // Figures stated in sentences, where the labels list them: every one, and nothing else.
  if (labels.contains("prose")) {
    const json& prose = labels["prose"];
    for (const auto& [key, value] : prose.items()) {
      auto it = std::find_if(record.prose.begin(), record.prose.end(),
                             [&](const ProseFigure& p) { return p.key == key; });
      if (it == record.prose.end()) {
        diffs.push_back(key + ": not stated in prose (expected " + value.dump() + ")");
      } else if (!Same(value, it->value)) {
        diffs.push_back(key + ": got " + FormatNumber(it->value) + ", expected " + value.dump() +
                        " 「" + it->text + "」");
      }
    }
    for (const ProseFigure& p : record.prose) {
      if (!prose.contains(p.key)) {
        diffs.push_back(p.key + ": not stated in the report (got " + FormatNumber(p.value) +
                        " from 「" + p.text + "」)");
      }
    }
  }
  return diffs;
}

class GoldenTest : public ::testing::TestWithParam<Case> {};

TEST_P(GoldenTest, MatchesLabels) {
  const Case& c = GetParam();
  std::string dir = testing::SourceDir() + "/corpus/" + c.name;
  std::string input = InputOf(dir);
  ASSERT_FALSE(input.empty()) << "no input.* in " << dir;
  // What the scraper knew about the real reports (corpus/real/manifest.csv), as a user passes
  // it with --manifest.
  static const Manifest manifest = [] {
    Manifest m;
    Error error;
    if (!m.Load(testing::SourceDir() + "/corpus/real/manifest.csv", &error)) {
      throw std::runtime_error(error.message);
    }
    return m;
  }();
  Record record = testing::SharedExtractor().ExtractBytes(c.name, testing::ReadFile(input),
                                                          manifest.Find(input));

  if (c.expect.rfind("reject:", 0) == 0) {
    ASSERT_TRUE(record.error.has_value()) << c.name << " should be rejected";
    EXPECT_EQ(record.error->code, c.expect.substr(7));
    EXPECT_EQ(record.status, Status::kFailed);
    return;
  }
  if (c.expect == "smoke") {
    EXPECT_FALSE(record.error.has_value())
        << c.name << ": " << (record.error ? record.error->code : "");
    return;
  }
  json labels = json::parse(testing::ReadFile(dir + "/expected.json"));
  std::vector<std::string> diffs = Differences(record, labels);
  std::string listing;
  for (size_t i = 0; i < diffs.size() && i < 40; ++i) listing += "  " + diffs[i] + "\n";
  if (c.expect == "pass") {
    EXPECT_TRUE(diffs.empty()) << c.name << ": " << diffs.size() << " differences\n" << listing;
    EXPECT_FALSE(record.error.has_value());
  } else {
    ASSERT_EQ(c.expect, "known-failing") << "unknown expectation in the manifest";
    EXPECT_LE(static_cast<int>(diffs.size()), c.baseline)
        << c.name << " got worse: " << diffs.size() << " differences\n"
        << listing;
    EXPECT_GT(diffs.size(), 0u) << c.name << " now passes: promote it to pass in the manifest";
    std::cout << "[ known-failing ] " << c.name << ": " << diffs.size() << " differences (baseline "
              << c.baseline << ")\n"
              << listing;
  }
}

INSTANTIATE_TEST_SUITE_P(Corpus, GoldenTest, ::testing::ValuesIn(LoadManifest()),
                         [](const ::testing::TestParamInfo<Case>& info) {
                           std::string name = info.param.name;
                           for (char& ch : name) {
                             if (!isalnum(static_cast<unsigned char>(ch))) ch = '_';
                           }
                           return name;
                         });

// The same report in every encoding, and with its cells separated by pipes, gives the same figures.
TEST(GoldenEncodings, SeedCopiesGiveIdenticalFigures) {
  const Extractor& x = testing::SharedExtractor();
  std::string root = testing::SourceDir() + "/corpus/";
  Record original =
      x.ExtractBytes("seed", testing::ReadFile(root + "real/000_7d8fc7268cbfb024/input.txt"));
  ASSERT_EQ(original.figures.size(), 200u);
  for (const char* variant :
       {"seed_gb18030", "seed_utf16le_bom", "seed_utf16be_bom", "seed_utf8_bom_crlf",
        "seed_cr_only", "seed_pipes_inline", "seed_pipes_markdown", "seed_pipes_cell_lines",
        "seed_html_entities"}) {
    Record copy =
        x.ExtractBytes(variant, testing::ReadFile(root + "variants/" + variant + "/input.txt"));
    ASSERT_EQ(copy.figures.size(), original.figures.size()) << variant;
    for (size_t i = 0; i < copy.figures.size(); ++i) {
      EXPECT_EQ(copy.figures[i].key, original.figures[i].key) << variant;
      EXPECT_EQ(copy.figures[i].value, original.figures[i].value)
          << variant << " " << copy.figures[i].key;
    }
  }
}

}  // namespace
}  // namespace gongkai
