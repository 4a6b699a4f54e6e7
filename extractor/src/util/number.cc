#include "util/number.h"

#include <charconv>
#include <cmath>

#include "util/text.h"

namespace gongkai {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }

constexpr std::string_view kUnits[] = {"万元", "元", "件", "个", "项", "条", "次", "人次", "人"};
constexpr std::string_view kBlankMarkers[] = {"-", "--", "—", "——", "/",  "无", "–",
                                              "―", "-—", "_", "\\", "——", "/"};

}  // namespace

CellNumber ParseCellNumber(std::string_view cell) {
  CellNumber out;
  std::string s(Trim(cell));
  if (s.empty()) {
    out.kind = CellNumber::Kind::kBlank;
    return out;
  }
  for (std::string_view marker : kBlankMarkers) {
    if (s == marker) {
      out.kind = CellNumber::Kind::kBlank;
      return out;
    }
  }
  std::string_view v = s;
  for (std::string_view unit : kUnits) {
    if (v.size() > unit.size() && v.substr(v.size() - unit.size()) == unit) {
      out.unit = std::string(unit);
      v.remove_suffix(unit.size());
      break;
    }
  }
  bool negative = false;
  if (!v.empty() && (v[0] == '+' || v[0] == '-')) {
    out.has_sign = true;
    negative = v[0] == '-';
    v.remove_prefix(1);
  }
  if (v.empty() || !IsDigit(v[0])) return out;
  // Integer part with optional thousands separators in groups of three.
  std::string digits;
  size_t i = 0;
  size_t group = 0;
  bool commas = false;
  while (i < v.size() && (IsDigit(v[i]) || v[i] == ',')) {
    if (v[i] == ',') {
      if (group == 0 || (commas && group != 3) || (!commas && group > 3)) return out;
      commas = true;
      group = 0;
    } else {
      digits.push_back(v[i]);
      ++group;
    }
    ++i;
  }
  if (commas && group != 3) return out;
  if (i < v.size() && v[i] == '.') {
    ++i;
    if (i == v.size() || !IsDigit(v[i])) return out;
    digits.push_back('.');
    while (i < v.size() && IsDigit(v[i])) digits.push_back(v[i++]);
    out.is_integer = false;
  }
  if (i != v.size()) return out;
  double value = 0;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), value);
  if (ec != std::errc() || ptr != digits.data() + digits.size() || !std::isfinite(value))
    return out;
  out.kind = CellNumber::Kind::kNumber;
  out.value = negative ? -value : value;
  return out;
}

std::string FormatNumber(double value) {
  if (value == 0) return "0";  // also folds -0
  char buf[64];
  auto [ptr, ec] = std::to_chars(buf, buf + sizeof buf, value);
  if (ec != std::errc()) return "0";
  std::string s(buf, ptr);
  // to_chars may pick exponent form for large integers; JSON allows it but people read these.
  if (s.find('e') != std::string::npos && std::fabs(value) < 1e15 && value == std::trunc(value)) {
    auto [p2, ec2] = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::fixed, 0);
    if (ec2 == std::errc()) s.assign(buf, p2);
  }
  return s;
}

}  // namespace gongkai
