# Source: simonw/datasette (Apache-2.0), datasette/utils/internal_db.py, read_file index id
# 51825151158 (commit 005cc85e22b55d448dbb25bb3723caf5694f0284). Datasette, the SQLite
# publishing / exploration tool: the module that creates and fills its internal catalog database.
# Classes: multi-statement textwrap.dedent("""…""") scripts run by the project's
# execute_write_script (first statement labelled with expect-next on the `def` line before the
# literal; every further CREATE TABLE labelled inside the literal with a SQL `-- expect:` comment),
# SQL `--` comments already inside the script, quoted identifiers ("notnull", "unique", "table",
# "from", "to"), conn.execute("…", [binds]) with the literal on the line after the call, one-line
# db.execute("select … sqlite_master …"), f-string PRAGMAs with a run-time table name (dynamic),
# execute_write_many("""…""") whose literal opens alone on the line after the call (expect-next on
# the call line), `?` and `:name` binds; decoys: row keys ("name", "rootpage", "sql"), dict keys.
# Adaptations: this header; label comments only (in-literal `-- expect:` comments are appended to
# the first line of each further CREATE TABLE inside the two scripts).
import textwrap
from datasette.utils import escape_sqlite, table_column_details


async def init_internal_db(db):  # expect-next: static
    create_tables_sql = textwrap.dedent("""
    CREATE TABLE IF NOT EXISTS catalog_databases (
        database_name TEXT PRIMARY KEY,
        path TEXT,
        is_memory INTEGER,
        schema_version INTEGER
    );
    CREATE TABLE IF NOT EXISTS catalog_tables ( -- expect: static
        database_name TEXT,
        table_name TEXT,
        rootpage INTEGER,
        sql TEXT,
        PRIMARY KEY (database_name, table_name),
        FOREIGN KEY (database_name) REFERENCES catalog_databases(database_name)
    );
    CREATE TABLE IF NOT EXISTS catalog_views ( -- expect: static
        database_name TEXT,
        view_name TEXT,
        rootpage INTEGER,
        sql TEXT,
        PRIMARY KEY (database_name, view_name),
        FOREIGN KEY (database_name) REFERENCES catalog_databases(database_name)
    );
    CREATE TABLE IF NOT EXISTS catalog_columns ( -- expect: static
        database_name TEXT,
        table_name TEXT,
        cid INTEGER,
        name TEXT,
        type TEXT,
        "notnull" INTEGER,
        default_value TEXT, -- renamed from dflt_value
        is_pk INTEGER, -- renamed from pk
        hidden INTEGER,
        PRIMARY KEY (database_name, table_name, name),
        FOREIGN KEY (database_name) REFERENCES catalog_databases(database_name),
        FOREIGN KEY (database_name, table_name) REFERENCES catalog_tables(database_name, table_name)
    );
    CREATE TABLE IF NOT EXISTS catalog_indexes ( -- expect: static
        database_name TEXT,
        table_name TEXT,
        seq INTEGER,
        name TEXT,
        "unique" INTEGER,
        origin TEXT,
        partial INTEGER,
        PRIMARY KEY (database_name, table_name, name),
        FOREIGN KEY (database_name) REFERENCES catalog_databases(database_name),
        FOREIGN KEY (database_name, table_name) REFERENCES catalog_tables(database_name, table_name)
    );
    CREATE TABLE IF NOT EXISTS catalog_foreign_keys ( -- expect: static
        database_name TEXT,
        table_name TEXT,
        id INTEGER,
        seq INTEGER,
        "table" TEXT,
        "from" TEXT,
        "to" TEXT,
        on_update TEXT,
        on_delete TEXT,
        match TEXT,
        PRIMARY KEY (database_name, table_name, id, seq),
        FOREIGN KEY (database_name) REFERENCES catalog_databases(database_name),
        FOREIGN KEY (database_name, table_name) REFERENCES catalog_tables(database_name, table_name)
    );
    """).strip()
    await db.execute_write_script(create_tables_sql)
    await initialize_metadata_tables(db)


async def initialize_metadata_tables(db):  # expect-next: static
    await db.execute_write_script(textwrap.dedent("""
        CREATE TABLE IF NOT EXISTS metadata_instance (
            key text,
            value text,
            unique(key)
        );

        CREATE TABLE IF NOT EXISTS metadata_databases ( -- expect: static
            database_name text,
            key text,
            value text,
            unique(database_name, key)
        );

        CREATE TABLE IF NOT EXISTS metadata_resources ( -- expect: static
            database_name text,
            resource_name text,
            key text,
            value text,
            unique(database_name, resource_name, key)
        );

        CREATE TABLE IF NOT EXISTS metadata_columns ( -- expect: static
            database_name text,
            resource_name text,
            column_name text,
            key text,
            value text,
            unique(database_name, resource_name, column_name, key)
        );

        CREATE TABLE IF NOT EXISTS column_types ( -- expect: static
            database_name TEXT NOT NULL,
            resource_name TEXT NOT NULL,
            column_name TEXT NOT NULL,
            column_type TEXT NOT NULL,
            config TEXT,
            PRIMARY KEY (database_name, resource_name, column_name)
        );
            """))


async def populate_schema_tables(internal_db, db):
    database_name = db.name

    def delete_everything(conn):
        conn.execute(
            "DELETE FROM catalog_tables WHERE database_name = ?", [database_name]  # expect: static
        )
        conn.execute(
            "DELETE FROM catalog_views WHERE database_name = ?", [database_name]  # expect: static
        )
        conn.execute(
            "DELETE FROM catalog_columns WHERE database_name = ?", [database_name]  # expect: static
        )
        conn.execute(
            "DELETE FROM catalog_foreign_keys WHERE database_name = ?",  # expect: static
            [database_name],
        )
        conn.execute(
            "DELETE FROM catalog_indexes WHERE database_name = ?", [database_name]  # expect: static
        )

    await internal_db.execute_write_fn(delete_everything)

    tables = (await db.execute("select * from sqlite_master WHERE type = 'table'")).rows  # expect: static
    views = (await db.execute("select * from sqlite_master WHERE type = 'view'")).rows  # expect: static

    def collect_info(conn):
        tables_to_insert = []
        views_to_insert = []
        columns_to_insert = []
        foreign_keys_to_insert = []
        indexes_to_insert = []

        for view in views:
            view_name = view["name"]
            views_to_insert.append(
                (database_name, view_name, view["rootpage"], view["sql"])
            )

        for table in tables:
            table_name = table["name"]
            tables_to_insert.append(
                (database_name, table_name, table["rootpage"], table["sql"])
            )
            columns = table_column_details(conn, table_name)
            columns_to_insert.extend(
                {
                    **{"database_name": database_name, "table_name": table_name},
                    **column._asdict(),
                }
                for column in columns
            )
            foreign_keys = conn.execute(
                f"PRAGMA foreign_key_list({escape_sqlite(table_name)})"  # expect: dynamic
            ).fetchall()
            foreign_keys_to_insert.extend(
                {
                    **{"database_name": database_name, "table_name": table_name},
                    **dict(foreign_key),
                }
                for foreign_key in foreign_keys
            )
            indexes = conn.execute(
                f"PRAGMA index_list({escape_sqlite(table_name)})"  # expect: dynamic
            ).fetchall()
            indexes_to_insert.extend(
                {
                    **{"database_name": database_name, "table_name": table_name},
                    **dict(index),
                }
                for index in indexes
            )
        return (
            tables_to_insert,
            views_to_insert,
            columns_to_insert,
            foreign_keys_to_insert,
            indexes_to_insert,
        )

    (
        tables_to_insert,
        views_to_insert,
        columns_to_insert,
        foreign_keys_to_insert,
        indexes_to_insert,
    ) = await db.execute_fn(collect_info)

    await internal_db.execute_write_many(  # expect-next: static
        """
        INSERT INTO catalog_tables (database_name, table_name, rootpage, sql)
        values (?, ?, ?, ?)
    """,
        tables_to_insert,
    )
    await internal_db.execute_write_many(  # expect-next: static
        """
        INSERT INTO catalog_views (database_name, view_name, rootpage, sql)
        values (?, ?, ?, ?)
    """,
        views_to_insert,
    )
    await internal_db.execute_write_many(  # expect-next: static
        """
        INSERT INTO catalog_columns (
            database_name, table_name, cid, name, type, "notnull", default_value, is_pk, hidden
        ) VALUES (
            :database_name, :table_name, :cid, :name, :type, :notnull, :default_value, :is_pk, :hidden
        )
    """,
        columns_to_insert,
    )
    await internal_db.execute_write_many(  # expect-next: static
        """
        INSERT INTO catalog_foreign_keys (
            database_name, table_name, "id", seq, "table", "from", "to", on_update, on_delete, match
        ) VALUES (
            :database_name, :table_name, :id, :seq, :table, :from, :to, :on_update, :on_delete, :match
        )
    """,
        foreign_keys_to_insert,
    )
    await internal_db.execute_write_many(  # expect-next: static
        """
        INSERT INTO catalog_indexes (
            database_name, table_name, seq, name, "unique", origin, partial
        ) VALUES (
            :database_name, :table_name, :seq, :name, :unique, :origin, :partial
        )
    """,
        indexes_to_insert,
    )
