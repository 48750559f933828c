#!/usr/bin/env python3
"""Draws dbooster's module graph from Package.swift as Mermaid.

    scripts/module-graph.py > docs/module-graph.mmd

Nodes are the package's own targets (tests left out), grouped as the architecture check
classifies them; each node lists the outside products it declares; arrows point from a module
to what it depends on. scripts/check-architecture.py fails when the committed file differs.
"""

import json
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

GROUPS = [
    ("shared", "Shared", ["Core", "PostgresHelpers", "Database", "HTTPSupport"]),
    ("engines", "Engines (no HTTP)", None),
    ("features", "Features (never import each other)", None),
    ("executable", "Executable", None),
    ("system", "System libraries", None),
]


def classification():
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import importlib
    check = importlib.import_module("check-architecture")
    return {
        "shared": check.SHARED, "engines": check.ENGINES, "features": check.FEATURES,
        "executable": check.EXECUTABLES, "system": check.SYSTEM_LIBRARIES,
    }, check


def mermaid(package):
    groups, check = classification()
    targets = [t for t in package["targets"] if t["type"] != "test" and t["name"] not in check.TEST_SUPPORT]
    by_name = {t["name"]: t for t in targets}
    lines = ["flowchart BT"]
    for key, title, _ in GROUPS:
        members = [name for name in groups[key] if name in by_name]
        if not members:
            continue
        lines.append(f'    subgraph {key}["{title}"]')
        for name in members:
            products = [d["product"][0] for d in by_name[name]["dependencies"] if "product" in d]
            label = name if not products else f"{name}<br/><small>{', '.join(products)}</small>"
            lines.append(f'        {name}["{label}"]')
        lines.append("    end")
    for target in targets:
        for dependency in target["dependencies"]:
            local = dependency.get("byName") or dependency.get("target")
            if local and local[0] in by_name:
                lines.append(f"    {target['name']} --> {local[0]}")
    return "\n".join(lines) + "\n"


def main():
    output = subprocess.run(["swift", "package", "dump-package"], cwd=ROOT, check=True,
                            capture_output=True, text=True).stdout
    package = json.loads(output[output.index("{"):])
    sys.stdout.write(mermaid(package))


if __name__ == "__main__":
    main()
