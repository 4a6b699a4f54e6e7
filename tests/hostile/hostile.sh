#!/bin/sh
# Every hostile input through the CLI: its expected code, within a time limit (timeout) and a
# memory bound (peak RSS from GNU time). Also 100 MB of text, generated here.
. "$(dirname "$0")/../lib.sh"
limit_s=${GONGKAI_HOSTILE_SECONDS:-30}
limit_kb=${GONGKAI_HOSTILE_KB:-1048576}
check() {  # file expected-code-or-"record"
  out="$tmp/out.json"
  /usr/bin/time -f '%M' -o "$tmp/rss" timeout "$limit_s" "$bin" extract "$1" > "$out" 2> /dev/null
  code=$?
  [ $code -ne 124 ] || fail "$1 took more than $limit_s s"
  [ $code -lt 124 ] || fail "$1 crashed (exit $code)"
  rss=$(tail -n 1 "$tmp/rss")
  [ "$rss" -le "$limit_kb" ] || fail "$1 used $rss kB"
  if [ "$2" = record ]; then
    grep -q '"schema":"gongkai.report/1"' "$out" || fail "$1 should give a record"
  else
    grep -q "\"code\":\"$2\"" "$out" || fail "$1 should give $2: $(head -c 300 "$out")"
  fi
  echo "ok $(basename "$(dirname "$1")") $2 ${rss} kB"
}
grep -v '^#' "$root/corpus/manifest.tsv" | while IFS="$(printf '\t')" read -r case expect baseline note; do
  case "$case" in reject/*) ;; *) continue ;; esac
  file=$(ls "$root/corpus/$case"/input.* | head -n 1)
  case "$expect" in
    reject:*) check "$file" "${expect#reject:}" ;;
    smoke) check "$file" record ;;
  esac
done || exit 1
for c in truncated encrypted scan no_tounicode; do
  expect=$(grep "^generated/$c	" "$root/corpus/manifest.tsv" | cut -f 2)
  check "$root/corpus/generated/$c/input.pdf" "${expect#reject:}" || exit 1
done
# 100 MB of report text: refused at once, not read.
seed="$root/corpus/real/000_7d8fc7268cbfb024/input.txt"
yes "$(cat "$seed")" | head -c 105000000 > "$tmp/huge.txt"
[ "$(wc -c < "$tmp/huge.txt")" -gt 100000000 ] || fail "the huge text is smaller than 100 MB"
check "$tmp/huge.txt" input.too_large
echo "hostile: ok"
