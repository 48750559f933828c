#!/usr/bin/env python3
"""Generate a large mixed-language source tree for benchmarking `dbooster scan`.

Usage: generate_tree.py OUT_DIR [SIZE_MB] [DENSITY]

The tree looks like application code: functions, comments, log messages, UI strings, and now
and then a SQL statement (static, parameterised or built at run time) with varied table and
column names, so that neither the prefilter nor the parse cache sees the same text every time.

DENSITY is `realistic` (the default), `dense` or `sqldense`:
- `realistic`: SQL lives where it does in real repositories: one code file in seven is a data
  access module with queries; the others are ordinary code (with the same UI strings and log
  messages that look like SQL); one file in a hundred is a SQL migration. About 60 statements
  per MB.
- `dense`: every code file has queries and one file in fifty is a migration (about 240
  statements per MB), the tree of the first version of this benchmark.
- `sqldense`: data access code only: about one function in two runs a query (about 1,900
  statements per MB), to measure the statement pipeline (parse, fingerprint, normalise) rather
  than the reading of files.
"""
import os
import random
import sys

WORDS = ("user order invoice account item product payment session token report audit event "
         "customer address shipment coupon review comment tag category price stock warehouse").split()


def ident(rng):
    return "_".join(rng.sample(WORDS, 2))


def sql(rng):
    t, c1, c2 = ident(rng) + "s", ident(rng), ident(rng)
    return rng.choice([
        f"SELECT {c1}, {c2} FROM {t} WHERE id = $1",
        f"SELECT count(*) FROM {t} WHERE {c1} > $1 AND {c2} IS NOT NULL",
        f"INSERT INTO {t} ({c1}, {c2}) VALUES ($1, $2)",
        f"UPDATE {t} SET {c1} = $1 WHERE id = $2",
        f"DELETE FROM {t} WHERE {c2} < now() - interval '{rng.randint(1, 90)} days'",
        f"SELECT a.{c1} FROM {t} a JOIN {ident(rng)}s b ON b.id = a.{c2} ORDER BY a.{c1} LIMIT {rng.randint(1, 500)}",
    ])


def python_chunk(rng, rate):
    n = ident(rng)
    body = [f"def {n}_{rng.randint(0, 99999)}(cur, value):",
            f'    """Compute the {n.replace("_", " ")} for the given value."""',
            f"    result = []  # update the running {n}",
            "    for index in range(value):",
            f"        result.append(index * {rng.randint(2, 9)})",
            f'    logger.debug("processing {n} %s", value)']
    if rng.random() < 0.04 * rate:
        body.append(f'    cur.execute("{sql(rng).replace("$1", "%s").replace("$2", "%s")}", (value,))')
    if rng.random() < 0.005 * rate:
        body.append(f'    cur.execute(f"SELECT * FROM {{table}} WHERE {n} = %s", (value,))')
    body.append("    return result\n")
    return "\n".join(body) + "\n"


def js_chunk(rng, rate):
    n = ident(rng)
    lines = [f"export async function {n}{rng.randint(0, 99999)}(db, input) {{",
             f"  // select the right {n} for the input",
             f"  const label = 'Update your {n.replace('_', ' ')}';",
             f"  const values = input.map((x) => x * {rng.randint(2, 9)});"]
    if rng.random() < 0.04 * rate:
        lines.append(f"  const {{ rows }} = await db.query(`{sql(rng)}`, [input.id, label]);")
    lines += ["  return values.filter(Boolean);", "}\n"]
    return "\n".join(lines) + "\n"


def go_chunk(rng, rate):
    n = ident(rng)
    lines = [f"func {n.title().replace('_', '')}{rng.randint(0, 99999)}(ctx context.Context, db *sql.DB, id int64) error {{",
             f"\t// Delete stale {n} entries before recomputing.",
             f"\tif id < {rng.randint(0, 100)} {{",
             f'\t\treturn fmt.Errorf("invalid {n} id %d", id)',
             "\t}"]
    if rng.random() < 0.04 * rate:
        lines.append(f"\t_, err := db.ExecContext(ctx, `{sql(rng)}`, id)")
        lines.append("\treturn err")
    else:
        lines.append("\treturn nil")
    lines.append("}\n")
    return "\n".join(lines) + "\n"


def java_chunk(rng, rate):
    n = ident(rng)
    lines = [f"    public int {n.replace('_', '')}{rng.randint(0, 99999)}(long id) {{",
             f"        // select the {n} and update caches",
             f'        log.info("Update {n} for {{}}", id);',
             f"        int total = (int) id * {rng.randint(2, 9)};"]
    if rng.random() < 0.04 * rate:
        lines.append(f'        total += jdbc.update("{sql(rng).replace("$1", "?").replace("$2", "?")}", id);')
    lines += ["        return total;", "    }\n"]
    return "\n".join(lines) + "\n"


def ruby_chunk(rng, rate):
    n = ident(rng)
    lines = [f"  def {n}_{rng.randint(0, 99999)}(value)",
             f"    # Update the {n} counters",
             f'    flash[:notice] = "Select a {n.replace("_", " ")}"']
    if rng.random() < 0.04 * rate:
        lines.append(f'    connection.exec_query("{sql(rng)}", "q", [value])')
    lines += [f"    value * {rng.randint(2, 9)}", "  end\n"]
    return "\n".join(lines) + "\n"


def sql_chunk(rng, rate):
    table = ident(rng) + "s"
    columns = ",\n".join(f"    {ident(rng)}_{i} {rng.choice(['text', 'bigint', 'numeric(12,2)', 'timestamptz'])}"
                         for i in range(rng.randint(6, 24)))
    return (f"-- Migration: create {table}\n-- Keeps one row per {ident(rng).replace('_', ' ')}.\n"
            f"CREATE TABLE IF NOT EXISTS {table} (\n    id bigserial PRIMARY KEY,\n{columns}\n);\n"
            f"CREATE INDEX IF NOT EXISTS {table}_idx ON {table} (id);\n\n")


LANGS = [("py", python_chunk, "import logging\n\nlogger = logging.getLogger(__name__)\n\n", "", 30),
         ("ts", js_chunk, "import { db } from './db';\n\n", "", 25),
         ("go", go_chunk, "package store\n\nimport (\n\t\"context\"\n\t\"database/sql\"\n\t\"fmt\"\n)\n\n", "", 20),
         ("java", java_chunk, "package app;\n\npublic class Service {\n", "}\n", 15),
         ("rb", ruby_chunk, "class Service\n", "end\n", 8),
         ("sql", sql_chunk, "", "", 2)]

# Per density: the share of code files that hold SQL, the weight of migration files, and how much
# more often than in ordinary code a function of a file with SQL runs a query.
DENSITIES = {"realistic": (1 / 7, 1, 1.0), "dense": (1.0, 2, 1.0), "sqldense": (1.0, 2, 13.0)}


def main():
    out = sys.argv[1]
    target = int(sys.argv[2] if len(sys.argv) > 2 else 220) * 1024 * 1024
    sql_share, migration_weight, sql_rate = DENSITIES[sys.argv[3] if len(sys.argv) > 3 else "realistic"]
    rng = random.Random(42)
    weights = [lang[4] for lang in LANGS[:-1]] + [migration_weight]
    written = 0
    index = 0
    while written < target:
        ext, chunk, head, tail, _ = rng.choices(LANGS, weights)[0]
        directory = os.path.join(out, f"pkg{index // 200:03d}", f"mod{(index // 20) % 10}")
        os.makedirs(directory, exist_ok=True)
        size = rng.randint(8, 80) * 1024
        rate = sql_rate if ext == "sql" or sql_share >= 1 or rng.random() < sql_share else 0.0
        parts = [head]
        length = len(head)
        while length < size:
            piece = chunk(rng, rate)
            parts.append(piece)
            length += len(piece)
        parts.append(tail)
        text = "".join(parts)
        with open(os.path.join(directory, f"file{index}.{ext}"), "w") as handle:
            handle.write(text)
        written += len(text)
        index += 1
    print(f"generated {index} files, {written / 1048576:.0f} MB in {out}")


if __name__ == "__main__":
    main()
