#!/bin/sh
# The CLI's documented exit codes and its one-record-per-input promise, on corpus files.
. "$(dirname "$0")/../lib.sh"

"$bin" extract "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" > "$tmp/ok.jsonl" 2> /dev/null
[ $? -eq 0 ] || fail "an ok report should exit 0"
[ "$(wc -l < "$tmp/ok.jsonl")" -eq 1 ] || fail "one input, one line"

"$bin" extract "$root/corpus/real/2019_hebei_gxt_1/input.txt" > /dev/null 2>&1
[ $? -eq 3 ] || fail "a partial record should exit 3"
"$bin" extract "$root/corpus/reject/empty/input.txt" > /dev/null 2>&1
[ $? -eq 1 ] || fail "a lone failed input should exit 1"

"$bin" extract -o "$tmp/mixed.jsonl" "$root/corpus/reject/empty/input.txt" \
  "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" "$tmp/does-not-exist.txt" 2> "$tmp/err"
[ $? -eq 3 ] || fail "a batch with failed inputs (not all) should exit 3"
[ "$(wc -l < "$tmp/mixed.jsonl")" -eq 3 ] || fail "every input gives a line, errors included"
grep -q '"code":"empty_input"' "$tmp/mixed.jsonl" || fail "empty input error record"
grep -q '"code":"io.unreadable"' "$tmp/mixed.jsonl" || fail "missing file error record"
grep -q '"schema":"gongkai.report/1"' "$tmp/mixed.jsonl" || fail "the good input still has its record"
grep -q 'empty_input' "$tmp/err" || fail "errors are named on stderr"

"$bin" extract --dump=tables "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" > "$tmp/dump"
[ $? -eq 0 ] || fail "--dump exits 0"
grep -q '^table requests layout=tabbed' "$tmp/dump" || fail "--dump=tables prints the grids"

# Figures that break their table's identities are never ok: 本年新收 自然人 1 while nothing was
# handled or carried over.
sed 's/^一、本年新收政府信息公开申请数量\t\t0/一、本年新收政府信息公开申请数量\t\t1/' \
  "$root/corpus/real/000_7d8fc7268cbfb024/input.txt" > "$tmp/unbalanced.txt"
"$bin" extract "$tmp/unbalanced.txt" > "$tmp/unbalanced.jsonl" 2> /dev/null
[ $? -eq 3 ] || fail "a report whose identities fail is partial (exit 3)"
grep -q '"code":"audit.identities"' "$tmp/unbalanced.jsonl" || fail "audit.identities names them"
grep -q 'requests.balance' "$tmp/unbalanced.jsonl" || fail "the failing balance is named"

# Web pages: a figure's provenance names its table, row and column and the element path; a
# table shown as a picture names it.
"$bin" extract "$root/corpus/web/gbk_http_equiv/input.html" > "$tmp/page.jsonl" 2> /dev/null
grep -q '"table":[0-9]*,"row":[0-9]*,"col":[0-9]*,"path":"table\[' "$tmp/page.jsonl" ||
  fail "HTML provenance gives table, row, col and path"
"$bin" extract "$root/corpus/web/image_table/input.html" > "$tmp/image.jsonl" 2> /dev/null
grep -q '"code":"table.image".*"src":"[^"]' "$tmp/image.jsonl" || fail "table.image gives its src"

"$bin" extract --dump=nonsense "$root/corpus/reject/empty/input.txt" 2> /dev/null
[ $? -eq 2 ] || fail "an unknown stage is a usage error"
"$bin" extract 2> /dev/null
[ $? -eq 2 ] || fail "no input is a usage error"
"$bin" extract --help | grep -q -- '--dump' || fail "--help documents --dump"
echo "cli exit codes: ok"
