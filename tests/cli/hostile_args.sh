#!/bin/sh
# The command line under attack: arguments that are not files, bad option values, the output
# naming an input, any byte in paths and manifest fields, CSV formula injection, the output
# failing mid-run, no worker process, a worker over its memory limit, --dump with --manifest.
. "$(dirname "$0")/../lib.sh"
seed="$root/corpus/real/000_7d8fc7268cbfb024/input.txt"
cd "$tmp" || exit 1

# 1. A FIFO, /dev/zero and a socket are never read: io.not_a_file, at once.
mkfifo fifo
/usr/bin/python3 -c 'import socket; socket.socket(socket.AF_UNIX).bind("sock")'
timeout 20 "$bin" extract --timeout 2 fifo /dev/zero sock "$seed" > out.jsonl 2> err
code=$?
[ $code -ne 124 ] || fail "the batch hangs on a FIFO or /dev/zero"
[ $code -eq 3 ] || fail "not-a-file inputs and one report: exit 3, got $code"
[ "$(grep -c '"code":"io.not_a_file"' out.jsonl)" -eq 3 ] || fail "three io.not_a_file records"
[ "$(wc -l < out.jsonl)" -eq 4 ] || fail "one record per input"

# 2. --timeout positive and finite, -j positive and capped.
for t in nan inf -inf 0 -1 1e7; do
  "$bin" extract --timeout "$t" "$seed" > /dev/null 2>&1
  [ $? -eq 2 ] || fail "--timeout $t is a usage error"
done
for j in 0 -1; do
  "$bin" extract -j "$j" "$seed" > /dev/null 2>&1
  [ $? -eq 2 ] || fail "-j $j is a usage error"
done
"$bin" extract -j 10000 "$seed" > /dev/null 2> err
[ $? -eq 0 ] || fail "-j 10000 runs, capped"
grep -q "capped at" err || fail "-j 10000 says it is capped"

# 3. -o naming an input is refused and the input kept.
cp "$seed" keep.txt
before=$(cksum < keep.txt)
"$bin" extract keep.txt -o keep.txt 2> err
[ $? -eq 2 ] || fail "-o naming an input is a usage error"
[ "$(cksum < keep.txt)" = "$before" ] || fail "the input is intact"

# 4. Tabs and newlines in a path and in manifest fields cross the worker boundary; a year that
#    is not a year is a warning on the record, not a crash.
odd=$(printf 'a\tb\nc.txt')
cp "$seed" "$odd"
printf 'path,url,title,agency,year\n"%s","u\tv","t\nw",X,20x1\n' "$odd" > manifest.csv
"$bin" extract --manifest manifest.csv "$odd" > odd.jsonl 2> err
[ $? -eq 0 ] || fail "the odd path extracts ok"
/usr/bin/python3 - "$odd" odd.jsonl <<'PY' || fail "path and manifest fields survive"
import json, sys
r = json.loads(open(sys.argv[2]).read())
assert r["status"] == "ok", r["status"]
assert r["source"]["path"] == sys.argv[1], r["source"]["path"]
assert r["source"]["url"] == "u\tv" and r["source"]["title"] == "t\nw", r["source"]
assert r["report"]["agency"] == "尖扎县教育局" and r["report"]["year"] == 2021, r["report"]
assert any(d["code"] == "manifest.invalid" and "20x1" in d["message"] for d in r["diagnostics"])
PY

# 5. CSV cells a spreadsheet would run as formulas start with an apostrophe, with and without
#    --excel.
for name in '=cmd.txt' '+x.txt' '-x.txt' '@x.txt'; do cp -- "$seed" "$name"; done
for excel in "" --excel; do
  "$bin" extract $excel -o f.csv -- '=cmd.txt' '+x.txt' '-x.txt' '@x.txt' 2> /dev/null
  [ $? -eq 0 ] || fail "CSV run $excel"
  cut -d, -f6 f.csv | sed 1d | sort -u > cells
  [ "$(cat cells)" = "$(printf "'+x.txt\n'-x.txt\n'=cmd.txt\n'@x.txt")" ] ||
    fail "path cells neutralised $excel: $(cat cells)"
done
grep -q ',-[0-9]' f.csv && fail "no negative figure in this report, so none should start with -"

# 6. The output failing: JSON Lines to a full device, a dataset over the file size limit.
"$bin" extract "$seed" -o /dev/full 2> err
[ $? -eq 4 ] || fail "a full output exits 4"
grep -q "output incomplete" err || fail "a full output is not reported ok"
(ulimit -f 400; "$bin" extract -j 2 "$root/corpus/real" -o big.sqlite 2> err)
[ $? -eq 4 ] || fail "a dataset that cannot grow exits 4"
grep -q "— ok" err && fail "a failed dataset write is not reported ok"

# 7. No worker process can be started: exit 4 with a message, after bounded retries.
GONGKAI_FAULT=fork=fail timeout 30 "$bin" extract "$seed" > /dev/null 2> err
code=$?
[ $code -eq 4 ] || fail "no worker: exit 4, got $code"
grep -q "cannot start a worker process" err || fail "no worker: a message"

# 8. A worker over its memory limit: input.too_complex (not under AddressSanitizer, whose shadow
#    memory needs an unlimited address space). The input: 3 MB of repeated table rows.
if [ -z "${ASAN_OPTIONS:-}" ]; then
  hebei="$root/corpus/real/2021_hebei_jyt_1/input.txt"
  { cat "$hebei"; i=0; while [ $i -lt 400 ]; do sed -n '/本年新收/,/结转下年度/p' "$hebei"; i=$((i + 1)); done; } > rows.txt
  "$bin" extract --max-memory 64 rows.txt > mem.jsonl 2> /dev/null
  [ $? -eq 1 ] || fail "the input over the memory limit fails"
  grep -q '"code":"input.too_complex"' mem.jsonl || fail "input.too_complex: $(head -c 300 mem.jsonl)"
  "$bin" extract rows.txt > mem.jsonl 2> /dev/null
  grep -q '"schema":"gongkai.report/1"' mem.jsonl || fail "the default limit reads it"
  GONGKAI_FAULT=oom=keep.txt "$bin" extract --max-memory 256 keep.txt "$seed" > mem.jsonl 2> /dev/null
  [ $? -eq 3 ] || fail "one input over its limit, one ok: exit 3"
  grep -q '"code":"input.too_complex"' mem.jsonl || fail "oom: input.too_complex"
fi

# 9. --dump shows what extract uses: the manifest's agency for a text without one.
sed -e 's/尖扎县教育局//g' "$seed" > anon.txt
printf 'path,title\nanon.txt,某某局2019年政府信息公开工作年度报告\n' > m2.csv
"$bin" extract --dump=segment --manifest m2.csv anon.txt > dump.txt
grep -q 'agency=某某局 (manifest)' dump.txt || fail "--dump honours --manifest: $(head -2 dump.txt)"
"$bin" extract --manifest m2.csv anon.txt 2> /dev/null | grep -q '"agency":"某某局"' || fail "as extract does"
# 10. Paths on standard input, by line or NUL-separated; a folder there is not walked.
mkdir folder
printf '%s\n%s\n' "$seed" folder | "$bin" extract - > stdin.jsonl 2> /dev/null
[ $? -eq 3 ] || fail "- reads paths"
[ "$(grep -c '"schema":"gongkai.report/1"' stdin.jsonl)" -eq 1 ] || fail "- the report"
grep -q '"code":"io.not_a_file"' stdin.jsonl || fail "- a folder is not a file"
printf '%s\0%s\0' "$seed" "$odd" | "$bin" extract -0 - > stdin.jsonl 2> /dev/null
[ $? -eq 0 ] && [ "$(wc -l < stdin.jsonl)" -eq 2 ] || fail "-0 - reads NUL-separated paths"
echo "hostile arguments: ok"
