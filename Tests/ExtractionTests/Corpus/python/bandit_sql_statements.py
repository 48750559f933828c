# Source: PyCQA/bandit — examples/sql_statements.py (Apache License 2.0)
# Complete file (bandit's B608 test fixture), unchanged apart from labels.
# Classes: dynamic (% interpolation, "+" concatenation, .format() applied after the literal,
#          .replace() of a marker, f-strings with {column}/{table} holes), placeholders
#          ('%s' bound by the driver, :name, ?, $1), short (DELETE/UPDATE one-liners),
#          decoys (English prose "Select from active instances", "delete from the cache ...").
import sqlalchemy

# bad
query = "SELECT * FROM foo WHERE id = '%s'" % identifier  # expect: dynamic
query = "INSERT INTO foo VALUES ('a', 'b', '%s')" % value  # expect: dynamic
query = "INSERT INTO foo VALUES('a', 'b', '%s')" % value  # expect: dynamic
query = "DELETE FROM foo WHERE id = '%s'" % identifier  # expect: dynamic
query = "UPDATE foo SET value = 'b' WHERE id = '%s'" % identifier  # expect: dynamic
# expect-next: dynamic
query = """WITH cte AS (SELECT x FROM foo)
SELECT x FROM cte WHERE x = '%s'""" % identifier
# bad alternate forms
query = "SELECT * FROM foo WHERE id = '" + identifier + "'"  # expect: dynamic
query = "SELECT * FROM foo WHERE id = '{}'".format(identifier)  # expect: dynamic
query = "SELECT * FROM foo WHERE id = '[VALUE]'".replace("[VALUE]", identifier)  # expect: dynamic

# bad
cur.execute("SELECT * FROM foo WHERE id = '%s'" % identifier)  # expect: dynamic
cur.execute("INSERT INTO foo VALUES ('a', 'b', '%s')" % value)  # expect: dynamic
cur.execute("INSERT INTO foo VALUES('a', 'b', '%s')" % value)  # expect: dynamic
cur.execute("DELETE FROM foo WHERE id = '%s'" % identifier)  # expect: dynamic
cur.execute("UPDATE foo SET value = 'b' WHERE id = '%s'" % identifier)  # expect: dynamic
# bad alternate forms
cur.execute("SELECT * FROM foo WHERE id = '" + identifier + "'")  # expect: dynamic
cur.execute("SELECT * FROM foo WHERE id = '{}'".format(identifier))  # expect: dynamic
cur.execute("SELECT * FROM foo WHERE id = '[VALUE]'".replace("[VALUE]", identifier))  # expect: dynamic

# bad f-strings
cur.execute(f"SELECT {column_name} FROM foo WHERE id = 1")  # expect: dynamic
cur.execute(f"SELECT {a + b} FROM foo WHERE id = 1")  # expect: dynamic
cur.execute(f"INSERT INTO {table_name} VALUES (1)")  # expect: dynamic
cur.execute(f"INSERT INTO {table_name} VALUES(1)")  # expect: dynamic
cur.execute(f"UPDATE {table_name} SET id = 1")  # expect: dynamic

# good
cur.execute("SELECT * FROM foo WHERE id = '%s'", identifier)  # expect: static
cur.execute("INSERT INTO foo VALUES ('a', 'b', '%s')", value)  # expect: static
cur.execute("INSERT INTO foo VALUES('a', 'b', '%s')", value)  # expect: static
cur.execute("DELETE FROM foo WHERE id = '%s'", identifier)  # expect: static
cur.execute("UPDATE foo SET value = 'b' WHERE id = '%s'", identifier)  # expect: static

# bug: https://bugs.launchpad.net/bandit/+bug/1479625
def a():
    def b():
        pass
    return b

a()("SELECT %s FROM foo" % val)  # expect: dynamic

# real world false positives
choices=[('server_list', _("Select from active instances"))]
print("delete from the cache as the first argument")

# good - parameterized queries with named parameters (issue #1302)
# These should NOT trigger warnings even though table names are dynamic
# SQL databases don't support parameterized table/column names
table = 'users'
query = f"SELECT * FROM {table} WHERE id = :id"  # expect: dynamic
query = f"DELETE FROM {table} WHERE user_id = :user_id"  # expect: dynamic
query = f"UPDATE {table} SET status = :status WHERE id = :id"  # expect: dynamic
query = f"INSERT INTO {table} (name, email) VALUES (:name, :email)"  # expect: dynamic

# good - parameterized with question marks
query = f"SELECT * FROM {table} WHERE id = ?"  # expect: dynamic
query = f"DELETE FROM {table} WHERE user_id = ?"  # expect: dynamic
query = f"UPDATE {table} SET status = ? WHERE id = ?"  # expect: dynamic

# good - parameterized with numbered parameters (PostgreSQL style)
query = f"SELECT * FROM {table} WHERE id = $1"  # expect: dynamic
query = f"DELETE FROM {table} WHERE user_id = $1 AND status = $2"  # expect: dynamic
query = f"UPDATE {table} SET status = $1 WHERE id = $2"  # expect: dynamic

# good - cursor.execute with parameterized queries
cur.execute(f"SELECT * FROM {table} WHERE id = :id", {'id': 123})  # expect: dynamic
cur.execute(f"DELETE FROM {table} WHERE user_id = :user_id", {'user_id': 456})  # expect: dynamic
cur.execute(f"UPDATE {table} SET status = :status WHERE id = :id",  # expect: dynamic
            {'status': 'active', 'id': 789})

# good - mixed dynamic table and multiple parameters
# expect-next: dynamic
cur.execute(f"""
    DELETE FROM {table}
    WHERE user_id = :user_id
    AND created_date < :date
""", {'user_id': user_id, 'date': cutoff_date})

# good - question mark parameterization with execute
cur.execute(f"SELECT * FROM {table} WHERE id = ? AND status = ?", (123, 'active'))  # expect: dynamic
