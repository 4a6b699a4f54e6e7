#include "model/document.h"

namespace gongkai {

std::string DumpDocument(const Document& doc) {
  std::string out;
  out += "source\t" + doc.source.path + "\t" + doc.source.media_type + "\t" + doc.source.encoding +
         "\t" + std::to_string(doc.lines.size()) + " lines\n";
  for (const Line& line : doc.lines) {
    out += std::to_string(line.number);
    if (line.page) out += " p" + std::to_string(*line.page);
    out += '\t';
    out += line.text;
    if (!line.norm.empty() && line.norm != line.text) {
      out += " | ";
      out += line.norm;
    }
    out += '\n';
  }
  return out;
}

}  // namespace gongkai
