// gongkai: 政府信息公开工作年度报告 → audited records. This file only parses the command line.
#include <CLI/CLI.hpp>

#include "extract_command.h"

int main(int argc, char** argv) {
  CLI::App app{
      "gongkai: turns Chinese government information-disclosure annual reports\n"
      "(政府信息公开工作年度报告) into audited records and datasets.\n\n"
      "Exit codes: 0 all records ok (audit: all identities hold); 1 every input failed (audit:\n"
      "an identity fails); 2 bad command line; 3 some records partial or failed, not all\n"
      "failed; 4 grammars, output or dataset unusable."};
  app.require_subcommand(1);

  gongkai::ExtractCommand extract;
  CLI::App* cmd = app.add_subcommand(
      "extract",
      "Extract one record per input (PDF, or UTF-8/UTF-16/GB18030 text). Folders are walked.\n"
      "Every input gives a record: a report (status ok or partial) or an error record with a "
      "code\n(empty_input, bad_encoding, not_a_report, io.unreadable, pdf.encrypted, "
      "pdf.damaged,\npdf.no_text_layer, io.not_a_file, input.too_large, input.too_complex,\n"
      "worker.crashed, worker.timeout).");
  cmd->add_option("inputs", extract.inputs,
                  "report files and folders; - reads paths from standard input, one per line")
      ->required();
  cmd->add_flag("-0,--null", extract.nul_separated,
                "paths on standard input end in NUL (find -print0), not a line break");
  cmd->add_option("-o,--output", extract.output,
                  "write to FILE: .sqlite/.db a dataset (reruns skip inputs already in it), "
                  ".csv figures in long format, else JSON Lines (default: stdout)");
  cmd->add_flag("--excel", extract.excel, "CSV: start with a UTF-8 BOM for Excel");
  CLI::Option* jobs =
      cmd->add_option("-j,--jobs", extract.jobs,
                      "worker processes (default: the number of cores; at most 4 per core)");
  cmd->add_option("--timeout", extract.timeout,
                  "seconds one file may take (default 60; positive, at most 1000000)");
  cmd->add_option("--max-memory", extract.max_memory_mib,
                  "MiB of memory a worker may add for one file (default 768; 0: no limit); a "
                  "file over it gives input.too_complex");
  cmd->add_option("--shard", extract.shard,
                  "K/N: only the K-th of N deterministic parts of the inputs (by path hash)");
  cmd->add_option("--manifest", extract.manifest,
                  "CSV from the scraper: path,url,title,published[,...]; the title names agency "
                  "and year when the text does not, the date gives the timeliness finding");
  cmd->add_option("--dump", extract.dump_stage,
                  "print one stage's intermediate result instead of records: load, normalize, "
                  "segment, tables, figures, audit");
  cmd->add_option("--grammars", extract.grammar_dir,
                  "read grammars from DIR (laid out as grammars/) instead of the built-in ones");

  gongkai::AuditCommand audit;
  CLI::App* audit_cmd = app.add_subcommand(
      "audit",
      "Check a dataset: the identities inside each report, and across one agency's filings\n"
      "(上年结转 = last year's 结转下年度; 现行有效件数, a warning). Exit 1 when an identity "
      "fails.");
  audit_cmd->add_option("dataset", audit.dataset, "dataset.sqlite")->required();
  audit_cmd->add_flag("--json", audit.json, "JSON Lines, one finding per line (also off a TTY)");

  gongkai::MergeCommand merge;
  CLI::App* merge_cmd = app.add_subcommand("merge", "Join datasets (shard outputs) into one.");
  merge_cmd->add_option("datasets", merge.inputs, "shard datasets")->required();
  merge_cmd->add_option("-o,--output", merge.output, "the merged dataset")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? 0 : gongkai::kExitUsage;
  }
  if (*audit_cmd) return gongkai::RunAudit(audit);
  if (*merge_cmd) return gongkai::RunMerge(merge);
  extract.jobs_given = jobs->count() > 0;
  return gongkai::RunExtract(extract);
}
