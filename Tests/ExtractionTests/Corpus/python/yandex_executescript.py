# Source: kiryazb/Yandex_MPEI_Backend — module5/theme2/lesson2/task1.py (license not stated)
# Complete file, unchanged apart from labels.
# Classes: multi-statement (sqlite3 executescript with two CREATE TABLE statements in one
#          '''...''' literal; the first is labelled on the line where the literal opens, the
#          second by a SQL "--" comment on its own first line inside the literal).
import sqlite3

con = sqlite3.connect('db.sqlite')

cur = con.cursor()

# expect-next: static
cur.executescript('''
CREATE TABLE IF NOT EXISTS ice_cream(
    id INTEGER PRIMARY KEY,
    title TEXT,
    description TEXT,
    wrapper_id INTEGER UNIQUE,
    FOREIGN KEY(wrapper_id) REFERENCES wrappers(id)
);

CREATE TABLE IF NOT EXISTS wrappers ( -- expect: static
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL
);
''')

con.close()
