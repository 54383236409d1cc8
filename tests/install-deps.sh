#!/usr/bin/env bash
# Installs what mm2lint needs on Debian 12 (as root): the build dependencies, and
# with --test also what the test suite's external checkers need (a JDK for the
# .properties oracle, Python for its case generator and the rule pages, Node.js
# and npm for the SARIF validator, clang-format for the style check). Packages already present are left alone.
set -euo pipefail

pkgs=(build-essential cmake pkg-config libyaml-dev libcjson-dev libinih-dev libpcre2-dev
      libcmocka-dev)
missing=()
for p in "${pkgs[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ "${1:-}" = --test ]; then
  command -v javac >/dev/null || missing+=(default-jdk-headless)
  command -v clang-format >/dev/null || missing+=(clang-format)
  command -v python3 >/dev/null || missing+=(python3)
  python3 -c 'import yaml' 2>/dev/null || missing+=(python3-yaml)
  # Node.js may come from elsewhere with npm inside; only then is Debian's npm not needed.
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
fi
if [ ${#missing[@]} -gt 0 ]; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi
