# Source: constructed for dbooster (not an excerpt): the helper-module pattern of
# python/import_outscraper_run_sql.py and python/dbobject_wrapper.py, split across two modules as
# projects usually do. run_sql and fetch_rows are defined here and called with lower-case SQL from
# python/crossfile_reports.py; this module holds no SQL of its own.
# Classes: wrappers (cross-file).
import sqlite3

_conn = sqlite3.connect("app.db")


def run_sql(statement, params=()):
    cur = _conn.cursor()
    cur.execute(statement, params)
    _conn.commit()
    return cur


def fetch_rows(query, *args):
    return _conn.execute(query, args).fetchall()
