#!/usr/bin/env bash
# jregex-oracle.sh: what java.util.regex does with patterns, for mm2lint's jregex tests.
#
# Usage: jregex-oracle.sh [CASES-FILE | --random N SEED]...
#        jregex-oracle.sh --c-tables        the tables of src/jregex_props.c
# A cases file has one line per pattern or subject, TAB after the tag:
#   P<TAB>pattern    PE<TAB>pattern with \\ \t \n \r \uXXXX escapes
#   S<TAB>subject    SE<TAB>escaped subject, matched against the last pattern
# '#' lines are comments. Output, escaped the same way (ASCII only):
#   P<TAB>pattern<TAB>OK | P<TAB>pattern<TAB>ERR<TAB>index<TAB>description
#   S<TAB>subject<TAB>1 | 0 | - (pattern rejected) | X (matching threw)
# --random N SEED adds N generated patterns, six subjects each.
# Needs javac/java 17 (JAVA_HOME or PATH). Compiles once into the cache dir
# ${MM2LINT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mm2lint-tools}/jregex-oracle/<hash>/.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
src="$here/JRegexOracle.java"
javac=javac java=java
if [ -n "${JAVA_HOME:-}" ]; then
    javac="$JAVA_HOME/bin/javac" java="$JAVA_HOME/bin/java"
fi
cache="${MM2LINT_TOOLS_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/mm2lint-tools}/jregex-oracle"
hash=$( { sha256sum "$src"; "$java" -version 2>&1; } | sha256sum | cut -c1-16)
classes="$cache/$hash"

if [ ! -f "$classes/JRegexOracle.class" ]; then
    command -v "$javac" >/dev/null || { echo "jregex-oracle: javac not found" >&2; exit 2; }
    mkdir -p "$cache"
    (
        flock 9
        if [ ! -f "$classes/JRegexOracle.class" ]; then
            rm -rf "$classes.tmp"
            "$javac" -d "$classes.tmp" "$src"
            mv "$classes.tmp" "$classes"
        fi
    ) 9>"$cache/.lock"
fi

exec "$java" -XX:TieredStopAtLevel=1 -cp "$classes" JRegexOracle "$@"
