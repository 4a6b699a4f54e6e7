// The record gongkai emits for one input: the contract of ../spec/FORMATS.md as C++ values.
#ifndef GONGKAI_RECORD_H_
#define GONGKAI_RECORD_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

// A stable, dotted error code ("pdf.encrypted", "bad_encoding", ...) and a human message.
struct Error {
  std::string code;
  std::string message;
};

struct SourceInfo {
  std::string path;
  std::string sha256;
  std::string media_type;  // "text/plain", "application/pdf"
  uint64_t bytes = 0;
  std::optional<int> pages;  // PDFs only
  std::string encoding;      // "UTF-8", "UTF-16LE", "GB18030", ...
  // What the scraper knew (--manifest): written when known.
  std::string url;
  std::string title;
  std::string published;
};

struct Section {
  std::string id;       // overview, proactive, requests, appeals, problems, other
  int ordinal = 0;      // the numeral printed before the heading (一 = 1)
  std::string heading;  // as printed
  std::optional<int> page;
  int line = 0;
};

// Where a figure came from.
struct Provenance {
  std::optional<int> page;
  int line = 0;
  std::string text;  // the printed row, cells joined by tabs
  std::string cell;  // the printed cell; empty for a blank cell
  std::string rule;  // grammar rule id that identified the row
  std::string unit;  // the unit printed with the value (统计表 indicators), if any
  std::optional<std::array<double, 4>> box;  // PDFs: the cell's x0, y0, x1, y1 in points
  // Tables whose structure the input gives (web pages, Word files, drawn PDF tables): the table
  // (in document order), row and column of the cell's top-left slot, 0-based, and a short
  // element path (「table[2]/tr[5]/td[3]」, 「tbl[1]/tr[4]/tc[2]」).
  std::optional<int> table;
  std::optional<int> row;
  std::optional<int> col;
  std::string path;
};

struct Figure {
  std::string key;
  std::optional<double> value;  // nullopt: the report prints the cell empty
  Provenance provenance;
};

enum class Severity { kInfo, kWarning, kError };

struct Diagnostic {
  Severity severity = Severity::kWarning;
  std::string code;
  std::string message;
  std::optional<int> page;
  int line = 0;
  // Optional context; empty fields are not written.
  std::string table;
  std::string key;
  std::string label;
  std::string rule;
  std::vector<std::optional<double>> candidates;
  std::string src;  // table.image: the picture's address
  // prose.table_mismatch: the two values and where each was read (the sentence, the cell).
  std::vector<double> values;
  std::vector<Provenance> provenances;
};

// One identity checked by the audit.
struct Finding {
  std::string rule;  // requests.balance, requests.outcomes, ...
  std::string row;
  std::string column;
  bool ok = true;
  double lhs = 0;
  double rhs = 0;
  std::vector<std::string> blank_keys;  // blanks counted as 0 on either side
};

struct ReportInfo {
  std::string agency;
  std::optional<int> year;
  std::string title;
  std::string template_id;  // "2021", "2019", "stats2018", "narrative"
  // Template found per table (proactive, requests, appeals), in that order.
  std::vector<std::pair<std::string, std::string>> tables;
  std::string agency_source;  // how agency was found: title, signature, text
  std::string year_source;    // title, period, text, page_title, signature, manifest
  // The agency as the report prints it where it names itself first (省人社厅 when the full
  // name, in `agency`, is printed elsewhere); equal to agency otherwise.
  std::string agency_printed;
};

// A figure a report states in a sentence (「全年共收到政府信息公开申请17件」): the record's
// `prose` block, keyed prose.requests.received, …; never mixed into the table figures.
struct ProseFigure {
  std::string key;
  double value = 0;          // counts as stated; amounts in 万元
  bool approximate = false;  // 「430余条」: at least the value
  std::optional<int> page;
  int line = 0;
  std::string text;  // the sentence, as printed
  std::string rule;  // prose.toml rule id
  std::string unit;  // the counting word printed after the number
};

enum class Status { kOk, kPartial, kFailed };

struct Record {
  Status status = Status::kOk;
  SourceInfo source;
  ReportInfo report;
  std::vector<Section> sections;
  std::vector<Figure> figures;  // in grammar order
  std::vector<Finding> audit;
  std::vector<Diagnostic> diagnostics;
  std::optional<Error> error;      // set: this is an error record
  std::vector<ProseFigure> prose;  // figures stated in sentences, one per key

  const Figure* FindFigure(const std::string& key) const;
};

const char* StatusName(Status status);
const char* SeverityName(Severity severity);

}  // namespace gongkai

#endif  // GONGKAI_RECORD_H_
