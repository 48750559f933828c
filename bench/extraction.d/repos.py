#!/usr/bin/env python3
"""Scan whole real source trees and check that every finding is a statement.

Usage: repos.py DBOOSTER_BIN OUT_DIR TREE...

For each tree prints the findings by kind, how many PostgreSQL does not parse (with their dialect
guesses), and the findings that are a single word (there must be none: a lone word such as
'SELECT' in a type union is never a statement). Fragments are scanned too (`--fragments`) and
must not be lone words either.
"""
import collections
import json
import os
import re
import subprocess
import sys

WORD = re.compile(r"^\s*[A-Za-z_][A-Za-z0-9_]*\s*;?\s*$")


def scan(binary, tree, out):
    subprocess.run([binary, "scan", tree, "--format", "json", "--fragments", "--no-ignore", "--output", out],
                   check=True, stdout=subprocess.DEVNULL)
    with open(out, encoding="utf-8") as handle:
        return json.load(handle)


def main():
    binary, out_dir, trees = sys.argv[1], sys.argv[2], sys.argv[3:]
    totals = collections.Counter()
    lone = []
    print(f"{'tree':<28}{'static':>8}{'dynamic':>9}{'fragment':>10}{'unparsed':>10}{'lone words':>12}  dialects of unparsed")
    for tree in trees:
        name = os.path.basename(tree.rstrip("/"))
        findings = scan(binary, tree, os.path.join(out_dir, f"{name}.json"))
        kinds = collections.Counter(f["kind"] for f in findings)
        unparsed = [f for f in findings if f["parse_error"]]
        dialects = collections.Counter(f.get("dialect", "?") for f in unparsed)
        words = [f for f in findings if WORD.match(f["sql"]) and f["statement_type"] not in (
            "transaction", "vacuum", "analyze", "checkpoint", "reindex", "discard", "listen", "unlisten")]
        lone += [(name, f) for f in words]
        totals.update(kinds)
        totals["unparsed"] += len(unparsed)
        print(f"{name:<28}{kinds['static']:>8}{kinds['dynamic']:>9}{kinds['fragment']:>10}{len(unparsed):>10}"
              f"{len(words):>12}  {', '.join(f'{d} {n}' for d, n in dialects.most_common())}")
    print(f"{'all':<28}{totals['static']:>8}{totals['dynamic']:>9}{totals['fragment']:>10}{totals['unparsed']:>10}"
          f"{len(lone):>12}")
    for name, f in lone:
        print(f"  lone word: {name}/{f['file']}:{f['line']} {f['kind']} {f['sql']}")
    print("findings per tree:", out_dir)


if __name__ == "__main__":
    main()
