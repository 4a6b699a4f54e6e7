// Lints grammars/: every example matches as documented, ids are unique, official labels match
// their own rule and no other, and the keys are exactly those of FORMATS.md.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <set>

#include "figures/label_matcher.h"
#include "grammar/embedded.h"
#include "grammar/grammar.h"
#include "normalize/normalize.h"
#include "test_util.h"

namespace gongkai {
namespace {

std::string Key(const std::string& text) { return LabelKey(Normalizer().Normalize(text)); }

void CheckExamples(const Rule& rule) {
  EXPECT_FALSE(rule.examples.empty()) << rule.id << " has no examples";
  for (const std::string& e : rule.examples) {
    EXPECT_EQ(rule.Match(Key(e)), MatchKind::kStrict) << rule.id << " example: " << e;
  }
  for (const std::string& e : rule.tolerant_examples) {
    EXPECT_EQ(rule.Match(Key(e)), MatchKind::kTolerant) << rule.id << " tolerant example: " << e;
  }
  if (!rule.tolerant.empty()) {
    EXPECT_FALSE(rule.tolerant_examples.empty()) << rule.id << " has no tolerant examples";
  }
  for (const std::string& e : rule.counterexamples) {
    EXPECT_EQ(rule.Match(Key(e)), MatchKind::kNone) << rule.id << " counterexample: " << e;
  }
}

TEST(GrammarLint, TableRulesExamples) {
  for (const auto& table : testing::SharedGrammars().tables()) {
    for (const Rule& r : table->rows) CheckExamples(r);
    for (const Rule& r : table->groups) CheckExamples(r);
    for (const Rule& r : table->blocks) CheckExamples(r);
  }
}

TEST(GrammarLint, ReportRulesExamples) {
  const ReportRules& r = testing::SharedGrammars().report();
  for (const Rule* rule :
       {&r.title, &r.period, &r.signature_date, &r.agency_phrase, &r.opening, &r.agency,
        &r.table_replaced, &r.title_inline, &r.date, &r.period_words, &r.statistics_time,
        &r.short_agency, &r.place, &r.agency_field, &r.link}) {
    CheckExamples(*rule);
  }
}

TEST(GrammarLint, ProseRulesExamples) {
  const std::vector<Rule>& prose = testing::SharedGrammars().prose();
  ASSERT_FALSE(prose.empty());
  std::set<std::string> ids;
  for (const Rule& r : prose) {
    CheckExamples(r);
    EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
    EXPECT_EQ(r.key.rfind("prose.", 0), 0u) << r.id << ": key " << r.key;
    EXPECT_LE(r.strict->NumberOfCapturingGroups(), 1) << r.id;
    EXPECT_FALSE(r.counterexamples.empty()) << r.id << " has no counterexamples";
  }
}

TEST(GrammarLint, SectionHeadingExamples) {
  const GrammarSet& g = testing::SharedGrammars();
  Normalizer n;
  for (size_t i = 0; i < g.sections().size(); ++i) {
    const Rule& s = g.sections()[i];
    EXPECT_FALSE(s.examples.empty()) << s.id;
    for (const std::string& e : s.examples) {
      EXPECT_TRUE(RE2::PartialMatch(n.Normalize(e), g.heading(i))) << s.id << " example: " << e;
    }
    for (const std::string& e : s.counterexamples) {
      EXPECT_FALSE(RE2::PartialMatch(n.Normalize(e), g.heading(i))) << s.id << " counter: " << e;
    }
    EXPECT_TRUE(RE2::PartialMatch(Key(s.official), *s.strict)) << s.id << " official label";
    std::vector<std::string> texts = s.examples;
    texts.push_back(s.official);
    for (const std::string& t : texts) {
      bool keyword = false;
      for (const std::string& k : g.heading_keywords()) keyword |= t.find(k) != std::string::npos;
      EXPECT_TRUE(keyword) << s.id << ": 「" << t << "」 has none of the heading keywords";
    }
  }
  std::vector<std::string> ids;
  for (const Rule& s : g.sections()) ids.push_back(s.key);
  EXPECT_EQ(ids, (std::vector<std::string>{"overview", "proactive", "requests", "appeals",
                                           "problems", "other"}));
}

TEST(GrammarLint, IdsUniqueAndOfficialLabelsUnambiguous) {
  for (const auto& table : testing::SharedGrammars().tables()) {
    std::set<std::string> ids;
    for (const auto* rules : {&table->rows, &table->groups, &table->blocks, &table->headers}) {
      for (const Rule& r : *rules) {
        EXPECT_TRUE(ids.insert(r.id).second) << "duplicate id " << r.id;
        EXPECT_EQ(r.id.rfind(table->template_id + ":", 0), 0u) << r.id;
      }
    }
    const std::vector<Rule>& rows = table->blocks.empty() ? table->rows : table->blocks;
    for (const Rule& r : rows) {
      ASSERT_FALSE(r.official.empty()) << r.id;
      std::string official = Key(r.official);
      EXPECT_EQ(r.Match(official), MatchKind::kStrict) << r.id << " does not match its label";
      for (const Rule& other : rows) {
        if (&other == &r) continue;
        // The same words under two groups (统计表 「（二）被依法纠错数」 under 复议 and 诉讼).
        if (r.needs_group && other.needs_group && r.group != other.group) continue;
        EXPECT_NE(other.strict->pattern().empty(), true);
        EXPECT_FALSE(RE2::PartialMatch(official, *other.strict))
            << r.id << "'s label also matches " << other.id;
      }
    }
  }
}

// The figure keys of FORMATS.md, per template and table.
std::set<std::string> ContractKeys(const std::string& table, const std::string& template_id) {
  std::set<std::string> keys;
  auto add = [&](const std::string& stem, std::initializer_list<const char*> columns) {
    for (const char* c : columns) keys.insert(stem + "." + c);
  };
  if (table == "proactive" && template_id == "2021") {
    for (const char* row : {"rules", "normative_docs"}) {
      add(std::string("proactive.") + row, {"issued", "repealed", "in_force"});
    }
    for (const char* row : {"licensing", "penalties", "coercion"}) {
      add(std::string("proactive.") + row, {"decisions"});
    }
    add("proactive.fees", {"amount"});
  } else if (table == "proactive") {
    for (const char* row : {"rules", "normative_docs"}) {
      add(std::string("proactive.") + row, {"made", "published", "total"});
    }
    for (const char* row : {"licensing", "other_services", "penalties", "coercion"}) {
      add(std::string("proactive.") + row, {"prior_items", "change", "decisions"});
    }
    add("proactive.fees", {"prior_items", "change"});
    add("proactive.procurement", {"items", "amount"});
  } else if (table == "requests") {
    std::vector<std::string> rows = {"received",
                                     "carried_over",
                                     "granted",
                                     "partial",
                                     "denied.state_secret",
                                     "denied.prohibited",
                                     "denied.security",
                                     "denied.third_party",
                                     "denied.internal",
                                     "denied.deliberative",
                                     "denied.enforcement",
                                     "denied.inquiry",
                                     "unavailable.not_held",
                                     "unavailable.needs_creation",
                                     "unavailable.unclear",
                                     "rejected.complaint",
                                     "rejected.duplicate",
                                     "rejected.publication",
                                     "rejected.excessive",
                                     "rejected.reconfirm",
                                     "total",
                                     "carried_forward"};
    if (template_id == "2021") {
      rows.insert(rows.end(), {"other.no_correction", "other.unpaid_fee", "other.other"});
    } else {
      rows.push_back("other");
    }
    for (const std::string& row : rows) {
      add("requests." + row,
          {"natural", "commercial", "research", "nonprofit", "legal", "other_org", "total"});
    }
  } else if (table == "appeals") {
    for (const char* group : {"review", "suit_direct", "suit_after_review"}) {
      add(std::string("appeals.") + group, {"upheld", "corrected", "other", "pending", "total"});
    }
  }
  return keys;
}

TEST(GrammarLint, KeysAreTheContract) {
  int tables = 0;
  for (const auto& table : testing::SharedGrammars().tables()) {
    std::vector<std::string> keys = table->FigureKeys();
    std::set<std::string> got(keys.begin(), keys.end());
    EXPECT_EQ(got.size(), keys.size()) << table->template_id << "/" << table->table;
    ++tables;
    if (table->template_id == "stats2018") {
      // The project's own keys: stats.<path>, lower-case words, no key a prefix of another.
      EXPECT_EQ(keys.size(), 58u);
      for (const std::string& k : keys) {
        EXPECT_TRUE(RE2::FullMatch(k, R"(stats(\.[a-z_]+)+)")) << k;
        for (const std::string& other : keys) {
          EXPECT_FALSE(other != k && other.rfind(k + ".", 0) == 0) << k << " prefixes " << other;
        }
      }
      for (const Rule& r : table->rows) EXPECT_FALSE(r.unit.empty()) << r.id << " has no unit";
      continue;
    }
    EXPECT_EQ(got, ContractKeys(table->table, table->template_id))
        << table->template_id << "/" << table->table;
  }
  EXPECT_EQ(tables, 7);
}

TEST(GrammarLint, BadGrammarIsAnErrorNotACrash) {
  Error error;
  auto set = GrammarSet::LoadFiles({{"sections.toml", "numbering = '(['\n"}}, &error);
  EXPECT_EQ(set, nullptr);
  EXPECT_EQ(error.code, "grammar.bad_pattern");
  set = GrammarSet::LoadFiles({{"sections.toml", "numbering = \n"}}, &error);
  EXPECT_EQ(set, nullptr);
  EXPECT_EQ(error.code, "grammar.invalid");
}

TEST(GrammarLint, LoadDirMatchesEmbedded) {
  Error error;
  auto from_dir = GrammarSet::LoadDir(testing::SourceDir() + "/grammars", &error);
  ASSERT_NE(from_dir, nullptr) << error.message;
  EXPECT_EQ(from_dir->tables().size(), testing::SharedGrammars().tables().size());
  EXPECT_EQ(from_dir->sections().size(), testing::SharedGrammars().sections().size());
}

// Every key an identity names is a figure of its template's tables (the loader refuses others;
// this checks the loaded result), and identities 1–4 are stated for every row, column and block.
TEST(GrammarLint, IdentitiesNameTheTemplatesFigures) {
  const GrammarSet& g = testing::SharedGrammars();
  std::set<std::string> templates;
  for (const auto& table : g.tables()) templates.insert(table->template_id);
  EXPECT_EQ(templates, (std::set<std::string>{"2019", "2021", "stats2018"}));
  for (const std::string& t : templates) {
    const TemplateIdentities* ids = g.identities(t);
    ASSERT_NE(ids, nullptr) << t << "/identities.toml";
    std::set<std::string> keys;
    std::map<std::string, const TableGrammar*> tables;
    for (const auto& table : g.tables()) {
      if (table->template_id != t) continue;
      tables[table->table] = table.get();
      for (const std::string& k : table->FigureKeys()) keys.insert(k);
    }
    std::map<std::string, int> count;
    for (const Identity& id : ids->identities) {
      ++count[id.rule.rfind("appeals.", 0) == 0 ? "appeals" : id.rule];
      ASSERT_TRUE(tables.count(id.table)) << id.rule;
      std::vector<std::string> own = tables[id.table]->FigureKeys();
      for (const auto* side : {&id.lhs, &id.rhs}) {
        for (const std::string& k : *side) {
          EXPECT_NE(std::find(own.begin(), own.end(), k), own.end()) << t << " " << id.rule << k;
        }
      }
    }
    for (const FilingIdentity& id : ids->filing_identities) {
      for (const auto* side : {&id.lhs, &id.rhs}) {
        for (const FilingTerm& term : *side) EXPECT_TRUE(keys.count(term.key)) << term.key;
      }
    }
    std::vector<std::string> value_rules;
    for (const ValueRule& r : ids->value_rules) value_rules.push_back(r.rule);
    EXPECT_EQ(value_rules, (std::vector<std::string>{"values.non_negative", "values.integer"}));
    if (t == "stats2018") {
      EXPECT_TRUE(ids->identities.empty());
      continue;
    }
    EXPECT_EQ(count["requests.balance"], 7) << t;
    EXPECT_EQ(count["requests.outcomes"], 7) << t;
    EXPECT_EQ(count["requests.row_total"], static_cast<int>(tables["requests"]->rows.size())) << t;
    EXPECT_EQ(count["appeals"], 3) << t;
    EXPECT_EQ(ids->filing_identities.size(), t == "2021" ? 9u : 7u) << t;
  }
}

// （七）总计 sums every outcome row: each row of 三 but the four of the balance.
TEST(GrammarLint, OutcomesSumEveryOutcomeRow) {
  for (const TableGrammar* table : testing::SharedGrammars().ForTable("requests")) {
    std::set<std::string> rows, summed;
    for (const Rule& r : table->rows) rows.insert("requests." + r.key + ".total");
    for (const char* balance : {"received", "carried_over", "total", "carried_forward"}) {
      rows.erase(std::string("requests.") + balance + ".total");
    }
    for (const Identity* id : table->identities) {
      if (id->rule == "requests.outcomes" && id->column == "total") {
        summed.insert(id->rhs.begin(), id->rhs.end());
      }
    }
    EXPECT_EQ(summed, rows) << table->template_id;
  }
}

// The built-in grammar files with one replaced.
std::vector<std::pair<std::string, std::string>> FilesWith(const std::string& name,
                                                           const std::string& content) {
  std::vector<std::pair<std::string, std::string>> files;
  for (const EmbeddedFile& f : EmbeddedGrammarFiles()) {
    files.emplace_back(std::string(f.name), f.name == name ? content : std::string(f.content));
  }
  return files;
}

TEST(GrammarLint, BadIdentitiesAreGrammarErrors) {
  const std::string head = "template = \"2021\"\n[[identity]]\nrule = \"r\"\n";
  const std::pair<const char*, const char*> cases[] = {
      {"lhs = [\"requests.recieved.total\"]\nrhs = [\"requests.total.total\"]\n",
       "requests.recieved.total"},
      {"lhs = [\"requests.received.{colum}\"]\nrhs = [\"requests.total.total\"]\n",
       "unknown placeholder"},
      {"lhs = [\"requests.{row}.{column}\"]\nrhs = [\"requests.total.total\"]\n",
       "one placeholder"},
      {"lhs = [\"requests.received.total\"]\nrhs = []\n", "needs lhs and rhs"},
      {"lhs = [\"stats.fees\"]\nrhs = [\"stats.fees\"]\n", "no table"},
      {"lhs = [\"proactive.{column}\"]\nrhs = [\"proactive.fees.amount\"]\n", "has no columns"},
      {"lhs = [\"-requests.received.total\"]\nrhs = [\"requests.total.total\"]\n", "plain sums"},
  };
  for (const auto& [body, why] : cases) {
    Error error;
    auto set = GrammarSet::LoadFiles(FilesWith("2021/identities.toml", head + body), &error);
    EXPECT_EQ(set, nullptr) << body;
    EXPECT_EQ(error.code, "grammar.invalid") << body;
    EXPECT_NE(error.message.find(why), std::string::npos) << error.message;
  }
  Error error;
  std::string filing =
      "template = \"2021\"\n[[across_filings]]\nrule = \"c\"\nlhs = [\"requests.total.total\"]\n"
      "rhs = [\"previous:requests.total.total\"]\nevidence = \"{year} {lhs0} {rhs1}\"\n";
  EXPECT_EQ(GrammarSet::LoadFiles(FilesWith("2021/identities.toml", filing), &error), nullptr);
  EXPECT_NE(error.message.find("{rhs1}"), std::string::npos) << error.message;
  std::string wrong_template = "template = \"2019\"\n";
  EXPECT_EQ(GrammarSet::LoadFiles(FilesWith("2021/identities.toml", wrong_template), &error),
            nullptr);
  EXPECT_NE(error.message.find("declares template 2019"), std::string::npos) << error.message;
}

}  // namespace
}  // namespace gongkai
