#include "gongkai/jsonl.h"

#include <algorithm>
#include <cmath>

#include "util/json.h"
#include "write/error_record.h"

namespace gongkai {
namespace {

class ObjectWriter {
 public:
  explicit ObjectWriter(std::string* out) : out_(out) { out_->push_back('{'); }
  ~ObjectWriter() { out_->push_back('}'); }

  ObjectWriter(const ObjectWriter&) = delete;
  ObjectWriter& operator=(const ObjectWriter&) = delete;

  std::string* Key(std::string_view key) {
    if (!first_) out_->push_back(',');
    first_ = false;
    AppendJsonKey(out_, key);
    out_->push_back(':');
    return out_;
  }
  // Values from the pipeline are valid UTF-8 (decoded by the loader); paths and messages may not
  // be.
  void String(std::string_view key, std::string_view value) {
    AppendJsonString(Key(key), value, true);
  }
  void UntrustedString(std::string_view key, std::string_view value) {
    AppendJsonString(Key(key), value, false);
  }
  void StringOrNull(std::string_view key, std::string_view value) {
    if (value.empty()) {
      Key(key)->append("null");
    } else {
      String(key, value);
    }
  }
  void Number(std::string_view key, std::optional<double> value) {
    AppendJsonNumber(Key(key), value);
  }
  void Int(std::string_view key, std::optional<int> value) {
    Key(key)->append(value ? std::to_string(*value) : "null");
  }
  void Bool(std::string_view key, bool value) { Key(key)->append(value ? "true" : "false"); }

 private:
  std::string* out_;
  bool first_ = true;
};

void WriteSource(std::string* out, const SourceInfo& s) {
  ObjectWriter o(out);
  o.UntrustedString("path", s.path);
  o.String("sha256", s.sha256);
  o.String("media_type", s.media_type);
  o.Key("bytes")->append(std::to_string(s.bytes));
  if (s.pages) o.Int("pages", s.pages);
  o.StringOrNull("encoding", s.encoding);
  if (!s.url.empty()) o.UntrustedString("url", s.url);
  if (!s.title.empty()) o.UntrustedString("title", s.title);
  if (!s.published.empty()) o.UntrustedString("published", s.published);
}

void WriteReport(std::string* out, const ReportInfo& r) {
  ObjectWriter o(out);
  o.StringOrNull("agency", r.agency);
  o.Int("year", r.year);
  o.StringOrNull("title", r.title);
  o.StringOrNull("template", r.template_id);
  {
    ObjectWriter tables(o.Key("tables"));
    for (const auto& [table, id] : r.tables) tables.String(table, id);
  }
  o.StringOrNull("agency_source", r.agency_source);
  o.StringOrNull("year_source", r.year_source);
  if (!r.agency_printed.empty()) o.String("agency_printed", r.agency_printed);
}

void WriteSections(std::string* out, const std::vector<Section>& sections) {
  out->push_back('[');
  for (size_t i = 0; i < sections.size(); ++i) {
    if (i) out->push_back(',');
    ObjectWriter o(out);
    o.String("id", sections[i].id);
    o.Int("ordinal", sections[i].ordinal);
    o.String("heading", sections[i].heading);
    o.Int("page", sections[i].page);
    o.Int("line", sections[i].line);
  }
  out->push_back(']');
}

void WriteAudit(std::string* out, const std::vector<Finding>& findings) {
  out->push_back('[');
  for (size_t i = 0; i < findings.size(); ++i) {
    if (i) out->push_back(',');
    const Finding& f = findings[i];
    ObjectWriter o(out);
    o.String("rule", f.rule);
    if (!f.row.empty()) o.String("row", f.row);
    if (!f.column.empty()) o.String("column", f.column);
    o.Bool("ok", f.ok);
    o.Number("lhs", f.lhs);
    o.Number("rhs", f.rhs);
    if (!f.blank_keys.empty()) {
      std::string* s = o.Key("blank_as_zero");
      s->push_back('[');
      for (size_t k = 0; k < f.blank_keys.size(); ++k) {
        if (k) s->push_back(',');
        AppendJsonString(s, f.blank_keys[k]);
      }
      s->push_back(']');
    }
  }
  out->push_back(']');
}

// prose.table_mismatch: both values and both provenances.
void WriteEvidence(ObjectWriter* o, const Diagnostic& d) {
  if (!d.values.empty()) {
    std::string* s = o->Key("values");
    s->push_back('[');
    for (size_t k = 0; k < d.values.size(); ++k) {
      if (k) s->push_back(',');
      AppendJsonNumber(s, d.values[k]);
    }
    s->push_back(']');
  }
  if (d.provenances.empty()) return;
  std::string* s = o->Key("provenances");
  s->push_back('[');
  for (size_t k = 0; k < d.provenances.size(); ++k) {
    if (k) s->push_back(',');
    const Provenance& p = d.provenances[k];
    ObjectWriter w(s);
    w.Int("page", p.page);
    w.Int("line", p.line);
    w.String("text", p.text);
    if (!p.cell.empty()) w.String("cell", p.cell);
    w.String("rule", p.rule);
  }
  s->push_back(']');
}

void WriteDiagnostic(std::string* out, const Diagnostic& d) {
  ObjectWriter o(out);
  o.String("severity", SeverityName(d.severity));
  o.String("code", d.code);
  o.UntrustedString("message", d.message);
  o.Int("page", d.page);
  if (d.line > 0) o.Int("line", d.line);
  if (!d.table.empty()) o.String("table", d.table);
  if (!d.key.empty()) o.String("key", d.key);
  if (!d.label.empty()) o.String("label", d.label);
  if (!d.rule.empty()) o.String("rule", d.rule);
  if (!d.src.empty()) o.UntrustedString("src", d.src);
  if (!d.candidates.empty()) {
    std::string* s = o.Key("candidates");
    s->push_back('[');
    for (size_t k = 0; k < d.candidates.size(); ++k) {
      if (k) s->push_back(',');
      AppendJsonNumber(s, d.candidates[k]);
    }
    s->push_back(']');
  }
  WriteEvidence(&o, d);
}

// The diagnostics past kMaxDiagnostics as one: how many of each severity, at the highest
// severity among them, so that a user filtering on severity still sees it.
Diagnostic Truncated(const std::vector<Diagnostic>& diagnostics) {
  size_t count[3] = {0, 0, 0};
  Severity worst = Severity::kInfo;
  for (size_t i = kMaxDiagnostics; i < diagnostics.size(); ++i) {
    ++count[static_cast<int>(diagnostics[i].severity)];
    worst = std::max(worst, diagnostics[i].severity);
  }
  Diagnostic d;
  d.severity = worst;
  d.code = codes::kDiagnosticsTruncated;
  d.message = std::to_string(diagnostics.size() - kMaxDiagnostics) +
              " more diagnostics not listed (" + std::to_string(count[2]) + " errors, " +
              std::to_string(count[1]) + " warnings, " + std::to_string(count[0]) +
              " info): a record lists at most " + std::to_string(kMaxDiagnostics);
  return d;
}

void WriteDiagnostics(std::string* out, const std::vector<Diagnostic>& diagnostics) {
  out->push_back('[');
  const size_t shown = std::min(diagnostics.size(), kMaxDiagnostics);
  for (size_t i = 0; i < shown; ++i) {
    if (i) out->push_back(',');
    WriteDiagnostic(out, diagnostics[i]);
  }
  if (diagnostics.size() > shown) {
    out->push_back(',');
    WriteDiagnostic(out, Truncated(diagnostics));
  }
  out->push_back(']');
}

// Figures stated in sentences: key → value with the sentence as provenance.
void WriteProse(std::string* out, const std::vector<ProseFigure>& prose) {
  ObjectWriter o(out);
  for (const ProseFigure& f : prose) {
    ObjectWriter p(o.Key(f.key));
    p.Number("value", f.value);
    p.String("text", f.text);
    p.Int("page", f.page);
    p.Int("line", f.line);
    p.String("rule", f.rule);
    if (!f.unit.empty()) p.String("unit", f.unit);
    if (f.approximate) p.Bool("approximate", true);
  }
}

void WriteRecord(std::string* out, const Record& record) {
  ObjectWriter o(out);
  if (record.error) {
    o.String("schema", "gongkai.error/1");
    o.String("status", StatusName(Status::kFailed));
    WriteSource(o.Key("source"), record.source);
    ObjectWriter e(o.Key("error"));
    e.String("code", record.error->code);
    e.UntrustedString("message", record.error->message);
    return;
  }
  o.String("schema", "gongkai.report/1");
  o.String("status", StatusName(record.status));
  WriteSource(o.Key("source"), record.source);
  WriteReport(o.Key("report"), record.report);
  WriteSections(o.Key("sections"), record.sections);
  {
    ObjectWriter figures(o.Key("figures"));
    for (const Figure& f : record.figures) figures.Number(f.key, f.value);
  }
  {
    ObjectWriter provenance(o.Key("provenance"));
    for (const Figure& f : record.figures) {
      ObjectWriter p(provenance.Key(f.key));
      p.Int("page", f.provenance.page);
      p.Int("line", f.provenance.line);
      p.String("text", f.provenance.text);
      p.String("cell", f.provenance.cell);
      p.String("rule", f.provenance.rule);
      if (!f.provenance.unit.empty()) p.String("unit", f.provenance.unit);
      if (f.provenance.table) {
        p.Int("table", f.provenance.table);
        p.Int("row", f.provenance.row);
        p.Int("col", f.provenance.col);
        if (!f.provenance.path.empty()) p.String("path", f.provenance.path);
      }
      if (f.provenance.box) {
        std::string* b = p.Key("box");
        b->push_back('[');
        for (size_t i = 0; i < 4; ++i) {
          if (i) b->push_back(',');
          // Rounded to 0.1 pt: stable output, finer than any printed glyph.
          AppendJsonNumber(b, std::round((*f.provenance.box)[i] * 10) / 10);
        }
        b->push_back(']');
      }
    }
  }
  WriteProse(o.Key("prose"), record.prose);
  WriteAudit(o.Key("audit"), record.audit);
  WriteDiagnostics(o.Key("diagnostics"), record.diagnostics);
}

}  // namespace

std::string ToJsonLine(const Record& record) {
  std::string out;
  out.reserve(4096 + record.figures.size() * 320 +
              std::min(record.diagnostics.size(), kMaxDiagnostics) * 200);
  WriteRecord(&out, record);
  return out;
}

}  // namespace gongkai
