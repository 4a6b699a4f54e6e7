#include "gongkai/extractor.h"

#include <fstream>
#include <sstream>

#include "audit/audit.h"
#include "figures/figures.h"
#include "figures/stats_reader.h"
#include "gongkai/jsonl.h"
#include "grammar/grammar.h"
#include "load/document.h"
#include "load/pdf_loader.h"
#include "load/text_loader.h"
#include "normalize/normalize.h"
#include "segment/segmenter.h"
#include "tables/pdf_tables.h"
#include "tables/text_tables.h"
#include "util/sha256.h"
#include "util/text.h"

namespace gongkai {
namespace {

constexpr const char* kTables[] = {"proactive", "requests", "appeals"};
constexpr const char* kSections[] = {"overview", "proactive", "requests",
                                     "appeals",  "problems",  "other"};

std::string SniffMediaType(std::string_view bytes) {
  if (bytes.substr(0, 5) == "%PDF-") return "application/pdf";
  return "text/plain";
}

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
Diagnostic MissingTable(const Document& doc, const Segments& segments, const GrammarSet& grammars,
                        const std::string& table) {
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

Status StatusOf(const std::vector<Diagnostic>& diagnostics) {
  for (const Diagnostic& d : diagnostics) {
    if (d.severity == Severity::kError) return Status::kPartial;
  }
  return Status::kOk;
}

}  // namespace

bool ParseStage(std::string_view name, Stage* stage) {
  static const std::pair<std::string_view, Stage> kNames[] = {
      {"load", Stage::kLoad},       {"normalize", Stage::kNormalize}, {"segment", Stage::kSegment},
      {"tables", Stage::kTables},   {"figures", Stage::kFigures},     {"audit", Stage::kAudit},
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

Record Extractor::ExtractFile(const std::string& path) const {
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
  return ExtractBytes(path, content.str());
}

Record Extractor::ExtractBytes(const std::string& path, std::string_view bytes) const {
  return Run(path, bytes, Stage::kAll, nullptr);
}

std::string Extractor::Dump(const std::string& path, std::string_view bytes, Stage stage) const {
  std::string dump;
  Record r = Run(path, bytes, stage, &dump);
  if (r.error) return ToJsonLine(r) + "\n";
  return dump;
}

Record Extractor::Run(const std::string& path, std::string_view bytes, Stage stop,
                      std::string* dump) const {
  Record record;
  record.source.path = path;
  record.source.bytes = bytes.size();
  record.source.sha256 = Sha256Hex(bytes);
  record.source.media_type = SniffMediaType(bytes);
  auto fail = [&](Error e) {
    record.status = Status::kFailed;
    record.error = std::move(e);
    return record;
  };
  // load
  Document doc;
  doc.source = record.source;
  Error error;
  const bool pdf = record.source.media_type == "application/pdf";
  if (!(pdf ? LoadPdf(bytes, &doc, &error) : LoadText(bytes, &doc, &error))) {
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
    return fail({"not_a_report", path +
                                     ": no section headings, title or statistics tables of a "
                                     "政府信息公开工作年度报告"});
  }
  if (stop == Stage::kSegment) {
    *dump = DumpSegments(segments);
    return record;
  }
  // The pre-2019 统计表 (an appendix page, or a whole scraped page): its own table. Section
  // headings inside it (「一、主动公开情况」) are its indicator groups, not report sections.
  size_t stats_line = 0;
  const bool stats = FindStatsTable(doc, &stats_line);
  if (stats) {
    std::erase_if(segments.spans,
                  [&](const SectionSpan& s) { return s.begin_line >= stats_line; });
    if (!segments.spans.empty()) {
      segments.spans.back().end_line = stats_line;
      segments.spans.back().end_col = 0;
    }
  }
  // Reports on years before 2019 (the 2008 条例) have no 2019/2021 statistics tables.
  const bool legacy = stats || (segments.info.year && *segments.info.year <= 2018);
  record.report = segments.info;
  record.diagnostics = segments.diagnostics;
  for (const SectionSpan& s : segments.spans) record.sections.push_back(s.section);
  for (const char* id : kSections) {
    if (!segments.Find(id)) {
      record.diagnostics.push_back(
          {Severity::kWarning, "section.missing", std::string("no heading for section ") + id});
    }
  }

  // tables
  std::vector<TableGrid> grids;
  if (!legacy) {
    for (const char* table : kTables) {
      const SectionSpan* span = segments.Find(table);
      if (!span) {
        TableGrid empty;
        empty.table = table;
        grids.push_back(std::move(empty));
        continue;
      }
      std::vector<SpanLine> lines = LinesOf(doc, *span);
      grids.push_back(pdf ? BuildGeometryGrid(table, lines) : BuildTextGrid(table, lines));
    }
  }
  if (stats) {
    SectionSpan region;
    region.begin_line = stats_line;
    region.end_line = doc.lines.size();
    grids.push_back(BuildTokenGrid("stats", LinesOf(doc, region)));
  }
  if (stop == Stage::kTables) {
    for (const TableGrid& g : grids) *dump += DumpGrid(g);
    return record;
  }

  // figures
  std::vector<TableFigures> tables;
  std::string prefer;
  for (const TableGrid& grid : grids) {
    if (grid.layout == Layout::kNone) {
      record.diagnostics.push_back(MissingTable(doc, segments, *grammars_, grid.table));
      continue;
    }
    std::vector<const TableGrammar*> grammars = grammars_->ForTable(grid.table);
    TableFigures t = grid.table == "stats" && !grammars.empty()
                         ? ReadStats(grid, *grammars.front())
                         : ReadTableBestTemplate(grid, grammars, prefer);
    if (t.template_id.empty()) {
      Diagnostic d{Severity::kError, "table.missing", "no " + grid.table + " table found"};
      d.table = grid.table;
      record.diagnostics.push_back(std::move(d));
    } else if (prefer.empty()) {
      prefer = t.template_id;
    }
    tables.push_back(std::move(t));
  }
  if (legacy && !stats) {
    record.diagnostics.push_back(
        {Severity::kInfo, "report.narrative",
         "a report on a year before 2019: no statistics tables are expected and none are read"});
  }
  if (stop == Stage::kFigures) {
    *dump = DumpFigures(tables);
    return record;
  }
  for (TableFigures& t : tables) {
    if (t.template_id.empty()) continue;
    record.report.tables.emplace_back(t.table, t.template_id);
    if (record.report.template_id.empty()) record.report.template_id = t.template_id;
    for (Figure& f : t.figures) record.figures.push_back(std::move(f));
    for (Diagnostic& d : t.diagnostics) record.diagnostics.push_back(std::move(d));
  }
  if (record.report.template_id.empty()) record.report.template_id = "narrative";

  // audit
  record.audit = Audit(record.figures);
  if (stop == Stage::kAudit) {
    *dump = DumpAudit(record.audit);
    return record;
  }
  record.status = StatusOf(record.diagnostics);
  return record;
}

}  // namespace gongkai
