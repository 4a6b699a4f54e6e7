// Grammars: the label patterns of grammars/*.toml, compiled once and shared by every extraction.
#ifndef GONGKAI_GRAMMAR_GRAMMAR_H_
#define GONGKAI_GRAMMAR_GRAMMAR_H_

#include <re2/re2.h>
#include <re2/set.h>

#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "gongkai/record.h"
#include "grammar/identities.h"

namespace gongkai {

enum class MatchKind { kNone, kStrict, kTolerant };

// One named pattern with its tolerant variants and the examples that document (and test) it.
struct Rule {
  std::string id;        // "2021:requests.granted", "sections:overview", "report:title"
  std::string key;       // figure key stem, section id or group name
  std::string official;  // the label as the national template prints it
  std::string group;     // row rules: the group label the row sits under
  bool needs_group = false;
  bool template_specific = false;           // header rules: wording of this template only
  std::vector<std::string> columns;         // proactive rows: column key suffixes in order
  std::vector<std::string> amount_columns;  // columns in 万元 (元 converted)
  std::vector<std::string> signed_columns;  // columns that may print + or -
  std::string unit;  // stats2018 indicators: the unit the value is counted in (条, 件, 万元, ...)
  // The official label as similarity compares it: normalized, no spaces, no enumeration, as
  // code points (filled at load).
  std::u32string official_core;
  std::unique_ptr<RE2> strict;
  std::vector<std::unique_ptr<RE2>> tolerant;
  std::vector<std::string> examples;
  std::vector<std::string> tolerant_examples;
  std::vector<std::string> counterexamples;

  MatchKind Match(std::string_view label) const;
  bool IsAmount(const std::string& column) const;
  bool IsSigned(const std::string& column) const;
};

// The patterns of several rule lists in one RE2::Set, so that a single pass over a label tells
// every rule of every list it matches, strictly or tolerantly: the hot path of the figures stage.
// The labels of the national templates (every rule's official label and examples) are matched
// once at load and kept, so most printed labels need no regex at all.
class RuleIndex {
 public:
  // How a label matches every rule, lists one after another (List() gives one list's part).
  using Kinds = std::vector<MatchKind>;

  bool Build(std::vector<const std::vector<Rule>*> lists, Error* error);
  // Kinds of label: from the precomputed labels, or else computed into *scratch.
  const Kinds& Match(std::string_view label, Kinds* scratch) const;
  std::span<const MatchKind> List(const Kinds& kinds, int list) const {
    return {kinds.data() + offsets_[list], lists_[list]->size()};
  }

 private:
  void Compute(std::string_view label, Kinds* kinds) const;
  struct Owner {
    int list;
    int rule;
    bool strict;
  };
  std::vector<const std::vector<Rule>*> lists_;
  std::vector<size_t> offsets_;
  size_t total_ = 0;
  std::unique_ptr<RE2::Set> set_;
  std::vector<Owner> owners_;  // pattern index → rule
  std::unordered_map<std::string, Kinds> known_;
};

// One statistics table of one template (one grammars/<template>/<table>.toml file).
struct TableGrammar {
  std::string table;          // proactive, requests, appeals
  std::string template_id;    // 2019, 2021
  std::vector<Rule> columns;  // requests, appeals: shared columns in printed order
  std::vector<Rule> headers;
  std::vector<Rule> groups;
  std::vector<Rule> rows;    // proactive, requests
  std::vector<Rule> blocks;  // appeals
  // headers, groups, rows, blocks and columns, in that order (see the k*List constants).
  RuleIndex index;
  // Every strict pattern without its anchors, as one leftmost-longest alternation: finds the
  // labels inside flattened text where they run into each other.
  std::unique_ptr<RE2> scanner;
  // This table's identities, from its template's identities.toml (empty without one).
  std::vector<const Identity*> identities;
  static constexpr int kHeaderList = 0, kGroupList = 1, kRowList = 2, kBlockList = 3,
                       kColumnList = 4;

  // The key of a row's column: table.row.column (table.row when the column key is empty).
  std::string FigureKey(const Rule& row, const std::string& column) const;
  // Every figure key this table can produce, in printed order.
  std::vector<std::string> FigureKeys() const;
  // Column suffixes of a row rule: its own, or (filled in at load) the table's shared columns.
  const std::vector<std::string>& RowColumns(const Rule& row) const { return row.columns; }
};

struct ReportRules {
  Rule title;             // group 1 agency, group 2 year
  Rule title_year_first;  // group 1 year, group 2 agency
  Rule period;            // group 1 year
  Rule signature_date;    // group 1 year
  Rule agency_phrase;     // group 1 agency
  Rule opening;           // group 1 year, group 2 agency
  Rule agency;            // what an agency name looks like
  Rule table_replaced;  // a sentence standing in for a table (「未收到政府信息公开申请」)
  // Issue 13: agency and year on any real report (segment/report_info.cc).
  Rule title_inline;     // a title inside running text: group 1 year
  Rule date;             // a date: group 1 year (month and day in digits or numerals)
  Rule period_words;     // 「2017年度」 and the like: group 1 year
  Rule statistics_time;  // 「统计时间为2017年度」: group 1 year
  Rule short_agency;     // 省人社厅, 我厅: a form that needs the full name
  Rule place;            // where a signature's agency starts: a province name
  Rule agency_field;     // 「来源：平潭县人民政府」: group 1 agency
  Rule link;             // text before a title that makes it a link (上一篇)
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
  // Numbering followed by any section's pattern: group 1 the numbering, group 2 + i section i.
  const RE2& any_heading() const { return *any_heading_; }
  // Words every section heading contains (sections.toml `keywords`).
  const std::vector<std::string>& heading_keywords() const { return heading_keywords_; }
  const ReportRules& report() const { return report_; }
  // Heading numberings besides 「一、」 (sections.toml `alternative_numbering`: 第一部分, （一）,
  // 1., 一是), each combined with every section pattern like any_heading().
  const std::vector<std::unique_ptr<RE2>>& alternative_headings() const {
    return alternative_headings_;
  }
  // Figures stated in sentences (prose.toml): key = figure key, group 1 the number (none: 0).
  const std::vector<Rule>& prose() const { return prose_; }
  // The grammars of one table, one per template, newest template first.
  std::vector<const TableGrammar*> ForTable(std::string_view table) const;
  const std::vector<std::unique_ptr<TableGrammar>>& tables() const { return tables_; }
  // The identities of a template (<template>/identities.toml), or null.
  const TemplateIdentities* identities(std::string_view template_id) const;
  const std::vector<std::unique_ptr<TemplateIdentities>>& all_identities() const {
    return identities_;
  }

 private:
  GrammarSet() = default;
  bool BuildHeadings(const std::string& name,
                     const std::vector<std::string>& alternative_numberings, Error* error);
  bool ReadIdentityFile(const std::string& name, const std::string& content, Error* error);
  std::vector<Rule> sections_;
  std::unique_ptr<RE2> numbering_;
  std::vector<std::unique_ptr<RE2>> headings_;
  std::unique_ptr<RE2> any_heading_;
  std::vector<std::string> heading_keywords_;
  ReportRules report_;
  std::vector<std::unique_ptr<RE2>> alternative_headings_;
  std::vector<Rule> prose_;
  std::vector<std::unique_ptr<TableGrammar>> tables_;
  std::vector<std::unique_ptr<TemplateIdentities>> identities_;
};

}  // namespace gongkai

#endif  // GONGKAI_GRAMMAR_GRAMMAR_H_
