#include "prose/prose.h"

#include <set>

#include "normalize/normalize.h"
#include "prose/prose_number.h"
#include "util/number.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Words a sentence stating a prose figure contains (a fast path; each rule's pattern has one).
constexpr std::string_view kKeywords[] = {"申请", "公开", "复议", "诉讼", "发布会",
                                          "解读", "收取", "收缴", "免费", "费"};

// Sentences of one line: split at 。；！？ (full width or ASCII), tabs and runs of two or more
// spaces (ideographic spaces stand between paragraphs in flattened text).
std::vector<std::string_view> Sentences(std::string_view text) {
  std::vector<std::string_view> out;
  size_t start = 0;
  auto cut = [&](size_t end, size_t next) {
    std::string_view s = Trim(text.substr(start, end - start));
    if (!s.empty()) out.push_back(s);
    start = next;
  };
  for (size_t i = 0; i < text.size();) {
    size_t len = 1;
    bool end = false;
    if (text[i] == ';' || text[i] == '!' || text[i] == '?' || text[i] == '\t') {
      end = true;
    } else if (text.compare(i, 3, "。") == 0 || text.compare(i, 3, "；") == 0 ||
               text.compare(i, 3, "！") == 0 || text.compare(i, 3, "？") == 0) {
      len = 3;
      end = true;
    } else if (text.compare(i, 6, "　　") == 0 || text.compare(i, 2, "  ") == 0) {
      len = text[i] == ' ' ? 2 : 6;
      end = true;
    }
    if (end) cut(i, i + len);
    i += len;
  }
  cut(text.size(), text.size());
  return out;
}

bool HasKeyword(std::string_view s) {
  for (std::string_view k : kKeywords) {
    if (s.find(k) != std::string_view::npos) return true;
  }
  return false;
}

// The figure one rule reads from a normalized sentence, if it matches.
std::optional<ProseFigure> Apply(const Rule& rule, const std::string& norm) {
  re2::StringPiece m[2];
  const int groups = rule.strict->NumberOfCapturingGroups() >= 1 ? 2 : 1;
  if (!rule.strict->Match(norm, 0, norm.size(), RE2::UNANCHORED, m, groups)) return std::nullopt;
  ProseFigure f;
  // A long sentence (a table run into its section's text) is shown from its clause: up to 40
  // characters before the match.
  if (CodePointCount(norm) > 160) {
    size_t begin = m[0].data() - norm.data();
    size_t from = begin;
    for (int n = 0; n < 40 && from > 0; ++n) {
      do --from;
      while (from > 0 && (static_cast<unsigned char>(norm[from]) & 0xC0) == 0x80);
    }
    f.text = norm.substr(from, begin + m[0].size() - from);
  }
  f.key = rule.key;
  f.rule = rule.id;
  f.unit = rule.unit;
  if (groups == 1) return f;  // a sentence stating zero
  std::string_view number(m[1].data(), m[1].size());
  std::optional<double> value = ParseProseNumber(number);
  if (!value) return std::nullopt;
  f.value = *value;
  std::string_view after =
      std::string_view(norm).substr(number.data() - norm.data() + number.size());
  f.approximate = after.starts_with("余") || after.starts_with("多");
  if (f.approximate) after.remove_prefix(3);
  // The counting word as printed; amounts in 元 are stored in 万元, as table figures are.
  for (std::string_view unit :
       {"万元", "元", "人次", "件", "个", "份", "宗", "条", "起", "次", "场", "期", "篇", "项"}) {
    if (after.starts_with(unit)) {
      f.unit = unit;
      break;
    }
  }
  if (rule.unit == "万元" && f.unit == "元") f.value /= 10000;
  return f;
}

}  // namespace

std::vector<ProseFigure> ProseOfSentence(std::string_view sentence, const GrammarSet& grammars) {
  std::vector<ProseFigure> out;
  if (!HasKeyword(sentence)) return out;
  std::string norm = StripSpaces(Normalizer().Normalize(sentence));
  std::set<std::string> keys;
  for (const Rule& rule : grammars.prose()) {
    if (keys.count(rule.key)) continue;
    if (std::optional<ProseFigure> f = Apply(rule, norm)) {
      if (f->text.empty()) f->text = std::string(sentence);
      keys.insert(f->key);
      out.push_back(std::move(*f));
    }
  }
  return out;
}

std::vector<ProseFigure> FindProse(const Document& doc, const GrammarSet& grammars) {
  std::vector<ProseFigure> out;
  if (grammars.prose().empty()) return out;
  std::set<std::string> keys;
  for (const Line& line : doc.lines) {
    if (!HasKeyword(line.text)) continue;
    for (std::string_view sentence : Sentences(line.text)) {
      for (ProseFigure& f : ProseOfSentence(sentence, grammars)) {
        if (!keys.insert(f.key).second) continue;
        f.page = line.page;
        f.line = line.number;
        out.push_back(std::move(f));
      }
    }
  }
  return out;
}

std::string DumpProse(const std::vector<ProseFigure>& prose) {
  std::string out;
  for (const ProseFigure& f : prose) {
    out += f.key + " = " + FormatNumber(f.value) + (f.approximate ? "+" : "") + " " + f.unit +
           " line=" + std::to_string(f.line) + " rule=" + f.rule + " 「" + f.text + "」\n";
  }
  return out;
}

}  // namespace gongkai
