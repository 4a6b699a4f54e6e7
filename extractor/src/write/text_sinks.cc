#include <nlohmann/json.hpp>

#include "util/number.h"
#include "write/sinks.h"

namespace gongkai {
namespace {

class JsonlSink : public RecordSink {
 public:
  explicit JsonlSink(std::ostream* out) : out_(out) {}
  bool Write(const std::string& line, Error* error) override {
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

// RFC 4180: quoted when it holds a comma, quote, CR or LF; quotes doubled; lines end in CRLF.
std::string CsvField(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

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
  bool Write(const std::string& line, Error* error) override {
    nlohmann::json r = nlohmann::json::parse(line, nullptr, false);
    if (r.is_discarded() || !r.contains("figures")) return true;  // error records have none
    const nlohmann::json& report = r["report"];
    std::string prefix = CsvField(Text(report["agency"])) + "," + Text(report["year"]) + "," +
                         CsvField(Text(report["template"])) + ",";
    std::string path = CsvField(Text(r["source"]["path"]));
    for (const auto& [key, value] : r["figures"].items()) {
      std::string page;
      if (r["provenance"].contains(key)) page = Text(r["provenance"][key]["page"]);
      *out_ << prefix << CsvField(key) << "," << Text(value) << "," << path << "," << page << ","
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

std::unique_ptr<RecordSink> MakeJsonlSink(std::ostream* out) {
  return std::make_unique<JsonlSink>(out);
}

std::unique_ptr<RecordSink> MakeCsvSink(std::ostream* out, bool excel) {
  return std::make_unique<CsvSink>(out, excel);
}

}  // namespace gongkai
