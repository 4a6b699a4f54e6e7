#include "prose/prose_number.h"

#include <string>

#include "util/text.h"

namespace gongkai {
namespace {

int Digit(char32_t c) {
  static constexpr std::u32string_view kDigits = U"零一二三四五六七八九";
  if (c == U'〇') return 0;
  if (c == U'两') return 2;
  size_t p = kDigits.find(c);
  return p == std::u32string_view::npos ? -1 : static_cast<int>(p);
}

int SmallUnit(char32_t c) { return c == U'十' ? 10 : c == U'百' ? 100 : c == U'千' ? 1000 : 0; }

double LargeUnit(char32_t c) { return c == U'万' ? 1e4 : c == U'亿' ? 1e8 : 0; }

std::optional<double> ParseDigits(std::string_view text) {
  double scale = 1;
  for (auto [suffix, factor] : {std::pair<std::string_view, double>{"万", 1e4}, {"亿", 1e8}}) {
    if (text.ends_with(suffix)) {
      text.remove_suffix(suffix.size());
      scale = factor;
    }
  }
  std::string plain;
  for (char c : text) {
    if (c == ',') continue;
    if ((c < '0' || c > '9') && c != '.') return std::nullopt;
    plain.push_back(c);
  }
  if (plain.empty() || plain.front() == '.' || plain.back() == '.' ||
      plain.find('.') != plain.rfind('.')) {
    return std::nullopt;
  }
  return std::stod(plain) * scale;
}

std::optional<double> ParseNumeral(std::u32string_view cps) {
  // A run of digits without units (「一二」) is no count a sentence writes.
  bool units = false;
  for (char32_t c : cps) units |= SmallUnit(c) || LargeUnit(c);
  if (!units) {
    if (cps.size() != 1 || Digit(cps[0]) < 0) return std::nullopt;
    return Digit(cps[0]);
  }
  double total = 0, section = 0;
  int number = -1;
  for (char32_t c : cps) {
    if (int d = Digit(c); d >= 0) {
      number = d;
    } else if (int u = SmallUnit(c)) {
      section += (number < 0 ? 1 : number) * u;  // 十五: 一十五
      number = -1;
    } else if (double big = LargeUnit(c)) {
      double part = section + (number < 0 ? 0 : number);
      total = big == 1e4 && total >= 1e8 ? total + part * big : (total + part) * big;
      section = 0;
      number = -1;
    } else {
      return std::nullopt;
    }
  }
  return total + section + (number < 0 ? 0 : number);
}

}  // namespace

std::optional<double> ParseProseNumber(std::string_view text) {
  if (text.empty()) return std::nullopt;
  if (text[0] >= '0' && text[0] <= '9') return ParseDigits(text);
  std::u32string cps = ToCodePoints(text);
  return ParseNumeral(cps);
}

}  // namespace gongkai
