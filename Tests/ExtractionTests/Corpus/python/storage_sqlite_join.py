# Source: a StorageSQLite helper class (package with a ..thread.ThreadLock module; found with
# find_string, index id 3775312186; the index did not return the repository name).
# Excerpt: db_add_row, db_del_row, db_update_row, db_read_row, db_read_row_field,
# db_get_all_data, execute_query_write, dict_to_query_update. Code unchanged.
# Classes: dynamic (statements assembled by joining keyword pieces: " ".join(["SELECT * FROM",
#          self.table, "WHERE", ...]); the label sits on the join line; the keyword pieces are
#          not statements by themselves), wrappers (execute_query_write/execute_query_read wrap
#          cursor.execute), decoys (error-print labels, SET-clause pieces built with +=).
import json
import sqlite3
import threading
import os

sqlite_mutex = threading.Lock()


class StorageSQLite(object):
    def db_add_row(self, data_dict: dict):
        columns, values = self.dict_to_query_add(data_dict)
        query = " ".join(["INSERT INTO", self.table, "DEFAULT VALUES"])  # expect: dynamic
        if columns:
            query = " ".join(["INSERT INTO", self.table, columns, "VALUES", values])  # expect: dynamic
        return self.execute_query_write(query)

    def db_del_row(self, refer="id", refer_value=None):
        if type(refer_value) == str:
            query = " ".join(["DELETE FROM", self.table, "WHERE", refer, "=", "'" + str(refer_value) + "'"])  # expect: dynamic
        else:
            query = " ".join(["DELETE FROM", self.table, "WHERE", refer, "=", str(refer_value)])  # expect: dynamic
        self.execute_query_write(query)

    def db_update_row(self, data_dict: dict, refer="id", ref_value=None):
        if ref_value:
            refer_value = ref_value
        else:
            refer_value = data_dict.get(refer)
        placeholder = self.dict_to_query_update(data_dict)
        if placeholder:
            if type(refer_value) == str:
                query = " ".join(["UPDATE", self.table, "SET", placeholder, "WHERE", refer, "=", "'" + str(refer_value) + "'"])  # expect: dynamic
            else:
                query = " ".join(["UPDATE", self.table, "SET", placeholder, "WHERE", refer, "=", str(refer_value)])  # expect: dynamic
            return self.execute_query_write(query)

    def db_read_row(self, refer_value, refer="id"):
        if type(refer_value) == str:
            query = " ".join(["SELECT * FROM", self.table, "WHERE", refer, "=", "'" + str(refer_value) + "'"])  # expect: dynamic
        else:
            query = " ".join(["SELECT * FROM", self.table, "WHERE", refer, "=", str(refer_value)])  # expect: dynamic
        return self.execute_query_read(query)

    def db_read_row_field(self, target_field: str, refer_value: str, refer="id"):
        query = " ".join(["SELECT", target_field, "FROM", self.table, "WHERE", refer, "=", str(refer_value)])  # expect: dynamic
        result = self.execute_query_read(query)
        if result and type(result) == tuple:
            if result[0]:
                return json.loads(result[0])
            else:
                return False
        else:
            return False

    def db_get_all_data(self):
        data_list = []
        query = " ".join(["SELECT * FROM", self.table])  # expect: dynamic
        db = sqlite3.connect(self.db_file)
        cursor = db.cursor()
        cursor.execute(query)
        result = cursor.fetchall()
        db.close()
        return result

    def execute_query_write(self, query, commit=True):
        with sqlite_mutex:
            try:
                db = sqlite3.connect(self.db_file)
                cursor = db.cursor()
                cursor.execute(query)
                if commit:
                    db.commit()
                db.close()
                return 1
            except sqlite3.OperationalError as e:
                print("sqlite3.OperationalError", e)
                return 0
            except sqlite3.IntegrityError as e:
                print("sqlite3.IntegrityError", e)
                return 0

    @staticmethod
    def dict_to_query_update(data_dict: dict):
        placeholder = ""
        for key, value in data_dict.items():
            if type(value) == int:
                placeholder += key + " =" + str(value) + ", "
            elif type(value) == str:
                placeholder += key + " = '" + str(value) + "', "
            else:
                placeholder += key + " = '" + json.dumps(value, ensure_ascii=False) + "', "
        return placeholder.rstrip(", ")
