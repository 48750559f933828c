# Source: oliveirabrunoa/Apollo-Bot — create_tables.py (license not stated in the file)
# Complete file, unchanged apart from labels.
# Classes: short (SQLite PRAGMA foreign_keys = ON), ordinary DDL in literals continued with a
#          backslash-newline (the literal opens on the execute(...) line and cannot carry a
#          trailing comment there, hence expect-next), SQLite types (STRING).
# Hard case: the Task table has a column named "desc" (reserved in PostgreSQL) and no comma
#            between its two FOREIGN KEY constraints (SQLite accepts that, PostgreSQL does not),
#            so libpg_query will reject that statement although it is real SQL.
import sqlite3

#database settings
connection = sqlite3.connect("bot_database.db")
connection.execute("PRAGMA foreign_keys = ON")  # expect: static
# expect-next: static
connection.execute("CREATE TABLE IF NOT EXISTS Icon \
                    (id INTEGER PRIMARY KEY, \
                    name STRING, \
                    icon_name STRING);")
# expect-next: static
connection.execute("CREATE TABLE IF NOT EXISTS UserBot \
                    (id INTEGER PRIMARY KEY, \
                    name STRING, \
                    id_discord STRING, \
                    user_discord STRING, \
                    email_discord STRING);")
# expect-next: static
connection.execute("CREATE TABLE IF NOT EXISTS List \
                    (id INTEGER PRIMARY KEY, \
                    name STRING, \
                    note_list VARCHAR DEFAULT 'sem informação adicional', \
                    owner_id INTEGER NOT NULL, \
                    foreign key (owner_id) references UserBot(id));")
# expect-next: static
connection.execute("CREATE TABLE IF NOT EXISTS Task \
                    (id INTEGER PRIMARY KEY, \
                     desc STRING NOT NULL, \
                     list_id INTEGER NOT NULL, \
                     icon_status INTEGER NOT NULL, \
                     foreign key (icon_status) references Icon(id) \
                     foreign key (list_id) references List(id));")

connection.commit()
connection.close()
