#!/usr/bin/env python3
"""Checks the module rules of docs/architecture.md against Package.swift and the sources.

Reads the package with `swift package dump-package` (targets and their declared dependencies) and
`swift package show-dependencies --format json` (which package depends on which), then fails when:

- a source file imports a module its target does not declare;
- an engine depends, even transitively, on Hummingbird, HTTPSupport, a feature or App;
- a pure engine (the libpg_query binding, extraction) reaches PostgresNIO, AsyncHTTPClient or NIO;
- a feature depends on or imports another feature; a shared module depends on a feature;
- a controller file holds SQL;
- a library target has over 3,000 lines;
- docs/module-graph.mmd (and its copy in docs/architecture.md) is not what scripts/module-graph.py
  draws from Package.swift;
- a target is not classified below (a new target must be placed in one of the lists).

Usage: scripts/check-architecture.py [--package FILE.json] [--dependencies FILE.json]
(the two files are the outputs of the two swift commands; without them the commands are run).
"""

import argparse
import json
import os
import re
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# MARK: - Classification (every target must appear in exactly one list)

SHARED = ["Core", "PostgresHelpers", "Database", "HTTPSupport"]
ENGINES = ["JSONValues", "PgQuery", "SourceLexing", "SourceTree", "SQLText", "SQLScripts", "Extraction", "FindingFormats", "AddressGuard", "CustomerDatabase", "Advisor", "WorkloadAnalysis"]
FEATURES = ["Tenancy", "Auth", "Billing", "Insight", "Scans", "Workload"]
EXECUTABLES = ["App"]
SYSTEM_LIBRARIES = ["CPgQuery", "CArgon2"]
TEST_SUPPORT = ["TestDatabaseSupport"]  # libraries only test targets depend on

# Engines that must not reach these packages (even through another package).
PURE_ENGINES = ["JSONValues", "PgQuery", "SourceLexing", "SourceTree", "SQLText", "SQLScripts", "Extraction", "FindingFormats"]
PURE_FORBIDDEN_PACKAGES = ["postgres-nio", "async-http-client", "swift-nio", "hummingbird"]
# No engine may reach these packages or local targets.
ENGINE_FORBIDDEN_PACKAGES = ["hummingbird"]
ENGINE_FORBIDDEN_TARGETS = ["HTTPSupport"] + FEATURES + EXECUTABLES
# Shared modules sit below the features.
SHARED_FORBIDDEN_TARGETS = FEATURES + EXECUTABLES
CORE_ALLOWED_TARGETS = []

MAX_LIBRARY_LINES = 3000

# Modules every target may import (toolchain and platform).
SYSTEM_MODULES = {
    "Foundation", "FoundationEssentials", "FoundationNetworking", "Dispatch", "Glibc", "Musl",
    "Darwin", "Synchronization", "_Concurrency", "Testing", "XCTest",
}

# Modules that are part of a declared product's public API (its values cross that API), so a
# target that declares the product may import them: NIO's ByteBuffer and event loops come with
# PostgresNIO, AsyncHTTPClient and Hummingbird.
PRODUCT_API_MODULES = {
    "PostgresNIO": {"NIOCore", "NIOPosix", "NIOSSL", "NIOFoundationCompat"},
    "AsyncHTTPClient": {"NIOCore", "NIOPosix", "NIOHTTP1", "NIOFoundationCompat"},
    "Hummingbird": {"HummingbirdCore", "NIOCore", "NIOPosix", "NIOConcurrencyHelpers", "NIOHTTPTypes"},
    "HummingbirdTesting": {"NIOCore"},
}

SQL_KEYWORD = re.compile(r"\b(SELECT|INSERT|UPDATE|DELETE)\b")
SQL_STATEMENT = re.compile(
    r"\bSELECT\b[\s\S]*\bFROM\b|\bINSERT\s+INTO\b|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b")
IMPORT_LINE = re.compile(
    r"^(?:@\w+(?:\([^)]*\))?\s+)*(?:public\s+|package\s+|internal\s+)?import\s+"
    r"(?:(?:struct|class|enum|protocol|func|var|let|typealias)\s+)?([A-Za-z_][A-Za-z0-9_]*)")
EXPORTED_IMPORT = re.compile(r"^@_exported\s+import\s+([A-Za-z_][A-Za-z0-9_]*)", re.M)


def run_json(arguments):
    output = subprocess.run(arguments, cwd=ROOT, check=True, capture_output=True, text=True).stdout
    return json.loads(output[output.index("{"):])


def load(path, command):
    if path:
        with open(path) as handle:
            return json.load(handle)
    return run_json(command)


# MARK: - Package model


class Target:
    def __init__(self, raw):
        self.name = raw["name"]
        self.kind = raw["type"]
        default = "Tests" if self.kind == "test" else "Sources"
        self.path = os.path.join(ROOT, raw.get("path") or os.path.join(default, self.name))
        self.local = []      # names of local targets it declares
        self.products = []   # (product, package) pairs it declares
        self.resources = [os.path.join(self.path, r["path"]) for r in raw.get("resources", [])]
        for dependency in raw["dependencies"]:
            if "byName" in dependency:
                self.local.append(dependency["byName"][0])
            elif "target" in dependency:
                self.local.append(dependency["target"][0])
            elif "product" in dependency:
                self.products.append((dependency["product"][0], dependency["product"][1].lower()))

    def swift_files(self):
        for directory, _, files in os.walk(self.path):
            if any(directory == r or directory.startswith(r + os.sep) for r in self.resources):
                continue
            for name in sorted(files):
                if name.endswith(".swift"):
                    yield os.path.join(directory, name)


def package_graph(dependencies):
    """Package identity -> identities it depends on, directly."""
    graph = {}

    def walk(node):
        identity = node["identity"].lower()
        children = [child["identity"].lower() for child in node["dependencies"]]
        graph.setdefault(identity, set()).update(children)
        for child in node["dependencies"]:
            walk(child)

    walk(dependencies)
    return graph


def closure(start, edges):
    seen, stack = set(), list(start)
    while stack:
        node = stack.pop()
        if node in seen:
            continue
        seen.add(node)
        stack.extend(edges.get(node, ()))
    return seen


def relative(path):
    return os.path.relpath(path, ROOT)


# MARK: - Checks


def check_classification(targets, problems):
    known = SHARED + ENGINES + FEATURES + EXECUTABLES + SYSTEM_LIBRARIES + TEST_SUPPORT
    for target in targets.values():
        if target.kind != "test" and target.name not in known:
            problems.append(
                f"{target.name}: unclassified target; add it to SHARED, ENGINES, FEATURES, EXECUTABLES, "
                f"SYSTEM_LIBRARIES or TEST_SUPPORT in scripts/check-architecture.py")
    for target in targets.values():
        if target.kind != "test":
            for bad in sorted(set(target.local) & set(TEST_SUPPORT)):
                problems.append(f"{target.name} depends on test support {bad}")


def reexports(targets):
    """Local target -> modules its sources `@_exported import`."""
    result = {}
    for target in targets.values():
        names = set()
        for path in target.swift_files():
            with open(path, encoding="utf-8") as handle:
                names.update(EXPORTED_IMPORT.findall(handle.read()))
        result[target.name] = names
    return result


def imports_of(path):
    found = []
    with open(path, encoding="utf-8") as handle:
        for number, line in enumerate(handle, 1):
            match = IMPORT_LINE.match(line)  # top-level imports start at column 0
            if match:
                found.append((number, match.group(1)))
    return found


def check_imports(targets, problems):
    exported = reexports(targets)
    for target in targets.values():
        if target.kind == "system":
            continue
        allowed = set(SYSTEM_MODULES) | {target.name}
        for name in target.local:
            allowed.add(name)
            allowed.update(closure(exported.get(name, ()), exported))
        for product, _ in target.products:
            allowed.add(product)
            allowed.update(PRODUCT_API_MODULES.get(product, ()))
        for path in target.swift_files():
            for number, module in imports_of(path):
                if module not in allowed:
                    problems.append(
                        f"{relative(path)}:{number}: imports {module}, which target {target.name} does not declare")
                elif target.name in FEATURES and module in FEATURES and module != target.name:
                    problems.append(f"{relative(path)}:{number}: feature {target.name} imports feature {module}")


def check_layers(targets, packages, problems):
    local_edges = {name: set(target.local) for name, target in targets.items()}
    for name, target in targets.items():
        if target.kind == "test":
            continue
        reached = closure(target.local, local_edges)
        reached_packages = closure(
            {package for t in reached | {name} if t in targets for _, package in targets[t].products},
            packages)
        if name in ENGINES:
            for bad in sorted(reached & set(ENGINE_FORBIDDEN_TARGETS)):
                problems.append(f"engine {name} depends (maybe transitively) on {bad}")
            for bad in sorted(reached_packages & set(ENGINE_FORBIDDEN_PACKAGES)):
                problems.append(f"engine {name} depends (maybe transitively) on package {bad}")
        if name in PURE_ENGINES:
            for bad in sorted(reached_packages & set(PURE_FORBIDDEN_PACKAGES)):
                problems.append(f"engine {name} must build without {bad}, but reaches it")
        if name in FEATURES:
            for bad in sorted(reached & set(FEATURES) - {name}):
                problems.append(f"feature {name} depends (maybe transitively) on feature {bad}")
        if name in SHARED:
            for bad in sorted(reached & set(SHARED_FORBIDDEN_TARGETS)):
                problems.append(f"shared module {name} depends on {bad}")
        if name == "Core" and (target.local or target.products):
            problems.append("Core must depend on nothing but Foundation")


def string_literals(text):
    """The string literals of Swift source `text` (plain and multi-line, raw `#` forms included)."""
    literals, index = [], 0
    pattern = re.compile(r'(#*)("""|")')
    while True:
        match = pattern.search(text, index)
        if not match:
            return literals
        hashes, quote = match.group(1), match.group(2)
        start = match.end()
        closing = quote + hashes
        if quote == '"' and not hashes:
            position = start
            while position < len(text) and text[position] not in '"\n':
                position += 2 if text[position] == "\\" else 1
            end = position
        else:
            end = text.find(closing, start)
            if end < 0:
                return literals
        literals.append((text.count("\n", 0, match.start()) + 1, text[start:end]))
        index = end + len(closing)


def strip_comments(text):
    return re.sub(r"//[^\n]*", "", text)


def check_controllers(targets, problems):
    for target in targets.values():
        if target.kind == "test":
            continue
        for path in target.swift_files():
            if not path.endswith("Controller.swift"):
                continue
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            lines = {line for line, literal in string_literals(text) if SQL_STATEMENT.search(literal)}
            for match in re.finditer(r"\.query\(", text):
                argument = text[match.end():match.end() + 2000].split("\n)", 1)[0]
                if any(SQL_KEYWORD.search(literal) for _, literal in string_literals(argument)):
                    lines.add(text.count("\n", 0, match.start()) + 1)
            for line in sorted(lines):
                problems.append(f"{relative(path)}:{line}: SQL in a controller (move it to the feature's store)")


def check_sizes(targets, problems):
    for target in targets.values():
        if target.kind != "regular":
            continue
        lines = 0
        for path in target.swift_files():
            with open(path, encoding="utf-8") as handle:
                lines += sum(1 for _ in handle)
        if lines > MAX_LIBRARY_LINES:
            problems.append(f"library target {target.name} has {lines} lines (limit {MAX_LIBRARY_LINES}); split it")


def check_graph(package, problems):
    sys.path.insert(0, os.path.join(ROOT, "scripts"))
    import importlib
    graph = importlib.import_module("module-graph").mermaid(package)
    path = os.path.join(ROOT, "docs", "module-graph.mmd")
    current = open(path).read() if os.path.exists(path) else ""
    if current != graph:
        problems.append("docs/module-graph.mmd is out of date: run scripts/module-graph.py > docs/module-graph.mmd")
    doc = os.path.join(ROOT, "docs", "architecture.md")
    if os.path.exists(doc) and "```mermaid\n" + graph + "```" not in open(doc).read():
        problems.append("docs/architecture.md does not embed the current docs/module-graph.mmd")


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--package", help="output of `swift package dump-package`")
    parser.add_argument("--dependencies", help="output of `swift package show-dependencies --format json`")
    options = parser.parse_args()
    package = load(options.package, ["swift", "package", "dump-package"])
    dependencies = load(options.dependencies, ["swift", "package", "show-dependencies", "--format", "json"])
    targets = {raw["name"]: Target(raw) for raw in package["targets"]}
    packages = package_graph(dependencies)

    problems = []
    check_classification(targets, problems)
    check_imports(targets, problems)
    check_layers(targets, packages, problems)
    check_controllers(targets, problems)
    check_sizes(targets, problems)
    check_graph(package, problems)
    if problems:
        print(f"architecture check: {len(problems)} problem(s)")
        for problem in problems:
            print(f"  {problem}")
        return 1
    print(f"architecture check: {len(targets)} targets follow the rules")
    return 0


if __name__ == "__main__":
    sys.exit(main())
