#!/usr/bin/env python3
"""Writes docs/rules/<ID>.md for every rule file under rules/, from the rule's own
title, rationale, fix and tests, so the pages cannot drift from the rules.

    python3 docs/rules/generate.py          # rewrite the pages
    python3 docs/rules/generate.py --check  # exit 1 if a page is missing or stale
"""
import glob
import os
import sys

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def example(test):
    lang = "yaml" if test.get("file", "").endswith((".yaml", ".yml")) else "properties"
    return f"```{lang}\n{test['input'].rstrip()}\n```"


def page(path, rule):
    fires = [t for t in rule["tests"] if t["expect"]]
    silent = [t for t in rule["tests"] if not t["expect"]]
    first = fires[0]
    where = first.get("file", "mm2.properties")
    extra = []
    if first.get("args"):
        extra.append("with `" + " ".join(first["args"]) + "`")
    if first.get("settings"):
        extra.append("with these settings in `.mm2lint.ini`:\n\n```ini\n"
                     + first["settings"].rstrip() + "\n```\n")
    lines = ", ".join(str(e["line"]) for e in first["expect"])
    rel = os.path.relpath(path, ROOT)
    return f"""# {rule['id']}: {rule['title']}

Default severity: **{rule['severity']}** · category: {rule['category']} · name: `{rule['name']}`

## What it flags

{rule['title']}.

## Why it matters

{rule['rationale'].strip()}

## How to fix

{rule['fix'].strip()}

## Example

Flagged (`{where}`, line {lines}){' ' + ' '.join(extra) if extra else ''}:

{example(first)}

Not flagged:

{example(silent[0])}

Change the level with `--severity {rule['id']}=LEVEL` or in `[severity]` of
`.mm2lint.ini`. Rule file: [`{rel}`](../../{rel}).
"""


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path in sorted(glob.glob(os.path.join(ROOT, "rules", "**", "*.yaml"), recursive=True)):
        with open(path, encoding="utf-8") as f:
            rule = yaml.safe_load(f)
        out = os.path.join(ROOT, "docs", "rules", rule["id"] + ".md")
        text = page(path, rule)
        old = open(out, encoding="utf-8").read() if os.path.exists(out) else None
        if old != text:
            stale.append(os.path.relpath(out, ROOT))
            if not check:
                with open(out, "w", encoding="utf-8") as f:
                    f.write(text)
    if check and stale:
        print("stale rule pages (run python3 docs/rules/generate.py):", *stale)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
