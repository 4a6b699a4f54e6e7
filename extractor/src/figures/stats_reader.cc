#include "figures/stats_reader.h"

#include <algorithm>

#include "figures/label_matcher.h"
#include "util/number.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr std::string_view kUnits[] = {"条", "件",   "次", "篇", "万元", "元", "个",
                                       "人", "人次", "家", "项", "场",   "期", "份"};

bool IsUnit(std::string_view text) {
  return std::find(std::begin(kUnits), std::end(kUnits), text) != std::end(kUnits);
}

}  // namespace

bool FindStatsTable(const Document& doc, size_t* first_line) {
  for (size_t i = 0; i < doc.lines.size(); ++i) {
    if (doc.lines[i].norm.find("统计指标") == std::string::npos) continue;
    int seen = 0;
    for (size_t j = i; j < doc.lines.size() && seen < 8; ++j) {
      if (Trim(doc.lines[j].norm).empty()) continue;
      ++seen;
      if (doc.lines[j].norm.find("统计数") != std::string::npos) {
        *first_line = i;
        return true;
      }
    }
  }
  return false;
}

TableGrid BuildTokenGrid(const std::string& table, const std::vector<SpanLine>& lines) {
  TableGrid grid;
  grid.table = table;
  grid.layout = Layout::kCellPerLine;
  for (const SpanLine& sl : lines) {
    std::string current;
    int spaces = 0;
    auto flush = [&]() {
      if (current.empty()) return;
      Cell cell = MakeCell(current, sl.line->number, sl.line->page);
      Row row;
      row.line = cell.line;
      row.page = cell.page;
      row.text = current;
      if (cell.kind == CellKind::kText) {
        row.labels.push_back(std::move(cell));
      } else {
        row.values.push_back(std::move(cell));
      }
      grid.rows.push_back(std::move(row));
      current.clear();
    };
    for (char c : sl.norm) {
      if (c == '\t' || c == ' ' || c == '|') {  // a pipe: cells joined as scraped tables print them
        spaces += c == ' ' ? 1 : 2;
        continue;
      }
      if (spaces >= 2) flush();
      spaces = 0;
      current.push_back(c);
    }
    flush();
  }
  return grid;
}

namespace {

// Reads the 统计表 cell by cell: text cells collect as the next value's label, unit cells give
// its unit, and each value is named by the first of its labels that matches an indicator.
class StatsReader {
 public:
  explicit StatsReader(const TableGrammar& grammar)
      : grammar_(grammar), taken_(grammar.rows.size(), false), by_rule_(grammar.rows.size()) {}

  TableFigures Read(const TableGrid& grid) {
    for (const Row& row : grid.rows) {
      const Cell* cell = !row.labels.empty() ? &row.labels[0] : &row.values[0];
      if (cell->kind == CellKind::kText) {
        TakeText(cell);
      } else if (cell->kind == CellKind::kNumber || cell->kind == CellKind::kBlank) {
        TakeValue(cell);
        labels_.clear();
        unit_ = nullptr;
      }
    }
    return Finish();
  }

 private:
  // A text cell: a unit, a group heading, a header, or (part of) the next value's label.
  void TakeText(const Cell* cell) {
    if (IsUnit(cell->key)) {
      unit_ = cell;
      return;
    }
    const RuleIndex::Kinds& kinds = grammar_.index.Match(cell->key, &scratch_);
    std::span<const MatchKind> groups = grammar_.index.List(kinds, TableGrammar::kGroupList);
    std::span<const MatchKind> headers = grammar_.index.List(kinds, TableGrammar::kHeaderList);
    auto strict_group = std::find(groups.begin(), groups.end(), MatchKind::kStrict);
    if (strict_group != groups.end()) {
      group_ = grammar_.groups[strict_group - groups.begin()].key;
      labels_.clear();
      return;
    }
    if (std::find(headers.begin(), headers.end(), MatchKind::kStrict) != headers.end()) return;
    labels_.push_back(cell);
  }

  // A value: the label cells before it name the indicator (the first one that matches; the
  // others are notes such as 「（不同渠道和方式公开相同信息计1条）」 or a label's wrapped tail).
  void TakeValue(const Cell* cell) {
    std::string printed;
    for (const Cell* l : labels_) printed += l->text;
    RuleHit hit = MatchIndicator();
    if (hit.match == LabelMatch::kNone) {
      if (!labels_.empty()) {
        Diagnostic d{Severity::kError, "row.unmatched",
                     "the indicator 「" + printed + "」 is not one of the 统计表's"};
        d.table = grammar_.table;
        d.label = printed;
        d.line = cell->line;
        d.page = cell->page;
        out_.diagnostics.push_back(std::move(d));
      }
      return;
    }
    const Rule& rule = grammar_.rows[hit.rule];
    if (!rule.group.empty()) group_ = rule.group;
    if (taken_[hit.rule]) {
      Diagnostic d{Severity::kWarning, "row.duplicate",
                   "a second value for 「" + rule.official + "」; the first is kept"};
      d.key = grammar_.FigureKey(rule, "");
      d.line = cell->line;
      out_.diagnostics.push_back(std::move(d));
      return;
    }
    taken_[hit.rule] = true;
    ++found_;
    Figure f = IndicatorFigure(rule, cell, printed);
    if (hit.match != LabelMatch::kStrict) {
      Diagnostic d{Severity::kWarning, "row.fuzzy_label",
                   "printed label 「" + printed + "」 read as 「" + rule.official + "」 (" +
                       LabelMatchName(hit.match) + " match)"};
      d.key = f.key;
      d.label = printed;
      d.rule = rule.id;
      d.line = cell->line;
      out_.diagnostics.push_back(std::move(d));
    }
    by_rule_[hit.rule] = std::move(f);
  }

  // The indicator the collected labels name: strict and tolerant matches first, then similarity.
  RuleHit MatchIndicator() {
    RuleHit hit;
    for (bool similar : {false, true}) {
      for (const Cell* l : labels_) {
        const RuleIndex::Kinds& kinds = grammar_.index.Match(l->key, &scratch_);
        hit = MatchLabel(grammar_.rows, grammar_.index.List(kinds, TableGrammar::kRowList), l->key,
                         group_, taken_, similar);
        if (hit.match != LabelMatch::kNone) return hit;
      }
    }
    return hit;
  }

  // The indicator's figure: its value in the indicator's unit (元 converted to 万元), or blank.
  Figure IndicatorFigure(const Rule& rule, const Cell* cell, const std::string& printed) {
    Figure f;
    f.key = grammar_.FigureKey(rule, "");
    f.provenance.rule = rule.id;
    f.provenance.line = cell->line;
    f.provenance.page = cell->page;
    f.provenance.cell = cell->text;
    f.provenance.text = printed + (unit_ ? "\t" + unit_->text : "") + "\t" + cell->text;
    f.provenance.unit = unit_ ? unit_->key : rule.unit;
    CellNumber n = ParseCellNumber(cell->text);
    if (n.kind != CellNumber::Kind::kNumber) {
      Diagnostic d{Severity::kInfo, "cell.blank", "the cell is printed empty"};
      d.key = f.key;
      d.line = cell->line;
      out_.diagnostics.push_back(std::move(d));
      return f;
    }
    f.value = n.value;
    std::string printed_unit = unit_ ? unit_->key : "";
    if (printed_unit == "元" && rule.unit == "万元") {
      f.value = n.value / 10000.0;
      f.provenance.unit = "万元";
      Diagnostic d{Severity::kInfo, "unit.converted", "「" + cell->text + "元」 stored in 万元"};
      d.key = f.key;
      d.line = cell->line;
      out_.diagnostics.push_back(std::move(d));
    } else if (!printed_unit.empty() && printed_unit != rule.unit) {
      Diagnostic d{Severity::kWarning, "unit.unexpected",
                   "counted in 「" + printed_unit + "」, the 统计表 says 「" + rule.unit + "」"};
      d.key = f.key;
      d.line = cell->line;
      out_.diagnostics.push_back(std::move(d));
    }
    return f;
  }

  // The figures in the grammar's order; indicators without a value are missing rows.
  TableFigures Finish() {
    out_.table = grammar_.table;
    out_.template_id = grammar_.template_id;
    for (size_t r = 0; r < grammar_.rows.size(); ++r) {
      if (by_rule_[r]) {
        out_.figures.push_back(std::move(*by_rule_[r]));
      } else if (found_ > 0) {
        Diagnostic d{Severity::kError, "row.missing",
                     "no value for 「" + grammar_.rows[r].official + "」"};
        d.table = grammar_.table;
        d.key = grammar_.FigureKey(grammar_.rows[r], "");
        out_.diagnostics.push_back(std::move(d));
      }
    }
    if (found_ == 0) out_.template_id.clear();
    out_.score = found_;
    out_.complete = true;
    return std::move(out_);
  }

  const TableGrammar& grammar_;
  TableFigures out_;
  std::vector<const Cell*> labels_;  // text since the last value
  const Cell* unit_ = nullptr;
  std::string group_;
  std::vector<bool> taken_;
  std::vector<std::optional<Figure>> by_rule_;
  RuleIndex::Kinds scratch_;
  int found_ = 0;
};

}  // namespace

TableFigures ReadStats(const TableGrid& grid, const TableGrammar& grammar) {
  return StatsReader(grammar).Read(grid);
}

}  // namespace gongkai
