#include "figures/figures.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "figures/flattened_solver.h"
#include "figures/label_matcher.h"
#include "util/number.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr size_t kAppealsCells = 15;

// A number, or a flattened run of numbers.
bool IsNumberCell(const Cell& c) { return c.kind == CellKind::kNumber || c.kind == CellKind::kRun; }

const Cell* RunOf(const Row& row) {
  for (const Cell& c : row.values) {
    if (c.kind == CellKind::kRun) return &c;
  }
  return nullptr;
}

bool HasNumber(const Row& row) {
  return std::any_of(row.values.begin(), row.values.end(), IsNumberCell);
}

std::string JoinLabels(const std::vector<const Cell*>& cells) {
  std::string out;
  for (const Cell* c : cells) out += c->text;
  return out;
}

// A row's value cells placed onto ncols columns; nullptr where a blank cell is implied.
struct Placement {
  std::vector<const Cell*> cells;
  bool fits = true;     // the printed cells fit the columns without guessing
  std::string problem;  // why not
};

Placement PlaceValues(const Row& row, size_t ncols, int usual_start_col) {
  Placement out;
  const std::vector<Cell>& v = row.values;
  int first = -1, last = -1;
  for (size_t i = 0; i < v.size(); ++i) {
    if (IsNumberCell(v[i])) {
      if (first < 0) first = static_cast<int>(i);
      last = static_cast<int>(i);
    }
  }
  if (first < 0) {
    // No number: a row printing only blank cells (explicit empties or — / 无 markers).
    for (size_t i = 0; i < v.size() && out.cells.size() < ncols; ++i) out.cells.push_back(&v[i]);
    while (out.cells.size() < ncols) out.cells.push_back(nullptr);
    return out;
  }
  size_t core = static_cast<size_t>(last - first + 1);
  if (core > ncols) {
    out.fits = false;
    out.problem = "the row prints " + std::to_string(core) + " cells for " + std::to_string(ncols) +
                  " columns; the first " + std::to_string(ncols) + " are kept";
    for (size_t i = 0; i < ncols; ++i) out.cells.push_back(&v[first + i]);
    return out;
  }
  size_t need = ncols - core;
  size_t lead = static_cast<size_t>(first);
  size_t trail = v.size() - 1 - static_cast<size_t>(last);
  auto take = [&](size_t from, size_t count) {
    for (size_t i = 0; i < count; ++i) out.cells.push_back(&v[from + i]);
  };
  if (need == 0) {
    take(first, core);
    return out;
  }
  if (!row.explicit_blanks) {
    out.fits = false;
    out.problem = "the row prints " + std::to_string(core) + " of " + std::to_string(ncols) +
                  " cells and its layout does not show which are blank; blanks assumed last";
    take(first, core);
    while (out.cells.size() < ncols) out.cells.push_back(nullptr);
    return out;
  }
  bool front = lead >= need;
  bool back = trail >= need;
  if (front && back && usual_start_col >= 0 && v[first].col >= 0) {
    // Both fit: align with the rows that print every cell.
    if (v[first].col == usual_start_col)
      front = false;
    else
      back = false;
  } else if (front && back) {
    back = false;  // blanks lead: applicant rows are right-aligned under 总计 in real reports
  }
  if (front) {
    take(first - need, ncols);
  } else if (back) {
    take(first, ncols);
  } else {
    take(first - lead, lead + core);
    take(last + 1, std::min(trail, need - lead));
    while (out.cells.size() < ncols) out.cells.push_back(nullptr);
    if (lead + trail < need) {
      out.fits = false;
      out.problem = "the row prints " + std::to_string(core) + " of " + std::to_string(ncols) +
                    " cells; missing cells assumed blank at the end";
    }
  }
  return out;
}

struct Assignment {
  int rule = -1;
  LabelMatch match = LabelMatch::kNone;
  std::string label;  // as printed (normalized), continuation lines appended
  const Row* row = nullptr;
  Placement placement;
};

struct Event {
  int assignment = -1;  // index into assignments, or -1 for an unmatched value row
  const Row* row = nullptr;
  std::string label;
};

Diagnostic MakeDiagnostic(Severity severity, std::string code, std::string message,
                          const Row* row) {
  Diagnostic d;
  d.severity = severity;
  d.code = std::move(code);
  d.message = std::move(message);
  if (row) {
    d.line = row->line;
    d.page = row->page;
  }
  return d;
}

// Where a cell of a cell grid stands: its table, row and column, and its element path.
void SetGridPlace(const Cell& cell, Provenance* p) {
  if (cell.grid < 0) return;
  p->table = cell.grid;
  p->row = cell.grid_row;
  p->col = cell.grid_col;
  p->path = cell.path;
}

// A value cell that gives no number: printed empty or with a blank marker (—, ／, 无), an
// info; any other text (garbled glyphs such as 「1�88」, a word) an error, since the figure it
// should hold is unknown, not absent.
Diagnostic NotANumber(const Cell* cell, const Row* row) {
  if (!cell || ParseCellNumber(cell->text).kind == CellNumber::Kind::kBlank) {
    return MakeDiagnostic(Severity::kInfo, "cell.blank",
                          cell && !cell->text.empty() ? "the cell prints 「" + cell->text + "」"
                                                      : "the cell is printed empty",
                          row);
  }
  return MakeDiagnostic(Severity::kError, "cell.unreadable",
                        "the cell prints 「" + cell->text + "」, not a number", row);
}

class RowTableReader {
 public:
  RowTableReader(const TableGrid& grid, const TableGrammar& grammar)
      : grid_(grid), grammar_(grammar), rules_(grammar.rows), taken_(rules_.size(), false) {}

  TableFigures Read() {
    TableFigures out;
    out.table = grammar_.table;
    out.template_id = grammar_.template_id;
    usual_start_col_ = UsualStartColumn();
    if (grid_.layout == Layout::kFlattened) ExpandFlattened();
    const std::vector<Row>& rows = grid_.layout == Layout::kFlattened ? expanded_ : grid_.rows;
    std::vector<const Cell*> pending;  // a label printed on the line(s) before its numbers
    for (size_t r = 0; r < rows.size(); ++r) {
      const Row& row = rows[r];
      bool numbers = HasNumber(row);
      if (!numbers && IsHeader(row)) {
        pending.clear();
        continue;
      }
      std::vector<const Cell*> labels = NonGroupLabels(row);
      bool blank_row = !numbers && row.explicit_blanks && !labels.empty() && !row.values.empty();
      if (numbers) {
        RuleHit hit = MatchRow(labels, pending);
        std::vector<const Cell*> printed = pending;
        printed.insert(printed.end(), labels.begin(), labels.end());
        pending.clear();
        Record(hit, JoinLabels(printed), &row);
        continue;
      }
      if (labels.empty()) continue;  // a group label alone, or nothing
      // A label without numbers: the first part of the next row's label, a row printing no
      // numbers, or the wrapped tail of the previous row's label.
      if (r + 1 < rows.size() && HasNumber(rows[r + 1]) && !blank_row) {
        std::vector<const Cell*> next = NonGroupLabels(rows[r + 1]);
        std::vector<const Cell*> none;
        RuleHit alone = MatchRow(next, none);
        if (alone.match == LabelMatch::kNone || next.empty()) {
          pending.insert(pending.end(), labels.begin(), labels.end());
          continue;
        }
      }
      RuleHit hit = MatchRow(labels, pending);
      if (hit.match == LabelMatch::kStrict) {
        pending.clear();
        Record(hit, JoinLabels(labels), &row);
        continue;
      }
      // The tail of the previous row's label, unless that label is complete already.
      if (pending.empty() && !events_.empty() && events_.back().assignment >= 0 &&
          assignments_[events_.back().assignment].match != LabelMatch::kStrict) {
        Continue(&assignments_[events_.back().assignment], JoinLabels(labels));
        continue;
      }
      pending.insert(pending.end(), labels.begin(), labels.end());
    }
    AssignByPosition();
    Emit(&out);
    return out;
  }

 private:
  // Flattened text: each text run may hold several labels
  // (「行政处罚行政强制第二十条第（八）项…」). The grammar's scanner cuts it into one row per label
  // found; the run's digits go to the last.
  void ExpandFlattened() {
    for (const Row& row : grid_.rows) {
      const Cell* run = RunOf(row);
      std::string text = row.labels.empty() ? std::string() : row.labels[0].text;
      std::vector<Row> pieces;
      re2::StringPiece rest(text);
      re2::StringPiece match;
      size_t last_end = 0;
      while (!rest.empty() &&
             grammar_.scanner->Match(rest, 0, rest.size(), RE2::UNANCHORED, &match, 1)) {
        if (match.empty()) break;
        size_t begin = match.data() - text.data();
        size_t end = begin + match.size();
        std::string span(match.data(), match.size());
        const RuleIndex::Kinds& kinds = KindsOf(span);
        bool label = false;
        for (int list :
             {TableGrammar::kHeaderList, TableGrammar::kColumnList, TableGrammar::kGroupList,
              TableGrammar::kRowList, TableGrammar::kBlockList}) {
          for (MatchKind k : grammar_.index.List(kinds, list)) label |= k == MatchKind::kStrict;
        }
        if (label) {
          Row piece;
          piece.flattened = true;
          piece.line = row.line;
          piece.page = row.page;
          piece.text = row.text;
          piece.labels.push_back(MakeCell(span, row.line, row.page));
          pieces.push_back(std::move(piece));
          last_end = end;
        }
        rest = re2::StringPiece(text.data() + end, text.size() - end);
      }
      if (run) {
        // Text after the last known label (a misprinted label) labels the digits itself.
        bool tail = last_end < text.size();
        bool last_is_row =
            !pieces.empty() && !tail && RowStrict(KindsOf(pieces.back().labels[0].text));
        if (!last_is_row) {
          Row piece;
          piece.flattened = true;
          piece.line = row.line;
          piece.page = row.page;
          piece.text = row.text;
          if (tail) piece.labels.push_back(MakeCell(text.substr(last_end), row.line, row.page));
          pieces.push_back(std::move(piece));
        }
        pieces.back().values.push_back(*run);
      }
      for (Row& p : pieces) expanded_.push_back(std::move(p));
    }
  }

  // Whether a label reads strictly as a row (and is no header or column label).
  bool RowStrict(const RuleIndex::Kinds& kinds) const {
    for (int list : {TableGrammar::kHeaderList, TableGrammar::kColumnList}) {
      for (MatchKind k : grammar_.index.List(kinds, list)) {
        if (k == MatchKind::kStrict) return false;
      }
    }
    for (MatchKind k : grammar_.index.List(kinds, TableGrammar::kRowList)) {
      if (k == MatchKind::kStrict) return true;
    }
    return false;
  }

  // The cell column where complete rows start their values (tab layouts), or -1.
  int UsualStartColumn() const {
    std::map<int, int> starts;
    for (const Row& row : grid_.rows) {
      if (row.values.empty() || !HasNumber(row)) continue;
      int count = 0;
      for (const Cell& c : row.values) count += IsNumberCell(c) ? 1 : 0;
      if (count == static_cast<int>(grammar_.columns.size())) {
        for (const Cell& c : row.values) {
          if (IsNumberCell(c)) {
            ++starts[c.col];
            break;
          }
        }
      }
    }
    int best = -1, best_count = 0;
    for (const auto& [col, count] : starts) {
      if (count > best_count) {
        best = col;
        best_count = count;
      }
    }
    return best;
  }

  // True when a label cell is a header label; counts the header wording only this template uses.
  bool IsHeader(const Row& row) {
    bool header = false;
    for (const Cell& c : row.labels) {
      const RuleIndex::Kinds& kinds = KindsOf(c.key);
      std::span<const MatchKind> headers = grammar_.index.List(kinds, TableGrammar::kHeaderList);
      for (size_t h = 0; h < headers.size(); ++h) {
        if (headers[h] == MatchKind::kNone) continue;
        if (grammar_.headers[h].template_specific) {
          template_hits_ += headers[h] == MatchKind::kStrict ? 2 : 1;
        }
        header = true;
        break;
      }
      for (MatchKind k : grammar_.index.List(kinds, TableGrammar::kColumnList)) {
        header |= k == MatchKind::kStrict;
      }
    }
    return header;
  }

  // How every rule of the grammar matches a label, computed once per label and reader.
  const RuleIndex::Kinds& KindsOf(const std::string& label) {
    auto it = kinds_.find(label);
    if (it != kinds_.end()) return *it->second;
    RuleIndex::Kinds scratch;
    const RuleIndex::Kinds& kinds = grammar_.index.Match(label, &scratch);
    if (&kinds != &scratch) return *kinds_.emplace(label, &kinds).first->second;
    computed_.push_back(std::make_unique<RuleIndex::Kinds>(std::move(scratch)));
    return *kinds_.emplace(label, computed_.back().get()).first->second;
  }

  // Label cells that are not group labels; group labels update the current group.
  std::vector<const Cell*> NonGroupLabels(const Row& row) {
    std::vector<const Cell*> out;
    for (const Cell& c : row.labels) {
      const RuleIndex::Kinds& all = KindsOf(c.key);
      std::span<const MatchKind> kinds = grammar_.index.List(all, TableGrammar::kGroupList);
      bool is_group = false;
      for (size_t g = 0; g < kinds.size(); ++g) {
        if (kinds[g] != MatchKind::kNone) {
          group_ = grammar_.groups[g].key;
          is_group = true;
          // Only tolerantly a group, but strictly a row: a row label that mentions its group
          // (「三、本年度办理结果（一）予以公开」).
          if (kinds[g] == MatchKind::kTolerant && RowStrict(all)) is_group = false;
          break;
        }
      }
      if (!is_group) out.push_back(&c);
    }
    return out;
  }

  RuleHit MatchRow(const std::vector<const Cell*>& labels,
                   const std::vector<const Cell*>& pending) {
    std::vector<std::string> candidates;
    if (!labels.empty()) {
      candidates.push_back(labels.back()->key);
      if (labels.size() > 1) candidates.push_back(LabelKey(JoinLabels(labels)));
    }
    if (!pending.empty()) {
      std::vector<const Cell*> joined = pending;
      joined.insert(joined.end(), labels.begin(), labels.end());
      candidates.push_back(LabelKey(JoinLabels(joined)));
    }
    // The surest reading of any candidate wins; among equals, the earlier candidate.
    RuleHit best;
    for (bool similar : {false, true}) {
      for (const std::string& c : candidates) {
        RuleHit hit = MatchLabel(rules_, grammar_.index.List(KindsOf(c), TableGrammar::kRowList), c,
                                 group_, taken_, similar);
        if (hit.match == LabelMatch::kNone) continue;
        if (best.match == LabelMatch::kNone || hit.match < best.match) best = hit;
      }
      if (best.match != LabelMatch::kNone) return best;
    }
    return best;
  }

  void Record(const RuleHit& hit, std::string label, const Row* row) {
    if (hit.match == LabelMatch::kNone) {
      events_.push_back({-1, row, std::move(label)});
      return;
    }
    const Rule& rule = rules_[hit.rule];
    if (taken_[hit.rule]) {
      diagnostics_.push_back(MakeDiagnostic(
          Severity::kWarning, "row.duplicate",
          "a second row reads as " + rule.official + "; the first one is kept", row));
      diagnostics_.back().label = label;
      diagnostics_.back().rule = rule.id;
      return;
    }
    if (!rule.group.empty())
      group_ = rule.group;
    else
      group_.clear();
    taken_[hit.rule] = true;
    Assignment a;
    a.rule = hit.rule;
    a.match = hit.match;
    a.label = std::move(label);
    a.row = row;
    events_.push_back({static_cast<int>(assignments_.size()), row, a.label});
    assignments_.push_back(std::move(a));
  }

  // A label line after a row continues that row's label; it may turn a tolerant match strict.
  void Continue(Assignment* a, const std::string& more) {
    a->label += more;
    if (a->match != LabelMatch::kStrict &&
        rules_[a->rule].Match(LabelKey(a->label)) == MatchKind::kStrict) {
      a->match = LabelMatch::kStrict;
    }
  }

  // Value rows no label explained, between two rows that were found: when as many rules are
  // missing between those two as rows are unexplained, they are those rules, in order.
  void AssignByPosition() {
    for (size_t i = 0; i < events_.size();) {
      if (events_[i].assignment >= 0) {
        ++i;
        continue;
      }
      size_t j = i;
      while (j < events_.size() && events_[j].assignment < 0) ++j;
      int lo = -1;
      for (size_t k = i; k > 0; --k) {
        if (events_[k - 1].assignment >= 0) {
          lo = assignments_[events_[k - 1].assignment].rule;
          break;
        }
      }
      int hi = static_cast<int>(rules_.size());
      if (j < events_.size()) hi = assignments_[events_[j].assignment].rule;
      std::vector<int> free;
      for (int r = lo + 1; r < hi; ++r) {
        if (!taken_[r]) free.push_back(r);
      }
      if (free.size() == j - i) {
        for (size_t k = i; k < j; ++k) {
          int rule = free[k - i];
          taken_[rule] = true;
          Assignment a;
          a.rule = rule;
          a.match = LabelMatch::kPosition;
          a.label = events_[k].label;
          a.row = events_[k].row;
          events_[k].assignment = static_cast<int>(assignments_.size());
          assignments_.push_back(std::move(a));
        }
      }
      i = j;
    }
  }

  // The solver's reading of every found row of a flattened table, by rule index.
  std::vector<SplitOutcome> SolveRuns(const std::vector<const Assignment*>& by_rule) {
    std::vector<SplitRow> rows;
    std::vector<size_t> rule_of;
    for (size_t r = 0; r < rules_.size(); ++r) {
      if (!by_rule[r]) continue;
      const Rule& rule = rules_[r];
      SplitRow row;
      row.stem = grammar_.table + "." + rule.key;
      row.columns = grammar_.RowColumns(rule);
      for (const std::string& c : row.columns) {
        row.signed_columns.push_back(rule.IsSigned(c));
        row.amount_columns.push_back(rule.IsAmount(c));
      }
      if (const Cell* run = RunOf(*by_rule[r]->row)) row.run = run->text;
      rows.push_back(std::move(row));
      rule_of.push_back(r);
    }
    std::vector<SplitOutcome> solved = SolveFlattened(rows, grammar_.identities);
    std::vector<SplitOutcome> out(rules_.size());
    for (size_t i = 0; i < solved.size(); ++i) out[rule_of[i]] = std::move(solved[i]);
    bool failed = false;
    for (const SplitOutcome& o : out) failed |= o.identities_failed;
    if (failed) {
      Diagnostic d{Severity::kError, "table.identities",
                   "no split of the flattened cells satisfies the table's identities; each row "
                   "took its own most plausible split"};
      d.table = grammar_.table;
      diagnostics_.push_back(std::move(d));
    }
    return out;
  }

  // Turns every rule's assigned row into figures, with the diagnostics of each step, and scores
  // how well the grammar explained the grid.
  void Emit(TableFigures* out) {
    std::vector<const Assignment*> by_rule(rules_.size(), nullptr);
    for (const Assignment& a : assignments_) by_rule[a.rule] = &a;
    const bool flattened = grid_.layout == Layout::kFlattened;
    std::vector<SplitOutcome> splits;
    if (flattened) splits = SolveRuns(by_rule);
    for (size_t r = 0; r < rules_.size(); ++r) {
      const Rule& rule = rules_[r];
      const Assignment* a = by_rule[r];
      if (!a) {
        NoteMissing(rule);
        continue;
      }
      const std::vector<std::string>& columns = grammar_.RowColumns(rule);
      Placement p = flattened ? PlaceSplit(rule, *a, splits[r], columns.size())
                              : PlaceValues(*a->row, columns.size(), usual_start_col_);
      NoteRowReading(rule, *a, p);
      for (size_t c = 0; c < columns.size(); ++c) {
        Figure f = CellFigure(rule, columns[c], *a, p.cells[c]);
        if (flattened) {
          SplitValue(splits[r], c, *a, p.cells[c], &f);
        } else {
          PrintedValue(rule, columns[c], *a, p.cells[c], &f);
        }
        out->figures.push_back(std::move(f));
      }
    }
    NoteUnmatched();
    out->score = 3 * counts_.strict + 2 * counts_.tolerant + counts_.weak + template_hits_ -
                 4 * counts_.unmatched - 3 * counts_.misfit - counts_.missing;
    out->complete =
        template_hits_ > 0 && counts_.unmatched == 0 && counts_.misfit == 0 && counts_.missing == 0;
    out->diagnostics = std::move(diagnostics_);
  }

  // A rule no row was assigned to.
  void NoteMissing(const Rule& rule) {
    ++counts_.missing;
    Diagnostic d{Severity::kError, "row.missing", "no row reads as " + rule.official};
    d.table = grammar_.table;
    d.key = grammar_.table + "." + rule.key;
    d.rule = rule.id;
    diagnostics_.push_back(std::move(d));
  }

  // A flattened row's cells: every column reads the row's run, as the solver split it.
  Placement PlaceSplit(const Rule& rule, const Assignment& a, const SplitOutcome& split,
                       size_t ncols) {
    const Cell* run = RunOf(*a.row);
    Placement p;
    p.cells.assign(ncols, run);
    p.fits = split.problem.empty();
    p.problem = split.problem;
    if (split.valid_splits > 1) {
      Diagnostic d =
          MakeDiagnostic(Severity::kInfo, "row.split",
                         std::to_string(split.valid_splits) + " splits of 「" + run->text +
                             "」 into " + std::to_string(ncols) + " cells; " +
                             std::to_string(split.after_row) + " after the row's identity, " +
                             std::to_string(split.after_identities) + " after the table's",
                         a.row);
      d.key = grammar_.table + "." + rule.key;
      diagnostics_.push_back(std::move(d));
    }
    return p;
  }

  // How surely the row was read: its label match and whether its cells fit the columns.
  void NoteRowReading(const Rule& rule, const Assignment& a, const Placement& p) {
    std::string stem = grammar_.table + "." + rule.key;
    if (a.match == LabelMatch::kStrict)
      ++counts_.strict;
    else if (a.match == LabelMatch::kTolerant)
      ++counts_.tolerant;
    else
      ++counts_.weak;
    if (!p.fits) {
      ++counts_.misfit;
      Diagnostic d = MakeDiagnostic(Severity::kError, "row.cells", p.problem, a.row);
      d.table = grammar_.table;
      d.key = stem;
      d.rule = rule.id;
      diagnostics_.push_back(std::move(d));
    }
    if (a.match != LabelMatch::kStrict) {
      Diagnostic d = MakeDiagnostic(Severity::kWarning, "row.fuzzy_label",
                                    "printed label 「" + a.label + "」 read as 「" + rule.official +
                                        "」 (" + LabelMatchName(a.match) + " match)",
                                    a.row);
      d.table = grammar_.table;
      d.key = stem;
      d.label = a.label;
      d.rule = rule.id;
      diagnostics_.push_back(std::move(d));
    }
  }

  // A figure with its provenance and no value yet.
  Figure CellFigure(const Rule& rule, const std::string& column, const Assignment& a,
                    const Cell* cell) const {
    Figure f;
    f.key = grammar_.FigureKey(rule, column);
    f.provenance.rule = rule.id;
    f.provenance.text = a.row->text;
    f.provenance.line = cell ? cell->line : a.row->line;
    f.provenance.page = cell ? cell->page : a.row->page;
    if (cell) {
      f.provenance.cell = cell->text;
      f.provenance.box = cell->box;
      SetGridPlace(*cell, &f.provenance);
    }
    return f;
  }

  // A flattened cell's value: the solver's, ambiguous or blank as it says.
  void SplitValue(const SplitOutcome& split, size_t c, const Assignment& a, const Cell* cell,
                  Figure* f) {
    f->value = split.values[c];
    if (!split.candidates[c].empty()) {
      std::string shown;
      for (const auto& v : split.candidates[c]) {
        shown += (shown.empty() ? "" : ", ") + (v ? FormatNumber(*v) : std::string("空"));
      }
      Diagnostic d = MakeDiagnostic(
          Severity::kError, "figure.ambiguous",
          "「" + cell->text + "」 splits several ways; this cell may be " + shown, a.row);
      d.key = f->key;
      d.table = grammar_.table;
      d.candidates = split.candidates[c];
      diagnostics_.push_back(std::move(d));
    } else if (!f->value) {
      std::string why = cell ? "no digits of 「" + cell->text + "」 fall in this cell"
                             : "the row prints no numbers";
      Diagnostic d = MakeDiagnostic(Severity::kInfo, "cell.blank", why, a.row);
      d.key = f->key;
      diagnostics_.push_back(std::move(d));
    }
  }

  // A printed cell's value: a number (元 amounts stored in 万元) or a blank.
  void PrintedValue(const Rule& rule, const std::string& column, const Assignment& a,
                    const Cell* cell, Figure* f) {
    CellNumber n = cell ? ParseCellNumber(cell->text) : CellNumber{CellNumber::Kind::kBlank};
    if (n.kind == CellNumber::Kind::kNumber) {
      f->value = n.value;
      if (rule.IsAmount(column) && n.unit == "元") {
        f->value = n.value / 10000.0;
        Diagnostic d = MakeDiagnostic(Severity::kInfo, "unit.converted",
                                      "「" + cell->text + "」 stored in 万元", a.row);
        d.key = f->key;
        diagnostics_.push_back(std::move(d));
      }
      return;
    }
    Diagnostic d = NotANumber(cell, a.row);
    d.key = f->key;
    d.table = grammar_.table;
    d.line = f->provenance.line;
    diagnostics_.push_back(std::move(d));
  }

  // Rows with numbers that no rule explained.
  void NoteUnmatched() {
    for (const Event& e : events_) {
      if (e.assignment >= 0) continue;
      ++counts_.unmatched;
      Diagnostic d =
          MakeDiagnostic(Severity::kError, "row.unmatched",
                         "a row with numbers whose label 「" + e.label + "」 names no row of the " +
                             grammar_.template_id + " template",
                         e.row);
      d.table = grammar_.table;
      d.label = e.label;
      diagnostics_.push_back(std::move(d));
    }
  }

  // What Emit counts for the score.
  struct Counts {
    int strict = 0, tolerant = 0, weak = 0, misfit = 0, missing = 0, unmatched = 0;
  };

  const TableGrid& grid_;
  const TableGrammar& grammar_;
  const std::vector<Rule>& rules_;
  std::vector<bool> taken_;
  std::string group_;
  int usual_start_col_ = -1;
  int template_hits_ = 0;
  Counts counts_;
  std::vector<Assignment> assignments_;
  std::vector<Event> events_;
  std::vector<Diagnostic> diagnostics_;
  std::unordered_map<std::string, const RuleIndex::Kinds*> kinds_;
  std::vector<Row> expanded_;  // flattened grids: one row per label found
  std::vector<std::unique_ptr<RuleIndex::Kinds>> computed_;
};

// Table 四 flattened into one run of digits: split with the blocks' totals.
TableFigures ReadAppealsRun(const Cell& run, const Row& row, const TableGrammar& grammar) {
  TableFigures out;
  out.table = grammar.table;
  out.template_id = grammar.template_id;
  SplitRow split;
  split.stem = grammar.table;
  split.run = run.text;
  for (const Rule& block : grammar.blocks) {
    for (const Rule& column : grammar.columns) {
      split.columns.push_back(block.key + "." + column.key);
      split.signed_columns.push_back(false);
      split.amount_columns.push_back(false);
    }
  }
  SplitOutcome solved = SolveFlattened({split}, grammar.identities)[0];
  if (!solved.problem.empty()) {
    Diagnostic d = MakeDiagnostic(Severity::kError, "table.cells", solved.problem, &row);
    d.table = grammar.table;
    out.diagnostics.push_back(std::move(d));
    out.score = -10;
    return out;
  }
  for (size_t c = 0; c < split.columns.size(); ++c) {
    Figure f;
    f.key = grammar.table + "." + split.columns[c];
    f.value = solved.values[c];
    f.provenance.rule = grammar.blocks[c / grammar.columns.size()].id;
    f.provenance.text = row.text;
    f.provenance.line = run.line;
    f.provenance.page = run.page;
    f.provenance.cell = run.text;
    if (!solved.candidates[c].empty()) {
      Diagnostic d = MakeDiagnostic(Severity::kError, "figure.ambiguous",
                                    "「" + run.text + "」 splits several ways", &row);
      d.key = f.key;
      d.table = grammar.table;
      d.candidates = solved.candidates[c];
      out.diagnostics.push_back(std::move(d));
    }
    out.figures.push_back(std::move(f));
  }
  out.score = 10;
  out.complete = true;
  return out;
}

// Table 四's fifteen cells as found, block by block, with the row each came from.
struct AppealsCells {
  std::vector<const Cell*> cells;
  std::vector<const Row*> rows;
  std::vector<bool> found;             // per block
  std::vector<const Row*> unlabelled;  // value rows without a block label
  bool labelled = false;               // some row named its block
};

// The block a row's label names, or -1.
int BlockOf(const Row& row, const TableGrammar& grammar) {
  int block = -1;
  RuleIndex::Kinds scratch;
  // A flattened row's label is the whole header run together: never a block label.
  for (const Cell& c : row.flattened ? std::vector<Cell>() : row.labels) {
    std::span<const MatchKind> blocks =
        grammar.index.List(grammar.index.Match(c.key, &scratch), TableGrammar::kBlockList);
    for (size_t b = 0; b < blocks.size(); ++b) {
      if (blocks[b] != MatchKind::kNone) block = static_cast<int>(b);
    }
  }
  return block;
}

// Rows labelled with a block give that block's cells; the other value rows are kept aside.
AppealsCells CollectAppealsRows(const TableGrid& grid, const TableGrammar& grammar) {
  const size_t ncols = grammar.columns.size();
  AppealsCells a;
  a.cells.assign(grammar.blocks.size() * ncols, nullptr);
  a.rows.assign(a.cells.size(), nullptr);
  a.found.assign(grammar.blocks.size(), false);
  for (const Row& row : grid.rows) {
    if (!HasNumber(row) && !(row.explicit_blanks && !row.values.empty() && row.labels.empty())) {
      continue;
    }
    int block = BlockOf(row, grammar);
    if (block >= 0 && !a.found[block]) {
      Placement p = PlaceValues(row, ncols, -1);
      for (size_t c = 0; c < ncols; ++c) {
        a.cells[block * ncols + c] = p.cells[c];
        a.rows[block * ncols + c] = &row;
      }
      a.found[block] = true;
      a.labelled = true;
    } else if (block < 0) {
      a.unlabelled.push_back(&row);
    }
  }
  return a;
}

// The unlabelled rows' cells as the fifteen cells in order. False (with a table.cells
// diagnostic) when they are not fifteen.
bool PlaceUnlabelledCells(const std::vector<const Cell*>& flat, const std::vector<const Row*>& from,
                          const TableGrammar& grammar, AppealsCells* a, TableFigures* out) {
  // Tab layouts may add empty cells at either end.
  const size_t want = a->cells.size();
  size_t begin = 0, end = flat.size();
  while (end - begin > want && flat[end - 1]->text.empty()) --end;
  while (end - begin > want && flat[begin]->text.empty()) ++begin;
  if (end - begin != want) {
    Diagnostic d{
        Severity::kError, "table.cells",
        "table 四 prints " + std::to_string(end - begin) + " cells, not " + std::to_string(want)};
    d.table = grammar.table;
    if (!a->unlabelled.empty()) d.line = a->unlabelled.front()->line;
    out->diagnostics.push_back(std::move(d));
    out->score = -10;
    if (end - begin == 0) out->template_id.clear();
    return false;
  }
  for (size_t i = 0; i < want; ++i) {
    a->cells[i] = flat[begin + i];
    a->rows[i] = from[begin + i];
  }
  std::fill(a->found.begin(), a->found.end(), true);
  return true;
}

// The figures of every block found; a block not found is a missing row.
void EmitAppeals(const AppealsCells& a, const TableGrammar& grammar, TableFigures* out) {
  const size_t ncols = grammar.columns.size();
  for (size_t b = 0; b < grammar.blocks.size(); ++b) {
    const Rule& block = grammar.blocks[b];
    if (!a.found[b]) {
      Diagnostic d{Severity::kError, "row.missing", "no row reads as " + block.official};
      d.table = grammar.table;
      d.key = grammar.table + "." + block.key;
      d.rule = block.id;
      out->diagnostics.push_back(std::move(d));
      continue;
    }
    for (size_t c = 0; c < ncols; ++c) {
      const Cell* cell = a.cells[b * ncols + c];
      const Row* row = a.rows[b * ncols + c];
      Figure f;
      f.key = grammar.table + "." + block.key + "." + grammar.columns[c].key;
      f.provenance.rule = block.id;
      f.provenance.text = row->text;
      f.provenance.line = cell ? cell->line : row->line;
      f.provenance.page = cell ? cell->page : row->page;
      if (cell) {
        f.provenance.cell = cell->text;
        f.provenance.box = cell->box;
        SetGridPlace(*cell, &f.provenance);
      }
      CellNumber n = cell ? ParseCellNumber(cell->text) : CellNumber{CellNumber::Kind::kBlank};
      if (n.kind == CellNumber::Kind::kNumber) {
        f.value = n.value;
      } else {
        Diagnostic d = NotANumber(cell, row);
        d.key = f.key;
        d.table = grammar.table;
        d.line = f.provenance.line;
        out->diagnostics.push_back(std::move(d));
      }
      out->figures.push_back(std::move(f));
    }
  }
}

// Table 四: fifteen cells, block by block (行政复议, 未经复议直接起诉, 复议后起诉), each with
// 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. Printed either as one row of fifteen under a
// two-level header, or as one labelled row per block.
TableFigures ReadAppeals(const TableGrid& grid, const TableGrammar& grammar) {
  TableFigures out;
  out.table = grammar.table;
  out.template_id = grammar.template_id;
  AppealsCells a = CollectAppealsRows(grid, grammar);
  if (!a.labelled) {
    std::vector<const Cell*> flat;
    std::vector<const Row*> from;
    for (const Row* row : a.unlabelled) {
      for (const Cell& c : row->values) {
        flat.push_back(&c);
        from.push_back(row);
      }
    }
    const Cell* run = nullptr;
    for (const Cell* c : flat) {
      if (c->kind == CellKind::kRun) run = c;
    }
    if (run) return ReadAppealsRun(*run, *from[0], grammar);
    if (!PlaceUnlabelledCells(flat, from, grammar, &a, &out)) return out;
  }
  EmitAppeals(a, grammar, &out);
  out.score = 10;
  out.complete = true;
  return out;
}

}  // namespace

TableFigures ReadTable(const TableGrid& grid, const TableGrammar& grammar) {
  if (!grammar.blocks.empty()) return ReadAppeals(grid, grammar);
  return RowTableReader(grid, grammar).Read();
}

TableFigures ReadTableBestTemplate(const TableGrid& grid,
                                   const std::vector<const TableGrammar*>& grammars,
                                   const std::string& prefer_template) {
  TableFigures best;
  bool have = false;
  for (const TableGrammar* g : grammars) {
    TableFigures t = ReadTable(grid, *g);
    bool better = !have || t.score > best.score ||
                  (t.score == best.score && t.template_id == prefer_template);
    if (better) {
      best = std::move(t);
      have = true;
    }
    // A grammar that explains every row, with its own header wording, cannot be beaten.
    if (best.complete && (prefer_template.empty() || best.template_id == prefer_template)) break;
  }
  return best;
}

std::string DumpFigures(const std::vector<TableFigures>& tables) {
  std::string out;
  for (const TableFigures& t : tables) {
    out += "table " + t.table + " template=" + (t.template_id.empty() ? "-" : t.template_id) +
           " score=" + std::to_string(t.score) + "\n";
    for (const Figure& f : t.figures) {
      out += "  " + f.key + " = " + (f.value ? FormatNumber(*f.value) : std::string("null")) +
             "\tline " + std::to_string(f.provenance.line) + "\t" + f.provenance.rule + "\n";
    }
    for (const Diagnostic& d : t.diagnostics) {
      out += "  ! " + d.code + " " + d.key + " " + d.message + "\n";
    }
  }
  return out;
}

}  // namespace gongkai
