#include "load/text_loader.h"

#include "load/encoding.h"
#include "util/text.h"

namespace gongkai {

void SplitLines(std::string_view text, std::vector<Line>* lines) {
  size_t start = 0;
  int number = 1;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (c != '\n' && c != '\r') continue;
    Line line;
    line.number = number++;
    line.text.assign(text.substr(start, i - start));
    lines->push_back(std::move(line));
    if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    start = i + 1;
  }
  if (start < text.size()) {
    Line line;
    line.number = number;
    line.text.assign(text.substr(start));
    lines->push_back(std::move(line));
  }
}

bool LoadText(std::string_view bytes, Document* doc, Error* error) {
  if (bytes.empty()) {
    *error = {"empty_input", "the file is empty"};
    return false;
  }
  std::string utf8;
  if (!DecodeToUtf8(bytes, &utf8, &doc->source.encoding, error)) return false;
  bool blank = true;
  size_t len = 0;
  for (size_t i = 0; i < utf8.size() && blank;) {
    if (utf8[i] == '\r' || utf8[i] == '\n') {
      ++i;
    } else if (IsSpaceAt(utf8, i, &len)) {
      i += len;
    } else {
      blank = false;
    }
  }
  if (blank) {
    *error = {"empty_input", "the file holds only whitespace"};
    return false;
  }
  doc->source.media_type = "text/plain";
  SplitLines(utf8, &doc->lines);
  return true;
}

}  // namespace gongkai
