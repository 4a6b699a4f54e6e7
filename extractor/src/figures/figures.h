// The figures stage: each section's TableGrid read with the grammar of every template, the
// template that explains the table best kept, and its cells turned into keyed figures.
#ifndef GONGKAI_FIGURES_FIGURES_H_
#define GONGKAI_FIGURES_FIGURES_H_

#include <string>
#include <utility>
#include <vector>

#include "gongkai/record.h"
#include "grammar/grammar.h"
#include "model/table_grid.h"

namespace gongkai {

struct TableFigures {
  std::string table;
  std::string template_id;  // empty: no table found
  std::vector<Figure> figures;
  std::vector<Diagnostic> diagnostics;
  int score = 0;          // how well the grammar explained the grid (higher is better)
  bool complete = false;  // every row found and explained, header wording of this template seen
};

// Reads one grid with one table grammar.
TableFigures ReadTable(const TableGrid& grid, const TableGrammar& grammar);

// Reads a grid with each of the given grammars (one per template) and keeps the best. When the
// scores tie, prefer_template wins.
TableFigures ReadTableBestTemplate(const TableGrid& grid,
                                   const std::vector<const TableGrammar*>& grammars,
                                   const std::string& prefer_template);

std::string DumpFigures(const std::vector<TableFigures>& tables);

}  // namespace gongkai

#endif  // GONGKAI_FIGURES_FIGURES_H_
