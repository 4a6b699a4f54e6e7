# Shared by the shell tests: $bin (the gongkai binary) and $root (the source tree) from the
# arguments, a scratch folder $tmp removed on exit, and fail().
set -u
bin=$1
root=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
