#include <nlohmann/json.hpp>
#include <string_view>

#include "util/number.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

class JsonlSink : public RecordSink {
 public:
  explicit JsonlSink(std::ostream* out) : out_(out) {}
  bool Write(const std::string& line, Error* error, std::string*) override {
    *out_ << line << '\n';
    return Check(error);
  }
  bool Finish(Error* error) override {
    out_->flush();
    return Check(error);
  }

 private:
  bool Check(Error* error) {
    if (*out_) return true;
    *error = {"io.write", "cannot write the output"};
    return false;
  }
  std::ostream* out_;
};

std::string Text(const nlohmann::json& j) {
  if (j.is_null()) return "";
  if (j.is_string()) return j.get<std::string>();
  if (j.is_number()) return FormatNumber(j.get<double>());
  return j.dump();
}

class CsvSink : public RecordSink {
 public:
  CsvSink(std::ostream* out, bool excel) : out_(out) {
    if (excel) *out_ << "\xEF\xBB\xBF";
    *out_ << "agency,year,template,key,value,source_path,page,status\r\n";
  }
  bool Write(const std::string& line, Error* error, std::string*) override {
    nlohmann::json r = nlohmann::json::parse(line, nullptr, false);
    if (r.is_discarded() || !r.contains("figures")) return true;  // error records have none
    const nlohmann::json& report = r["report"];
    std::string prefix = CsvCell(Text(report["agency"])) + "," + Text(report["year"]) + "," +
                         CsvCell(Text(report["template"])) + ",";
    std::string path = CsvCell(Text(r["source"]["path"]));
    for (const auto& [key, value] : r["figures"].items()) {
      std::string page;
      if (r["provenance"].contains(key)) page = Text(r["provenance"][key]["page"]);
      *out_ << prefix << CsvCell(key) << "," << Text(value) << "," << path << "," << page << ","
            << Text(r["status"]) << "\r\n";
    }
    if (!*out_) {
      *error = {"io.write", "cannot write the CSV output"};
      return false;
    }
    return true;
  }
  bool Finish(Error* error) override {
    out_->flush();
    if (*out_) return true;
    *error = {"io.write", "cannot write the CSV output"};
    return false;
  }

 private:
  std::ostream* out_;
};

}  // namespace

// OWASP's advice on CSV injection: a cell a spreadsheet would read as a formula (= + - @, or a
// tab or CR that some strip before looking) starts with an apostrophe, shown as text. Numbers
// are written by FormatNumber and never pass here, so a signed delta stays a number. RFC 4180:
// quoted when it holds a comma, quote, CR or LF; quotes doubled; lines end in CRLF.
std::string CsvCell(const std::string& text) {
  std::string s = text;
  if (!s.empty() && std::string_view("=+-@\t\r").find(s[0]) != std::string_view::npos) {
    s.insert(0, 1, '\'');
  }
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::unique_ptr<RecordSink> MakeJsonlSink(std::ostream* out) {
  return std::make_unique<JsonlSink>(out);
}

std::unique_ptr<RecordSink> MakeCsvSink(std::ostream* out, bool excel) {
  return std::make_unique<CsvSink>(out, excel);
}

}  // namespace gongkai
