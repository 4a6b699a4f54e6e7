// Reading a table cell's text as a number.
#ifndef GONGKAI_UTIL_NUMBER_H_
#define GONGKAI_UTIL_NUMBER_H_

#include <string>
#include <string_view>

namespace gongkai {

struct CellNumber {
  enum class Kind { kBlank, kNumber, kText };
  Kind kind = Kind::kText;
  double value = 0;
  bool has_sign = false;   // printed with + or -
  bool is_integer = true;  // no decimal part printed
  std::string unit;        // "万元", "元", "件", ... as printed; empty if none
};

// Classifies NFKC-normalized cell text: empty or a blank marker (—, -, /, 无) is kBlank; a number,
// optionally signed, with thousands separators, a decimal part and a unit is kNumber; else kText.
CellNumber ParseCellNumber(std::string_view cell);

// Shortest text that reads back as value ("3", "1163.54", "-59").
std::string FormatNumber(double value);

}  // namespace gongkai

#endif  // GONGKAI_UTIL_NUMBER_H_
