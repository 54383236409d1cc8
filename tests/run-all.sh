#!/usr/bin/env bash
# The whole test suite, as CI runs it: unit, rule, fixture and CLI tests under
# AddressSanitizer + UndefinedBehaviorSanitizer; the .properties reader against
# Java's own (differential fuzzing); every example's SARIF through the official
# schema and Microsoft's SARIF Multitool; and every .properties file of the shared
# corpus linted without a crash.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
shared=${MM2LINT_SHARED:-$root/../shared}

bash tests/install-deps.sh --test

echo "== C sources follow .clang-format"
clang-format --style=file --dry-run -Werror src/*.c src/*.h src/build/*.c include/mm2lint/*.h \
  tests/*.c tests/unit/*.c

echo "== rule pages are generated from the rule files and up to date"
python3 docs/rules/generate.py --check

echo "== build (ASan + UBSan, -Werror)"
cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DMM2LINT_SANITIZE=ON -DMM2LINT_WERROR=ON >/dev/null
cmake --build build-asan -j2 >/dev/null
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1
bin=$root/build-asan/mm2lint

echo "== ctest"
ctest --test-dir build-asan --output-on-failure -j2

echo "== .properties differential against java.util.Properties (2000 cases, seed 1)"
"$shared/tools/props-oracle/differential.sh" "$bin --print-entries" 2000 1 | tail -1

echo "== SARIF of every example through validate-sarif.sh --strict"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in examples/*.properties; do
  out="$tmp/$(basename "$f").sarif"
  status=0
  "$bin" -q --format sarif -o "$out" "$f" || status=$?
  [ "$status" -le 1 ] || { echo "mm2lint exited $status on $f"; exit 1; }
done
"$shared/tools/sarif/validate-sarif.sh" --strict "$tmp"/*.sarif

echo "== shared corpus: every configuration file, no crash, exit 0 or 1"
n=0; bad=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  status=0
  "$bin" -q "$f" >/dev/null 2>"$tmp/err" || status=$?
  if [ "$status" -gt 1 ]; then
    echo "FAIL exit $status: $f"; cat "$tmp/err"; bad=$((bad + 1))
  fi
done < <(find "$shared/corpus" -type f \( -name '*.properties' -o -name '*.yaml' -o -name '*.yml' \
            -o -name '*.json' \) -print0 | sort -z)
echo "corpus: $((n - bad)) passed, $bad failed"
[ "$bad" -eq 0 ]
