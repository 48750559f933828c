# Source: FLpython/airflow_2.3.4 — dags/sql_statements.py (read_file id 48062559715, commit
# b081bb52), dags/dag_1.py (id 48695509349) and dags/dag_2.py (commit b081bb52), concatenated.
# Library: Apache Airflow PostgresOperator(sql=...) fed from a dict of SQL constants defined in
# another module.
# Classes: SQL constants declared far from their use (module-level triple-quoted strings gathered
# into sql_dict and handed to PostgresOperator(sql=sql_dict['…']) in the DAG files: no literal
# at the call site, no label there), 5-multi-statement (create_table holds CREATE TABLE; INSERT;
# CREATE TABLE, the INSERT starting on the same line as the end of the first CREATE),
# 4-placeholders (%s in insert_converted), lower-case DDL, 7-decoys (dag_id / task_id /
# tags such as '2_select_values', 'insert_values', 'copy_el_usd', schedule '@once').
# Adaptations: three small files of one repository concatenated: `from sql_statements import
# sql_dict` in the DAG parts turned into a comment (the dict is defined above), the second
# `from airflow import DAG` block merged. Labels: `# expect-next:` on a comment line before each
# `name = """` whose opening line ends inside the literal; `-- expect:` at the end of the first
# line of the 2nd and 3rd statements inside create_table. Labelled by hand, blind.

# ---- dags/sql_statements.py ----
# expect-next: static
create_table = """
        create table if not exists orders(
        id serial,
        product_name varchar,
        price numeric(6,2),
        currency varchar,
        purchase_date date);INSERT INTO orders(product_name,price,currency,purchase_date) -- expect: static
        VALUES ('acer',1540,'byn','08/02/2022'),
        ('toshiba',1890,'byn','01/28/2022'),
        ('hp',540,'usd','06/21/2022'),
        ('apple',1400,'usd','02/26/2022');
        create table if not exists sold( -- expect: static
        id serial primary key,
        product_name varchar,
        price numeric(6,2),
        currency varchar,
        purchase_date date)"""

select_byn = """SELECT product_name, price, currency, purchase_date FROM orders WHERE currency = 'byn';"""  # expect: static

# expect-next: static
insert_converted = """INSERT INTO sold (product_name, price, currency, purchase_date) 
VALUES (%s, %s, %s, %s);"""

# expect-next: static
copy_el_usd = """insert into sold(product_name,price,currency,purchase_date) 
                    select product_name,price,currency,purchase_date FROM orders 
                    WHERE currency = 'usd';"""

# expect-next: static
insert_values = """INSERT INTO orders(product_name,price,currency,purchase_date)
        VALUES ('acer',1540,'byn','08/02/2022'),
        ('toshiba',1890,'byn','01/28/2022'),
        ('hp',540,'usd','06/21/2022'),
        ('apple',1400,'usd','02/26/2022');"""

sql_dict = {'create_table': create_table, 'copy_el_usd': copy_el_usd, 'insert_converted': insert_converted,
      'select_byn': select_byn, 'insert_values': insert_values}

# ---- dags/dag_1.py ----
from datetime import datetime, timedelta
from airflow import DAG
from airflow.operators.postgres_operator import PostgresOperator
# from sql_statements import sql_dict
from airflow.operators.trigger_dagrun import TriggerDagRunOperator


with DAG(
        dag_id='1_insert_values',
        # default_args=default_args,
        description='creates_table',
        start_date=datetime(2022, 9, 22),
        catchup=False,
        schedule_interval='@once',
        tags=['dag_1']
) as dag:
    trigger_target = TriggerDagRunOperator(
        task_id='trigger_dag2',
        trigger_dag_id='2_select_values',
        reset_dag_run=True,
        wait_for_completion=True
    )

    task1 = PostgresOperator(
        task_id='insert_values', postgres_conn_id='my_db', autocommit=True,
        sql=sql_dict['insert_values'])

# ---- dags/dag_2.py ----
with DAG(
        dag_id='2_select_values',
        start_date=datetime(2022, 9, 22),
        catchup=False,
        schedule_interval='@once',
        tags=['dag_2']
) as dag:
    task1 = PostgresOperator(
        task_id='copy_el_usd', postgres_conn_id='my_db', autocommit=True,
        sql=sql_dict['copy_el_usd'])
