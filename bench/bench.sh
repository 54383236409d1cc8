#!/usr/bin/env bash
# Whole-process time of mm2lint against the speed peers in ../shared/tools
# (Spectral, yamllint), with hyperfine: medians over repeated runs.
#   bench/bench.sh [RUNS]
# Builds a Release binary in build-bench/ first.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-30}
shared=${MM2LINT_SHARED:-../shared}
command -v hyperfine >/dev/null || apt-get install -y -qq hyperfine >/dev/null
cmake -S . -B build-bench -DCMAKE_BUILD_TYPE=Release -DMM2LINT_TESTS=OFF >/dev/null
cmake --build build-bench -j2 >/dev/null
bin=./build-bench/mm2lint
small=examples/mm2-sound.properties
out=$(mktemp)
trap 'rm -f "$out"' EXIT
# -i: a lint that finds something exits 1, which is not a failure here.
hyperfine -N -i --warmup 5 --runs "$runs" --export-json "$out" \
  "$bin -q $small" \
  "$bin -q --format sarif $small" \
  "$bin -q examples/" \
  "$bin -q $shared/corpus/mm2-properties/" \
  "$bin --list-rules" >/dev/null
python3 - "$out" <<'PY'
import json, sys
for r in json.load(open(sys.argv[1]))['results']:
    print(f"{r['median']*1000:8.2f} ms median ({len(r['times'])} runs)  {r['command']}")
PY
if [ -x "$shared/tools/spectral/bench-peers.sh" ]; then
  "$shared/tools/spectral/bench-peers.sh" --runs 5
fi
