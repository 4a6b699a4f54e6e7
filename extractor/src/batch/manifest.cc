#include "batch/manifest.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace gongkai {
namespace fs = std::filesystem;

std::vector<std::vector<std::string>> ParseCsv(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  bool quoted = false, any = false;
  size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  for (; i < text.size(); ++i) {
    char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        field += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        field += c;
      }
      continue;
    }
    if (c == '"') {
      quoted = true;
      any = true;
    } else if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      any = true;
    } else if (c == '\n' || c == '\r') {
      if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
      if (any || !field.empty()) {
        row.push_back(std::move(field));
        rows.push_back(std::move(row));
      }
      row.clear();
      field.clear();
      any = false;
    } else {
      field += c;
      any = true;
    }
  }
  if (any || !field.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

namespace {
std::string Canonical(const fs::path& p) {
  std::error_code ec;
  fs::path c = fs::weakly_canonical(p, ec);
  return (ec ? p : c).lexically_normal().string();
}
}  // namespace

bool Manifest::Load(const std::string& path, Error* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = {"manifest.unreadable", "cannot read the manifest " + path};
    return false;
  }
  std::ostringstream text;
  text << in.rdbuf();
  std::vector<std::vector<std::string>> rows = ParseCsv(text.str());
  if (rows.empty()) {
    *error = {"manifest.invalid", path + ": empty"};
    return false;
  }
  std::map<std::string, size_t> col;
  for (size_t i = 0; i < rows[0].size(); ++i) col[rows[0][i]] = i;
  if (!col.count("path")) {
    *error = {"manifest.invalid", path + ": no path column"};
    return false;
  }
  fs::path base = fs::path(path).parent_path();
  auto get = [&](const std::vector<std::string>& row, const char* name) -> std::string {
    auto it = col.find(name);
    return it != col.end() && it->second < row.size() ? row[it->second] : "";
  };
  for (size_t r = 1; r < rows.size(); ++r) {
    std::string p = get(rows[r], "path");
    if (p.empty()) continue;
    Row row;
    SourceHints& h = row.hints;
    h.url = get(rows[r], "url");
    h.title = get(rows[r], "title");
    h.published = get(rows[r], "published");
    h.agency = get(rows[r], "agency");
    std::string year = get(rows[r], "year");
    if (year.size() == 4 && year.find_first_not_of("0123456789") == std::string::npos) {
      h.year = std::stoi(year);
    } else if (!year.empty()) {
      row.notes.push_back("the manifest's year 「" + year + "」 is not a four-digit year: ignored");
    }
    rows_[Canonical(base / p)] = std::move(row);
  }
  return true;
}

SourceHints Manifest::Find(const std::string& input, std::vector<std::string>* notes) const {
  auto it = rows_.find(Canonical(input));
  if (it == rows_.end()) return SourceHints{};
  if (notes) *notes = it->second.notes;
  return it->second.hints;
}

}  // namespace gongkai
