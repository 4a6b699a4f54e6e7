// Grammars: the label patterns of grammars/*.toml, compiled once and shared by every extraction.
#ifndef GONGKAI_GRAMMAR_GRAMMAR_H_
#define GONGKAI_GRAMMAR_GRAMMAR_H_

#include <re2/re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "gongkai/record.h"

namespace gongkai {

enum class MatchKind { kNone, kStrict, kTolerant };

// One named pattern with its tolerant variants and the examples that document (and test) it.
struct Rule {
  std::string id;        // "2021:requests.granted", "sections:overview", "report:title"
  std::string key;       // figure key stem, section id or group name
  std::string official;  // the label as the national template prints it
  std::string group;     // row rules: the group label the row sits under
  bool needs_group = false;
  bool template_specific = false;  // header rules: wording of this template only
  std::vector<std::string> columns;         // proactive rows: column key suffixes in order
  std::vector<std::string> amount_columns;  // columns in 万元 (元 converted)
  std::vector<std::string> signed_columns;  // columns that may print + or -
  std::unique_ptr<RE2> strict;
  std::vector<std::unique_ptr<RE2>> tolerant;
  std::vector<std::string> examples;
  std::vector<std::string> tolerant_examples;
  std::vector<std::string> counterexamples;

  MatchKind Match(std::string_view label) const;
  bool IsAmount(const std::string& column) const;
  bool IsSigned(const std::string& column) const;
};

struct ColumnRule {
  std::string key;
  std::unique_ptr<RE2> pattern;
};

// One statistics table of one template (one grammars/<template>/<table>.toml file).
struct TableGrammar {
  std::string table;        // proactive, requests, appeals
  std::string template_id;  // 2019, 2021
  std::vector<ColumnRule> columns;  // requests, appeals: shared columns in printed order
  std::vector<Rule> headers;
  std::vector<Rule> groups;
  std::vector<Rule> rows;    // proactive, requests
  std::vector<Rule> blocks;  // appeals

  // Every figure key this table can produce, in printed order.
  std::vector<std::string> FigureKeys() const;
  // Column suffixes of a row rule (its own, or the table's shared columns).
  std::vector<std::string> RowColumns(const Rule& row) const;
};

struct ReportRules {
  Rule title;           // group 1 agency, group 2 year
  Rule period;          // group 1 year
  Rule signature_date;  // group 1 year
  Rule agency_phrase;   // group 1 agency
  Rule opening;         // group 1 year, group 2 agency
  Rule agency;          // what an agency name looks like
};

class GrammarSet {
 public:
  // The grammars compiled into the binary.
  static std::unique_ptr<GrammarSet> LoadEmbedded(Error* error);
  // A folder laid out as grammars/.
  static std::unique_ptr<GrammarSet> LoadDir(const std::string& dir, Error* error);
  // Named TOML texts ("sections.toml", "2021/requests.toml", ...).
  static std::unique_ptr<GrammarSet> LoadFiles(
      const std::vector<std::pair<std::string, std::string>>& files, Error* error);

  const std::vector<Rule>& sections() const { return sections_; }
  const RE2& numbering() const { return *numbering_; }
  // For each section rule: numbering followed by its pattern, searched anywhere in a line.
  const RE2& heading(size_t section) const { return *headings_[section]; }
  const ReportRules& report() const { return report_; }
  // The grammars of one table, one per template, newest template first.
  std::vector<const TableGrammar*> ForTable(std::string_view table) const;
  const std::vector<std::unique_ptr<TableGrammar>>& tables() const { return tables_; }

 private:
  GrammarSet() = default;
  std::vector<Rule> sections_;
  std::unique_ptr<RE2> numbering_;
  std::vector<std::unique_ptr<RE2>> headings_;
  ReportRules report_;
  std::vector<std::unique_ptr<TableGrammar>> tables_;
};

}  // namespace gongkai

#endif  // GONGKAI_GRAMMAR_GRAMMAR_H_
