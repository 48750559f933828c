# Sources (psycopg2 / psycopg 3 `sql` composition; the index did not return the repository names):
#   1. a FastAPI app's BaseRepository (find_string 'sql.SQL("SELECT', read_file id 66562187276), complete file;
#   2. a data-connector package's PostgresConnector (read_file id 13692429911), complete file;
#   3. fetch_TreeHierarchy_Data from a dashboard backend (find_string id 49153933406), one function, verbatim;
#   4. row_count from a JSON-to-PostgreSQL loader (find_string id 69624962291), one function, verbatim.
# Adaptation: concatenated in this order with "# ---- n ----" separators; imports of 3 and 4 added as comments only.
# Classes: dynamic (psycopg `sql.SQL("… {} …").format(sql.Identifier(x))`: the table/column names are spliced in at run
#          time, so the statement text is only known then; `.format` applied on a later line to a variable holding
#          sql.SQL("SELECT * FROM {table}"); a piece appended with `query += sql.SQL(" RETURNING {}")` carries no label),
#          placeholders (%s next to {} holes), short (SELECT 1), triple-quoted static SQL (expect-next),
#          decoys (sql.SQL(', ') separator, sql.SQL(what) on a variable, print(f"query: {query}…"), commented-out
#          sql.SQL("SELECT * FROM {} WHERE id = %s"), docstrings "Read data from PostgreSQL table", "Sanitize table name
#          to prevent SQL injection", Exception(f"Error fetching data from {tableName}: …")).

# ---- 1. BaseRepository (id 66562187276) ----
# from app.core.database import DB_instance as Database
from app.core.config import Config
from psycopg2 import sql
from typing import List, Dict, Any, Tuple, Optional
from contextlib import nullcontext

class BaseRepository:
    @classmethod
    def get_exec_cursor(cls, existing_cursor=None):
        if existing_cursor:
            return nullcontext(existing_cursor)
        return Config.DB_instence.get_cursor()

    @classmethod
    def get_exec_cursor_and_commit(cls, existing_cursor=None):
        if existing_cursor:
            return nullcontext(existing_cursor)
        return Config.DB_instence.get_cursor(commit=True)

    @classmethod
    def _fetch_one(cls, query: str, params=None, injected_cursor = None):
        with cls.get_exec_cursor(injected_cursor) as cursor:
            cursor.execute(query, params)
            return cursor.fetchone()

    @classmethod
    def _execute(cls, query: str, params=None, injected_cursor = None):
        with cls.get_exec_cursor_and_commit(injected_cursor) as cursor:
            cursor.execute(query, params)

            description = cursor.description
            values = cursor.fetchone()
            
            if not values :
                return None

            keys = [col[0] for col in description]


            return dict(zip(keys, values))

    @classmethod
    def _fetch_all(cls, query: str, params=None, injected_cursor = None):
        with cls.get_exec_cursor(injected_cursor) as cursor:
            cursor.execute(query, params)
            description = cursor.description
            keys = [col[0] for col in description]
            values = cursor.fetchall()
            data = []
            if not values :
                return None
            for value in values :
                data.append(dict(zip(keys, value))) 
                
            return data

    @classmethod
    def _fetch(cls, query: str, params=None, injected_cursor = None):
        with cls.get_exec_cursor(injected_cursor) as cursor:
            cursor.execute(query, params)
            return cursor.fetchall()

    @classmethod
    def _build_insert_query(
        cls,
        *,
        table_name: str,
        columns: List[str],
        data: Dict[str, Any],
    ) -> Tuple[Optional[sql.Composed], Optional[List[Any]]]:
        print(f"Starting ?", flush=True)
        
        if not isinstance(data, dict) or set(data.keys()) != set(columns):
            return None, None
        print(f"Starting ?S", flush=True)
        
        ordered_values = [data[col] for col in columns]
        
        columns_sql = sql.SQL(', ').join(map(sql.Identifier, columns))
        values_sql = sql.SQL(', ').join(sql.Placeholder() * len(columns))
        
        query = sql.SQL("INSERT INTO {} ({}) VALUES ({})").format(  # expect: dynamic
            sql.Identifier(table_name),
            columns_sql,
            values_sql
        )
        return query, ordered_values

    @classmethod
    def insert(
        cls,
        *,
        table_name: str,
        columns: List[str],
        data: Dict[str, Any],
        returning="id", injected_cursor = None) :
        print(f"table_name: {table_name},columns: {columns}", flush=True)
        query, _values = cls._build_insert_query(table_name=table_name, columns=columns, data=data)
        print(f"query: {query},_values: {_values}", flush=True)

        if returning :
            query += sql.SQL(" RETURNING {}").format(sql.Identifier(returning))

        with cls.get_exec_cursor_and_commit(injected_cursor) as cursor:
            cursor.execute(query, tuple(_values))
            return cursor.fetchone()[0] if returning else None

    @classmethod
    def find_by_id(cls, id, what: str = "*"):
        return cls.find_by_something(id=id, what=what)
        # query = sql.SQL("SELECT * FROM {} WHERE id = %s").format(
        #     sql.Identifier(cls._table_name)
        # )
        # return Config.DB_instence.execute(query, (id,), fetch_one=True)

    @classmethod
    def delete(cls, id, injected_cursor = None):
        query = sql.SQL("DELETE FROM {} WHERE id = %s RETURNING id").format(  # expect: dynamic
            sql.Identifier(cls._table_name)
        )
        with cls.get_exec_cursor_and_commit(injected_cursor) as cursor:
            cursor.execute(query, (id,))
            return cursor.fetchone()
    
    
    @classmethod
    def find_by_something(cls, id, something="id", what="*", injected_cursor = None):
        if what == "*":
            what_sql = sql.SQL(what)
        else:
            what_sql = sql.Identifier(what)

        query = sql.SQL("SELECT {} FROM {} WHERE {} = %s").format(  # expect: dynamic
            what_sql,
            sql.Identifier(cls._table_name),
            sql.Identifier(something)
        )
        with cls.get_exec_cursor(injected_cursor) as cursor:
            cursor.execute(query, (id,))
            return cursor.fetchone()


# ---- 2. PostgresConnector (id 13692429911) ----
"""PostgreSQL database connector"""
import psycopg2
import pandas as pd
from typing import List, Dict, Any
from .base import DataConnector


class PostgresConnector(DataConnector):
    """Connector for PostgreSQL databases"""
    
    def __init__(self, config: Dict[str, Any]):
        super().__init__(config)
        self.connection = None
    
    def connect(self):
        """Establish connection to PostgreSQL database"""
        self.connection = psycopg2.connect(
            host=self.config["host"],
            port=self.config["port"],
            database=self.config["database"],
            user=self.config["user"],
            password=self.config["password"]
        )
    
    def disconnect(self):
        """Close connection to PostgreSQL database"""
        if self.connection:
            self.connection.close()
            self.connection = None
    
    def get_tables(self) -> List[str]:
        """Get list of tables in PostgreSQL database"""
        # expect-next: static
        query = """
        SELECT table_name 
        FROM information_schema.tables 
        WHERE table_schema = 'public'
        ORDER BY table_name
        """
        cursor = self.connection.cursor()
        cursor.execute(query)
        tables = [row[0] for row in cursor.fetchall()]
        cursor.close()
        return tables
    
    def read_data(self, table_name: str, sample_size: int = None) -> pd.DataFrame:
        """Read data from PostgreSQL table"""
        # Sanitize table name to prevent SQL injection
        from psycopg2 import sql
        
        if sample_size:
            query = sql.SQL("SELECT * FROM {} LIMIT %s").format(  # expect: dynamic
                sql.Identifier(table_name)
            )
            return pd.read_sql(query.as_string(self.connection), self.connection, params=[sample_size])
        else:
            query = sql.SQL("SELECT * FROM {}").format(  # expect: dynamic
                sql.Identifier(table_name)
            )
            return pd.read_sql(query.as_string(self.connection), self.connection)
    
    def test_connection(self) -> bool:
        """Test PostgreSQL connection"""
        try:
            self.connect()
            cursor = self.connection.cursor()
            cursor.execute("SELECT 1")  # expect: static
            cursor.fetchone()
            cursor.close()
            return True
        except Exception:
            return False
        finally:
            self.disconnect()


# ---- 3. fetch_TreeHierarchy_Data (id 49153933406) ----
# import pandas as pd; from psycopg2 import sql

def fetch_TreeHierarchy_Data(connection, tableName):
    try:
        cursor = connection.cursor()

        # Use SQL composition to safely query using dynamic table and column names
        query = sql.SQL("SELECT * FROM {table}")  # expect: dynamic
        query = query.format(
            table=sql.Identifier(tableName)
        )

        cursor.execute(query)
        results = cursor.fetchall()

        # Fetch the column names from the cursor
        column_names = [desc[0] for desc in cursor.description]

        # Convert the results to a DataFrame with the column names
        df = pd.DataFrame(results, columns=column_names)
        print("df",df)

        cursor.close()

        return df

    except Exception as e:
        raise Exception(f"Error fetching data from {tableName}: {str(e)}")


# ---- 4. row_count (id 69624962291) ----
# import psycopg; from psycopg import sql

def row_count(conn: psycopg.Connection, table_name: str) -> int:
    with conn.cursor() as cur:
        cur.execute(
            sql.SQL("SELECT COUNT(*) FROM {}").format(sql.Identifier(table_name))  # expect: dynamic
        )
        row = cur.fetchone()
        return int(row[0]) if row else 0
