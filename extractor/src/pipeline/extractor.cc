#include "gongkai/extractor.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "audit/audit.h"
#include "audit/prose_audit.h"
#include "figures/figures.h"
#include "figures/stats_reader.h"
#include "gongkai/jsonl.h"
#include "grammar/grammar.h"
#include "load/loaders.h"
#include "model/document.h"
#include "normalize/normalize.h"
#include "prose/prose.h"
#include "segment/agency.h"
#include "segment/segmenter.h"
#include "tables/cell_grid_reader.h"
#include "tables/pdf_tables.h"
#include "tables/text_tables.h"
#include "util/number.h"
#include "util/sha256.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr const char* kTables[] = {"proactive", "requests", "appeals"};

constexpr const char* kSections[] = {"overview", "proactive", "requests",
                                     "appeals",  "problems",  "other"};

// Whether a text with no recognised structure is a report at all.
bool LooksLikeReport(const Document& doc, const Segments& segments) {
  if (segments.spans.size() >= 2 || !segments.info.title.empty()) return true;
  bool disclosure = false, tables = false;
  for (const Line& line : doc.lines) {
    disclosure |= line.norm.find("信息公开") != std::string::npos;
    tables |= line.norm.find("本年新收") != std::string::npos ||
              line.norm.find("第二十条第") != std::string::npos;
  }
  return disclosure && (tables || segments.spans.size() >= 1);
}

// A table section without a table: a sentence saying there was nothing to count
// (table.replaced_by_text, a warning), or nothing usable (table.missing, an error).
Diagnostic MissingTableOnly(const Document& doc, const Segments& segments,
                            const GrammarSet& grammars, const std::string& table) {
  Diagnostic d;
  d.table = table;
  const SectionSpan* span = segments.Find(table);
  if (span) {
    std::string body;
    for (const SpanLine& sl : LinesOf(doc, *span)) body += StripSpaces(sl.norm);
    size_t length = CodePointCount(body);
    if (length >= 6 && length <= 300 &&
        RE2::PartialMatch(body, *grammars.report().table_replaced.strict)) {
      d.severity = Severity::kWarning;
      d.code = "table.replaced_by_text";
      d.message = "the " + table + " table is replaced by a sentence: 「" + body + "」";
      d.line = span->section.line;
      return d;
    }
    d.line = span->section.line;
  }
  d.severity = Severity::kError;
  d.code = "table.missing";
  d.message = "no " + table + " table found" + (span ? "" : " (no section heading either)");
  return d;
}

// As MissingTableOnly, and table.image naming each picture that stands in the section where
// the table should be (a page showing its table as an image): the user knows what to fetch.
std::vector<Diagnostic> MissingTable(const Document& doc, const Segments& segments,
                                     const GrammarSet& grammars, const std::string& table) {
  std::vector<Diagnostic> out{MissingTableOnly(doc, segments, grammars, table)};
  const SectionSpan* span = segments.Find(table);
  if (!span || out[0].code != "table.missing") return out;
  for (const Picture& p : doc.pictures) {
    if (p.line < span->begin_line || p.line > span->end_line) continue;
    Diagnostic d;
    d.severity = Severity::kWarning;
    d.code = "table.image";
    d.table = table;
    d.src = p.src;
    d.message = "the " + table + " table is shown as an image: " + p.src +
                (p.alt.empty() ? std::string() : " (" + p.alt + ")");
    d.line = p.line < doc.lines.size() ? doc.lines[p.line].number : span->section.line;
    out.push_back(std::move(d));
  }
  return out;
}

// The scraper's page title and columns fill in the agency and year the text does not give
// (many scraped pages lack their title), or only gives from weak evidence. A web page's own
// <title> serves when the scraper gave none.
void ApplyHints(SourceHints hints, const std::string& page_title, const GrammarSet& grammars,
                Segments* segments) {
  if (hints.title.empty()) hints.title = page_title;
  ReportInfo& info = segments->info;
  std::string agency;
  std::optional<int> year;
  if (!hints.title.empty()) {
    std::string title = StripSpaces(Normalizer().Normalize(hints.title));
    std::string a, y;
    if (MatchTitle(grammars.report(), title, &a, &y)) {
      if (RE2::PartialMatch(a, *grammars.report().agency.strict)) agency = a;
      year = std::stoi(y);
    }
  }
  if (agency.empty()) agency = hints.agency;
  if (!year) year = hints.year;
  bool weak_agency = info.agency.empty() || info.agency_source == "text";
  bool weak_year = !info.year || info.year_source == "signature";
  if (!agency.empty() && weak_agency) {
    info.agency = agency;
    info.agency_source = "manifest";
    if (!ShortFormOf(info.agency_printed, agency)) info.agency_printed = agency;
    std::erase_if(segments->diagnostics,
                  [](const Diagnostic& d) { return d.code == "report.agency_missing"; });
  }
  if (year && weak_year) {
    info.year = year;
    info.year_source = "manifest";
    std::erase_if(segments->diagnostics, [](const Diagnostic& d) {
      return d.code == "report.year_missing" || d.code == "report.year_inferred";
    });
  }
  if (info.title.empty() && !hints.title.empty()) info.title = hints.title;
}

// 「2020-01-30」, 「2020年01月16日」, 「2020-01-20 13:26:00」 as 20200130; 0 if none.
int ParseDate(const std::string& text) {
  static const RE2 kDate(R"((\d{4})\s*[-/年.]\s*(\d{1,2})\s*[-/月.]\s*(\d{1,2}))");
  int y = 0, m = 0, d = 0;
  if (!RE2::PartialMatch(text, kDate, &y, &m, &d) || m < 1 || m > 12 || d < 1 || d > 31) return 0;
  return y * 10000 + m * 100 + d;
}

// Art. 49 of the 2019 条例: departments publish by 31 January, people's governments by 31 March of
// the following year. Reports on years before 2019 fell under the 2008 条例 (Art. 31): 31 March
// for all.
std::optional<Finding> Timeliness(const ReportInfo& info, const std::string& published) {
  int date = ParseDate(published);
  if (date == 0 || !info.year) return std::nullopt;
  bool government =
      info.agency.size() >= 12 && info.agency.compare(info.agency.size() - 12, 12, "人民政府") == 0;
  Finding f;
  f.rule = "report.timeliness";
  f.row = government ? "government" : "department";
  f.column = "published";
  f.lhs = date;
  bool march = government || *info.year < 2019;
  f.rhs = (*info.year + 1) * 10000 + (march ? 331 : 131);
  f.ok = f.lhs <= f.rhs;
  return f;
}

// What the record says of its source before it is read: path, size, hash, the scraper's hints.
SourceInfo SourceOf(const std::string& path, std::string_view bytes, const SourceHints& hints) {
  SourceInfo source;
  source.path = path;
  source.url = hints.url;
  source.title = hints.title;
  source.published = hints.published;
  source.bytes = bytes.size();
  source.sha256 = Sha256Hex(bytes);
  return source;
}

// The segment stage's findings into the record: report info, sections, the loader's and the
// segmenter's diagnostics, and section.missing for each section without a heading.
void AddSegments(const Document& doc, Segments* segments, Record* record) {
  record->report = segments->info;
  record->diagnostics = doc.diagnostics;
  for (Diagnostic& d : segments->diagnostics) record->diagnostics.push_back(std::move(d));
  for (const SectionSpan& s : segments->spans) record->sections.push_back(s.section);
  for (const char* id : kSections) {
    if (!segments->Find(id)) {
      record->diagnostics.push_back(
          {Severity::kWarning, "section.missing", std::string("no heading for section ") + id});
    }
  }
}

// 「…: 40 MiB, more than any report (32 MiB at most)」
Error TooLargeError(const std::string& path, uint64_t size, size_t limit) {
  return {"input.too_large", path + ": " + std::to_string(size >> 20) +
                                 " MiB, more than any report (" + std::to_string(limit >> 20) +
                                 " MiB at most)"};
}

// The pre-2019 统计表 (an appendix page, or a whole scraped page) is its own table: sections
// end where it starts, and its headings (「一、主动公开情况」) are its indicator groups, not report
// sections. Returns the line it starts on, if there is one.
std::optional<size_t> SetOffStatsTable(const Document& doc, Segments* segments) {
  size_t stats_line = 0;
  if (!FindStatsTable(doc, &stats_line)) return std::nullopt;
  std::erase_if(segments->spans, [&](const SectionSpan& s) { return s.begin_line >= stats_line; });
  if (!segments->spans.empty()) {
    segments->spans.back().end_line = stats_line;
    segments->spans.back().end_col = 0;
  }
  return stats_line;
}

// One table section's rows: from the grids the input's structure gives (HTML, DOCX, drawn
// rules) when they hold numbers, else from the section's text or PDF geometry.
TableGrid ReadSectionTable(const Document& doc, const SectionSpan& span, const char* table,
                           bool pdf, std::string* cell_dump) {
  std::vector<size_t> structured;
  for (size_t i = 0; i < doc.grids.size(); ++i) {
    const CellGrid& g = doc.grids[i];
    if (g.first_line >= span.begin_line && g.first_line <= span.end_line &&
        g.first_line < doc.lines.size()) {
      structured.push_back(i);
    }
  }
  if (!structured.empty()) {
    TableGrid from_grids = ReadCellGrids(table, doc.grids, structured);
    // A grid without a number (a stray ruled box, a header drawn apart from its table) leaves
    // the table to the text or geometry reading.
    bool numbers = std::any_of(from_grids.rows.begin(), from_grids.rows.end(), [](const Row& r) {
      return std::any_of(r.values.begin(), r.values.end(),
                         [](const Cell& c) { return c.kind == CellKind::kNumber; });
    });
    if (numbers) {
      if (cell_dump) {
        for (size_t i : structured) *cell_dump += DumpCellGrid(doc.grids[i]);
      }
      return from_grids;
    }
  }
  std::vector<SpanLine> lines = LinesOf(doc, span);
  return pdf ? BuildGeometryGrid(table, lines) : BuildTextGrid(table, lines);
}

// The tables stage: the three national tables (none for reports before 2019) and the 统计表.
std::vector<TableGrid> ReadTables(const Document& doc, const Segments& segments, bool legacy,
                                  std::optional<size_t> stats_line, bool pdf,
                                  std::string* cell_dump) {
  std::vector<TableGrid> grids;
  if (!legacy) {
    for (const char* table : kTables) {
      if (const SectionSpan* span = segments.Find(table)) {
        grids.push_back(ReadSectionTable(doc, *span, table, pdf, cell_dump));
      } else {
        TableGrid empty;
        empty.table = table;
        grids.push_back(std::move(empty));
      }
    }
  }
  if (stats_line) {
    SectionSpan region;
    region.begin_line = *stats_line;
    region.end_line = doc.lines.size();
    grids.push_back(BuildTokenGrid("stats", LinesOf(doc, region)));
  }
  return grids;
}

// The figures stage: each table read with the grammar of the template that explains it best
// (the first table's template preferred for the others).
std::vector<TableFigures> ReadFigures(const std::vector<TableGrid>& grids, const Document& doc,
                                      const Segments& segments, const GrammarSet& grammars,
                                      std::vector<Diagnostic>* diagnostics) {
  std::vector<TableFigures> tables;
  std::string prefer;
  for (const TableGrid& grid : grids) {
    if (grid.layout == Layout::kNone) {
      for (Diagnostic& d : MissingTable(doc, segments, grammars, grid.table)) {
        diagnostics->push_back(std::move(d));
      }
      continue;
    }
    std::vector<const TableGrammar*> candidates = grammars.ForTable(grid.table);
    TableFigures t = grid.table == "stats" && !candidates.empty()
                         ? ReadStats(grid, *candidates.front())
                         : ReadTableBestTemplate(grid, candidates, prefer);
    if (t.template_id.empty()) {
      Diagnostic d{Severity::kError, "table.missing", "no " + grid.table + " table found"};
      d.table = grid.table;
      diagnostics->push_back(std::move(d));
    } else if (prefer.empty()) {
      prefer = t.template_id;
    }
    tables.push_back(std::move(t));
  }
  return tables;
}

// The tables' templates, figures and diagnostics into the record.
void AddTables(std::vector<TableFigures>* tables, Record* record) {
  for (TableFigures& t : *tables) {
    if (t.template_id.empty()) continue;
    record->report.tables.emplace_back(t.table, t.template_id);
    if (record->report.template_id.empty()) record->report.template_id = t.template_id;
    for (Figure& f : t.figures) record->figures.push_back(std::move(f));
    for (Diagnostic& d : t.diagnostics) record->diagnostics.push_back(std::move(d));
  }
  if (record->report.template_id.empty()) record->report.template_id = "narrative";
}

// The figures break their table's own identities: a figure was misread, or the report misprints
// one, and gongkai cannot tell which. Either way a user filtering on status must see it, so it
// is an error (the record is partial) naming the first identities that fail with both sides.
std::optional<Diagnostic> IdentitiesFailed(const std::vector<Finding>& audit) {
  std::string failed;
  size_t count = 0;
  for (const Finding& f : audit) {
    if (f.ok || f.rule == "report.timeliness") continue;
    if (count++ < 5) {
      if (!failed.empty()) failed += "; ";
      std::string where =
          f.row.empty() ? f.column : f.row + (f.column.empty() ? "" : "/" + f.column);
      failed += f.rule + (where.empty() ? "" : " (" + where + ")") + ": " + FormatNumber(f.lhs) +
                " ≠ " + FormatNumber(f.rhs);
    }
  }
  if (count == 0) return std::nullopt;
  Diagnostic d;
  d.severity = Severity::kError;
  d.code = "audit.identities";
  d.message = std::to_string(count) + (count == 1 ? " identity fails" : " identities fail") +
              " (a figure misread or misprinted): " + failed + (count > 5 ? "; …" : "");
  return d;
}

Status StatusOf(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return Status::kPartial;
  }
  return Status::kOk;
}

}  // namespace

bool ParseStage(std::string_view name, Stage* stage) {
  static const std::pair<std::string_view, Stage> kNames[] = {
      {"load", Stage::kLoad},     {"normalize", Stage::kNormalize}, {"segment", Stage::kSegment},
      {"tables", Stage::kTables}, {"figures", Stage::kFigures},     {"audit", Stage::kAudit},
  };
  for (const auto& [n, s] : kNames) {
    if (n == name) {
      *stage = s;
      return true;
    }
  }
  return false;
}

Extractor::Extractor(std::unique_ptr<GrammarSet> grammars) : grammars_(std::move(grammars)) {}
Extractor::~Extractor() = default;

std::unique_ptr<Extractor> Extractor::Create(const ExtractorOptions& options, Error* error) {
  std::unique_ptr<GrammarSet> grammars = options.grammar_dir.empty()
                                             ? GrammarSet::LoadEmbedded(error)
                                             : GrammarSet::LoadDir(options.grammar_dir, error);
  if (!grammars) return nullptr;
  return std::unique_ptr<Extractor>(new Extractor(std::move(grammars)));
}

bool Extractor::TooLarge(const std::string& path, Record* record) {
  std::error_code ec;
  uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size <= kMaxTextBytes) return false;
  std::string head(kSniffBytes, '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(head.data(), static_cast<std::streamsize>(head.size()));
  head.resize(static_cast<size_t>(std::max<std::streamsize>(in.gcount(), 0)));
  const Loader& loader = ChooseLoader(head, path);
  if (size <= loader.max_bytes) return false;
  // Refused without reading it into memory; hashed in chunks so a dataset still knows it.
  record->status = Status::kFailed;
  record->source.path = path;
  record->source.bytes = size;
  record->source.sha256 = Sha256File(path);
  record->source.media_type = loader.media_type;
  record->error = TooLargeError(path, size, loader.max_bytes);
  return true;
}

Record Extractor::ExtractFile(const std::string& path, const SourceHints& hints) const {
  Record too_large;
  if (TooLarge(path, &too_large)) return too_large;
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    Record r;
    r.status = Status::kFailed;
    r.source.path = path;
    r.error = Error{"io.unreadable", "cannot open " + path};
    return r;
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    Record r;
    r.status = Status::kFailed;
    r.source.path = path;
    r.error = Error{"io.unreadable", "read error on " + path};
    return r;
  }
  return ExtractBytes(path, content.str(), hints);
}

Record Extractor::ExtractBytes(const std::string& path, std::string_view bytes,
                               const SourceHints& hints) const {
  return Run(path, bytes, Stage::kAll, nullptr, hints);
}

std::string Extractor::Dump(const std::string& path, std::string_view bytes, Stage stage,
                            const SourceHints& hints) const {
  std::string dump;
  Record r = Run(path, bytes, stage, &dump, hints);
  if (r.error) return ToJsonLine(r) + "\n";
  return dump;
}

Record Extractor::Run(const std::string& path, std::string_view bytes, Stage stop,
                      std::string* dump, const SourceHints& hints) const {
  Record record;
  record.source = SourceOf(path, bytes, hints);
  const Loader& loader = ChooseLoader(bytes.substr(0, kSniffBytes), path);
  record.source.media_type = loader.media_type;
  auto fail = [&](Error e) {
    record.status = Status::kFailed;
    record.error = std::move(e);
    return record;
  };
  // Reports are a few hundred kilobytes of text, a few megabytes of PDF: far larger inputs are
  // something else, and would cost time and memory for nothing.
  if (bytes.size() > loader.max_bytes) {
    return fail(TooLargeError(path, bytes.size(), loader.max_bytes));
  }

  // load
  Document doc;
  doc.source = record.source;
  Error error;
  const bool pdf = std::string_view(loader.name) == "pdf";
  if (!loader.load(bytes, path, &doc, &error)) {
    record.source.media_type =
        doc.source.media_type.empty() ? loader.media_type : doc.source.media_type;
    error.message = path + ": " + error.message;
    return fail(error);
  }
  record.source.encoding = doc.source.encoding;
  record.source.media_type = doc.source.media_type;
  record.source.pages = doc.source.pages;
  if (stop == Stage::kLoad) {
    *dump = DumpDocument(doc);
    return record;
  }

  // normalize
  Normalizer normalizer;
  normalizer.NormalizeDocument(&doc);
  if (stop == Stage::kNormalize) {
    *dump = DumpDocument(doc);
    return record;
  }

  // segment
  Segments segments = Segment(doc, *grammars_);
  if (!LooksLikeReport(doc, segments)) {
    return fail({"not_a_report", path + ": no section headings, title or statistics tables of a "
                                        "政府信息公开工作年度报告"});
  }
  // Before the dump: --dump shows what extract uses.
  ApplyHints(hints, doc.page_title, *grammars_, &segments);
  if (stop == Stage::kSegment) {
    *dump = DumpSegments(segments);
    return record;
  }
  const std::optional<size_t> stats_line = SetOffStatsTable(doc, &segments);
  // Reports on years before 2019 (the 2008 条例) have no 2019/2021 statistics tables.
  const bool legacy = stats_line || (segments.info.year && *segments.info.year <= 2018);
  AddSegments(doc, &segments, &record);
  record.prose = FindProse(doc, *grammars_);

  // tables
  std::string cell_grids;  // --dump=tables: the grids with spans the input's structure gives
  std::vector<TableGrid> grids = ReadTables(doc, segments, legacy, stats_line, pdf,
                                            stop == Stage::kTables ? &cell_grids : nullptr);
  if (stop == Stage::kTables) {
    *dump = cell_grids;
    for (const TableGrid& g : grids) *dump += DumpGrid(g);
    return record;
  }

  // figures
  std::vector<TableFigures> tables =
      ReadFigures(grids, doc, segments, *grammars_, &record.diagnostics);
  if (legacy && !stats_line) {
    record.diagnostics.push_back(
        {Severity::kInfo, "report.narrative",
         "a report on a year before 2019: no statistics tables are expected and none are read"});
  }
  if (stop == Stage::kFigures) {
    *dump = DumpFigures(tables);
    return record;
  }
  AddTables(&tables, &record);

  // audit
  record.audit = Audit(record.figures, record.report.tables, *grammars_);
  for (Diagnostic& d : ProseAgainstTables(record.prose, record.figures)) {
    record.diagnostics.push_back(std::move(d));
  }
  if (std::optional<Finding> timely = Timeliness(record.report, hints.published)) {
    record.audit.push_back(std::move(*timely));
  }
  if (stop == Stage::kAudit) {
    *dump = DumpAudit(record.audit);
    return record;
  }
  if (std::optional<Diagnostic> failed = IdentitiesFailed(record.audit)) {
    record.diagnostics.push_back(std::move(*failed));
  }
  record.status = StatusOf(record.diagnostics);
  return record;
}

}  // namespace gongkai
