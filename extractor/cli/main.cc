// gongkai: 政府信息公开工作年度报告 → audited records. This file only parses the command line.
#include <CLI/CLI.hpp>

#include "extract_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "gongkai: turns Chinese government information-disclosure annual reports\n"
      "(政府信息公开工作年度报告) into audited JSON Lines records.\n\n"
      "Exit codes: 0 all records ok; 1 some input failed (an error record was written);\n"
      "2 bad command line; 3 all inputs gave records but some are partial;\n"
      "4 grammars unreadable or output unwritable."};
  app.require_subcommand(1);
  gongkai::ExtractCommand extract;
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract one record per input file (PDF, or UTF-8/UTF-16/GB18030 text) as JSON Lines.\n"
      "Every input gives a record: a report (status ok or partial) or an error record with a "
      "code\n(empty_input, bad_encoding, not_a_report, io.unreadable, pdf.encrypted, "
      "pdf.damaged,\npdf.no_text_layer).");
  cmd->add_option("files", extract.inputs, "report files")->required();
  cmd->add_option("-o,--output", extract.output, "write the records to FILE instead of stdout");
  cmd->add_option("--dump", extract.dump_stage,
                  "print one stage's intermediate result instead of records: load, normalize, "
                  "segment, tables, figures, audit");
  cmd->add_option("--grammars", extract.grammar_dir,
                  "read grammars from DIR (laid out as grammars/) instead of the built-in ones");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : gongkai::kExitUsage;
  }
  return gongkai::RunExtract(extract);
}
