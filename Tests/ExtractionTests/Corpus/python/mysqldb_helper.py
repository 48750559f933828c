# Source: a MySQLDB helper class with Chinese docstrings (found with find_string, index id
# 1145820246; the index did not return the repository name).
# Excerpt: get_all_tables, drop_table, get_table_indexes, get_table_fields, select, insert,
# delete, execute. Code unchanged (create_table/create_indexes/update left out: they build
# column-definition pieces before any statement exists).
# Classes: wrappers (execute(sql) wraps cursor.execute and is called by the other methods),
#          dynamic (% formatting and .format(table=...) with MySQL backticks), MySQL-only SHOW
#          statements (SHOW TABLES, SHOW INDEX, SHOW FIELDS: hard cases for a PostgreSQL
#          parser), decoys (index kinds "PRIMARY", "FULLTEXT", "UNIQUE", "NORMAL" as lone
#          keywords; result keys 'Key_name', 'Non_unique'; docstrings that show where_data
#          examples such as 'where id < 15 limit 3'; the "%s" placeholder list built with join).

class MySQLDB(object):
    def get_all_tables(self):
        show_sql = "SHOW TABLES"  # expect: static
        tables = self.execute(show_sql)
        return [ v for table in tables for k, v in table.items()]

    def drop_table(self, table):
        delete_table_sql = """DROP TABLE IF EXISTS `{table}`""".format(table=table)  # expect: dynamic
        return self.execute(delete_table_sql)

    def get_table_indexes(self, table):
        index_sql = """SHOW INDEX FROM {table}""".format(table=table)  # expect: dynamic
        idxs = self.execute(index_sql)
        exists_index = {}
        for idx in idxs:
            key_name =idx['Key_name']
            index_type = idx['Index_type']
            column = idx['Column_name']
            non_unique = idx['Non_unique']
            if key_name == "PRIMARY":
                type = "PRIMARY"
            elif index_type == "FULLTEXT":
                type = "FULLTEXT"
            elif non_unique == 0:
                type = "UNIQUE"
            else:
                type = "NORMAL"
            if key_name in exists_index:
                exists_index[key_name]['column'].append(column)
            else:
                exists_index[key_name] = {
                    'index_name': key_name,
                    'column': [column],
                    'type': type
                }
        return list(exists_index.values())

    # 获取表的字段
    def get_table_fields(self, table):
        try:
            self.cursor.execute("SHOW FIELDS FROM %s" % table)  # expect: dynamic
            fields = list([each['Field'] for each in self.cursor.fetchall()])
            return fields
        except Exception as e:
            raise e

    '''
        select 查询语句
        input:
          table -> table_name
          fields -> [] or ['col1', 'col2'],
          where_data -> 'where id < 15 limit 3'
    '''
    def select(self, table, fields, where_data=None):
        if fields:
            fields_str = self.format_select_fields(fields)
        else:
            fields_str = "*"
        if where_data:
            select_sql = "SELECT %s FROM %s %s" % (fields_str, table, where_data)  # expect: dynamic
        else:
            select_sql = "SELECT %s FROM %s " % (fields_str, table)  # expect: dynamic

        return self.execute(select_sql)

    def insert(self, table, insert_data, batch=5000):
        is_many = self._is_data_many(insert_data)
        fields = list(insert_data[0].keys() if is_many else insert_data.keys())
        fields.sort()
        insert_fields_str = self.format_select_fields(fields)
        value_s_str = ",".join(["%s" for i in range(len(fields))])
        format_data = self.format_data(insert_data,is_many=is_many)
        insert_sql = "INSERT INTO `%s`(%s) VALUES(%s)" % (table, insert_fields_str, value_s_str)  # expect: dynamic

        try:
            self.last_execute_sql = insert_sql
            if is_many:
                index = 0
                while index < len(insert_data):
                    self.cursor.executemany(insert_sql, format_data[index: index + batch])
                    index += batch
            else:
                self.cursor.execute(insert_sql, format_data)
            if self._autocommit:
                self.conn.commit()
        except Exception as e:
            self.conn.rollback()
            raise e

    def delete(self, table, where_data=None):
        if where_data:
            delete_sql = "DELETE FROM `%s` %s " % (table, where_data)  # expect: dynamic
        else:
            delete_sql = "DELETE FROM `%s` " % table  # expect: dynamic
        return self.execute(delete_sql)

    # 执行原生sql
    def execute(self, sql):
        try:
            self.last_execute_sql = sql
            self.cursor.execute(sql)
            if self._autocommit:
                self.conn.commit
            return self.cursor.fetchall()
        except Exception as e:
            raise e
