#!/usr/bin/env python3
"""Score `dbooster scan --format json --fragments` findings against the labelled corpus.

Usage: score.py CORPUS_DIR FINDINGS_JSON [--details]

Labels are the ones Tests/ExtractionTests/CorpusHarness.swift reads: a `#`, `//` or `--` comment
`expect: static|dynamic|fragment` (the statement starts on that line) or `expect-next: KIND` (it
starts on the next line). Every finding on an unlabelled line is a false positive. Prints recall
per kind and precision per language (the corpus folder) and per class (Corpus/classes.txt).
"""
import json
import os
import re
import sys
from collections import defaultdict

LABEL = re.compile(r"(?:#|//|--)\s*expect(-next)?:\s*(static|dynamic|fragment)\b")
KINDS = ("static", "dynamic", "fragment")
EXTENSIONS = {"sql", "psql", "pgsql", "py", "pyi", "js", "jsx", "mjs", "cjs", "ts", "tsx", "mts", "cts", "go",
              "java", "kt", "kts", "rb", "rake", "php", "cs", "swift"}


def labels(root):
    found = {}
    for directory, _, files in os.walk(root):
        for name in files:
            if name.rsplit(".", 1)[-1] not in EXTENSIONS:
                continue
            path = os.path.join(directory, name)
            relative = os.path.relpath(path, root)
            with open(path, encoding="utf-8", errors="replace") as handle:
                for number, line in enumerate(handle.read().split("\n"), start=1):
                    match = LABEL.search(line)
                    if match:
                        found[(relative, number + (1 if match.group(1) else 0))] = match.group(2)
    return found


def classes(root):
    table = {}
    try:
        with open(os.path.join(root, "classes.txt"), encoding="utf-8") as handle:
            for line in handle:
                if line.startswith("#") or ":" not in line:
                    continue
                path, names = line.split(":", 1)
                table[path.strip()] = [n.strip() for n in names.split(",") if n.strip()]
    except FileNotFoundError:
        pass
    return table


def score(label_map, findings, group):
    scores = defaultdict(lambda: {"labelled": defaultdict(int), "found": defaultdict(int), "findings": 0, "fp": 0})
    hit = {(f["file"], f["line"]) for f in findings}
    for key, kind in label_map.items():
        for name in group(key[0]):
            scores[name]["labelled"][kind] += 1
            if key in hit:
                scores[name]["found"][kind] += 1
    for f in findings:
        for name in group(f["file"]):
            scores[name]["findings"] += 1
            if (f["file"], f["line"]) not in label_map:
                scores[name]["fp"] += 1
    return scores


def table(scores, title):
    lines = [f"{title:<20}{'static':<16}{'dynamic':<16}{'fragment':<16}findings  precision"]
    for name in sorted(scores):
        s = scores[name]
        cells = []
        for kind in KINDS:
            total = s["labelled"][kind]
            cells.append(f"{s['found'][kind]}/{total} {s['found'][kind] / total:.3f}" if total else "-")
        precision = (s["findings"] - s["fp"]) / s["findings"] if s["findings"] else 1.0
        lines.append(f"{name:<20}" + "".join(f"{c:<16}" for c in cells) + f"{s['findings']:<10}{precision:.3f}")
    return "\n".join(lines)


def main():
    root, findings_path = sys.argv[1], sys.argv[2]
    details = "--details" in sys.argv
    with open(findings_path, encoding="utf-8") as handle:
        findings = json.load(handle)
    label_map = labels(root)
    class_map = classes(root)
    language = lambda path: [path.split("/")[0]]
    by_language = score(label_map, findings, language)
    by_language.update(score(label_map, findings, lambda _: ["all"]))
    print(table(by_language, "language"))
    print()
    print(table(score(label_map, findings, lambda path: class_map.get(path, ["baseline"])), "class"))
    found = {(f["file"], f["line"]) for f in findings if (f["file"], f["line"]) in label_map}
    mismatched = [f for f in findings if label_map.get((f["file"], f["line"]), f["kind"]) != f["kind"]]
    print(f"\nkind mismatches: {len(mismatched)} of {len(found)} found")
    if details:
        for f in findings:
            if (f["file"], f["line"]) not in label_map:
                print(f"  false positive: {f['file']}:{f['line']} {f['kind']} {f['sql'][:120]}")
        for key in sorted(set(label_map) - found):
            print(f"  missed: {key[0]}:{key[1]} ({label_map[key]})")
        for f in mismatched:
            print(f"  wrong kind: {f['file']}:{f['line']} {f['kind']}, labelled {label_map[(f['file'], f['line'])]}")
    all_scores = by_language["all"]
    recall = lambda kind: all_scores["found"][kind] / max(1, all_scores["labelled"][kind])
    precision = (all_scores["findings"] - all_scores["fp"]) / max(1, all_scores["findings"])
    print(f"\nstatic recall {recall('static'):.3f} (target 0.95), dynamic recall {recall('dynamic'):.3f} (target 0.90), "
          f"fragment recall {recall('fragment'):.3f}, precision {precision:.3f} (target 0.98)")


if __name__ == "__main__":
    main()
