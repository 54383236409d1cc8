#!/usr/bin/env bash
# One golden CLI test: runs DIR/cmd (a shell command; $MM2LINT is the binary) in DIR
# and compares its exit status with DIR/status and, when present, its standard
# output with DIR/stdout and the first line of its standard error with DIR/stderr.
set -uo pipefail
MM2LINT=$1
dir=$2
cd "$dir" || exit 2
export MM2LINT
unset NO_COLOR
out=$(mktemp) err=$(mktemp)
trap 'rm -f "$out" "$err"' EXIT
bash ./cmd >"$out" 2>"$err"
status=$?
want=$(cat status)
fail=0
if [ "$status" != "$want" ]; then
  echo "exit status $status, expected $want"; fail=1
fi
if [ -f stdout ] && ! diff -u stdout "$out"; then
  fail=1
fi
if [ -f stderr ] && ! diff -u stderr <(head -1 "$err"); then
  fail=1
fi
[ "$fail" -eq 0 ] || { echo "--- stderr:"; cat "$err"; }
exit "$fail"
