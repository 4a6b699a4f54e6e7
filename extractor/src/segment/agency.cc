#include "segment/agency.h"

#include <utility>

#include "normalize/normalize.h"
#include "util/text.h"

namespace gongkai {
namespace {

// Short forms and the full form they stand for. At each position the full form is tried first,
// so a name already written out is kept (卫生健康委员会 is not read as 卫生健康委 + 员会).
constexpr std::pair<std::string_view, std::string_view> kForms[] = {
    {"人社", "人力资源和社会保障"},
    {"人力资源社会保障", "人力资源和社会保障"},
    {"工信", "工业和信息化"},
    {"科技厅", "科学技术厅"},
    {"科技局", "科学技术局"},
    {"科技委", "科学技术委员会"},
    {"发改委", "发展和改革委员会"},
    {"发展改革委", "发展和改革委员会"},
    {"发展和改革委", "发展和改革委员会"},
    {"住建", "住房和城乡建设"},
    {"住房城乡建设", "住房和城乡建设"},
    {"卫健委", "卫生健康委员会"},
    {"卫生健康委", "卫生健康委员会"},
    {"卫生计生委", "卫生和计划生育委员会"},
    {"市场监管局", "市场监督管理局"},
    {"市监局", "市场监督管理局"},
    {"文旅", "文化和旅游"},
    {"文化旅游", "文化和旅游"},
    {"医保局", "医疗保障局"},
    {"退役军人局", "退役军人事务局"},
    {"国资委", "国有资产监督管理委员会"},
    {"人防办", "人民防空办公室"},
    {"民宗委", "民族宗教事务委员会"},
    {"交通厅", "交通运输厅"},
    {"交通局", "交通运输局"},
    {"管委会", "管理委员会"},
    {"政府办", "人民政府办公室"},
    {"政府", "人民政府"},
};

bool StartsAt(std::string_view s, size_t i, std::string_view w) {
  return s.size() - i >= w.size() && s.compare(i, w.size(), w) == 0;
}

std::string Expand(std::string_view s) {
  std::string out;
  size_t i = 0;
  while (i < s.size()) {
    bool done = false;
    for (const auto& [short_form, full] : kForms) {
      if (StartsAt(s, i, full)) {
        out.append(full);
        i += full.size();
        done = true;
        break;
      }
      if (StartsAt(s, i, short_form)) {
        // 「人民政府办公室」 stays as it is: 「人民」 already stands before 「政府」.
        if (!(short_form.starts_with("政府") && out.ends_with("人民"))) {
          out.append(full);
          i += short_form.size();
          done = true;
          break;
        }
      }
    }
    if (!done) out.push_back(s[i++]);
  }
  return out;
}

// Drops bracketed notes 「(…)」 and quotes.
std::string DropNotes(std::string_view s) {
  std::string out;
  int depth = 0;
  for (char c : s) {
    if (c == '(') {
      ++depth;
    } else if (c == ')') {
      if (depth > 0) --depth;
    } else if (depth == 0 && c != '"') {
      out.push_back(c);
    }
  }
  for (std::string_view q : {"“", "”", "《", "》", "「", "」"}) {
    for (size_t p = out.find(q); p != std::string::npos; p = out.find(q)) out.erase(p, q.size());
  }
  return out;
}

}  // namespace

std::string AgencyKey(std::string_view agency) {
  if (agency.empty()) return "";
  return Expand(DropNotes(StripSpaces(Normalizer().Normalize(agency))));
}

bool ShortFormOf(std::string_view short_form, std::string_view full) {
  std::string s = AgencyKey(short_form);
  std::string f = AgencyKey(full);
  if (s.empty() || f.empty()) return false;
  if (s.starts_with("我") || s.starts_with("本")) {
    std::string_view office = std::string_view(s).substr(3);
    if (office.empty()) return false;
    return f.ends_with(office) || (office == "委" && f.ends_with("委员会")) ||
           (office == "区" && f.find("区") != std::string::npos) ||
           (office == "县" && f.find("县") != std::string::npos);
  }
  std::string_view rest = s;
  for (std::string_view place : {"自治区", "省", "市", "县", "区", "州"}) {
    if (rest.starts_with(place)) {
      rest.remove_prefix(place.size());
      break;
    }
  }
  return !rest.empty() && f.size() > rest.size() && f.ends_with(rest);
}

}  // namespace gongkai
