# Sources (text-to-SQL LLM helpers; the index gave no repository names):
#   part 1: Ollama-based "ask your CSV" helper (DuckDB table `data_table`), read_file index id 25285180805 (whole file)
#   part 2: LLM prompt templates module of a SQLite analyst app, read_file index id 61969343030 (whole file)
# Classes: decoy-heavy. Prompts that talk about SQL (f-strings and `str.format` templates: "Never
#   INSERT/UPDATE/DELETE/DROP/ALTER/PRAGMA/ATTACH", "Use ONLY SELECT", "`order_timestamp BETWEEN
#   'YYYY-MM-DD' AND 'YYYY-MM-DD'`", "SQL used:\n{sql}"), a module docstring, comments ("- Use only
#   SELECT"), markdown-fence cleanup (`"```"`, `startswith("sql")`, `"<sql>"` tags), model names, error
#   texts. One real statement: the fallback query `"SELECT * FROM data_table LIMIT 10"` returned by
#   `clean_sql_response` in place of the model's SQL, which the caller runs (static, README-A decision 6).
# Adaptations: two files concatenated; part 2's `from __future__ import annotations` moved to the top
#   (it must be the first statement) and its module docstring follows part 1 as a bare string
#   statement (no longer a docstring). Otherwise verbatim.
from __future__ import annotations

import ollama

# ---- part 1 (id 25285180805) ----
# --- Set model names ---
SQL_MODEL = "mistral:7b-instruct-q4_0"
INSIGHT_MODEL = "mistral:7b-instruct-q4_0"  

# --- Core LLM call ---
def query_llm(prompt: str, model: str = INSIGHT_MODEL) -> str:
    try:
        response = ollama.chat(
            model=model,
            messages=[{"role": "user", "content": prompt}]
        )
        return response['message']['content'].strip()
    except Exception as e:
        return f"ERROR: {str(e)}"

# --- SQL Cleanup Function ---
def clean_sql_response(response: str) -> str:
    cleaned = response.replace("<sql>", "").replace("</sql>", "").strip()

    # Remove markdown-style code block wrappers (```sql ... ```)
    if cleaned.startswith("```"):
        cleaned = cleaned.strip("`")  # removes all backticks
        if cleaned.lower().startswith("sql"):
            cleaned = cleaned[3:].strip()

    lines = cleaned.splitlines()
    sql_lines = [line for line in lines if not line.strip().startswith(("<s", "#"))]
    cleaned_sql = "\n".join(sql_lines).strip()

    if not cleaned_sql or cleaned_sql.lower().startswith("error"):
        return "SELECT * FROM data_table LIMIT 10"  # expect: static

    return cleaned_sql

# --- SQL Query Generator ---
def generate_sql_query(table_schema: str, question: str) -> str:
    prompt = f"""
You are an expert SQL analyst. Generate a syntactically correct SQL query based on the given schema and user question.

=== SCHEMA START ===
{table_schema}
=== SCHEMA END ===

User Question: "{question}"

Instructions:
- You MUST write valid SQL that answers the user's question, even approximately.
- The data is in a table named `data_table`.
- Use DuckDB SQL syntax only. Do NOT use PostgreSQL-style functions like ::text or to_date().
- Use direct filters like `order_timestamp BETWEEN 'YYYY-MM-DD' AND 'YYYY-MM-DD'` for date conditions.
- Do not output explanations, comments, or special tags — only clean SQL.
- If the question mentions a year, assume `order_timestamp` is a valid column to use for filtering by that year.

SQL:
"""
    raw_sql = query_llm(prompt, model=SQL_MODEL)
    return clean_sql_response(raw_sql)

# --- Data Insight Generator ---
def generate_data_insight(table_schema: str, sample_rows: list, question: str) -> str:
    prompt = f"""
You are a highly accurate and detail-oriented data analyst.

Your task is to analyze the data provided below and answer the user's question with insights derived directly from that data.

=== SCHEMA START ===
{table_schema}
=== SCHEMA END ===

=== DATA START ===
{sample_rows}
=== DATA END ===

User Question: "{question}"

Instructions:
- Only use the data shown to answer the question. Do not assume other records exist.
- If the question refers to a condition that is not met in the data, state that clearly.
- Optionally suggest the closest matching result, but only if it is significantly relevant — and clearly label it as "closest match".
- Never guess or fabricate values.
- Make your response precise, readable, and fact-based.

Insight:
"""
    return query_llm(prompt, model=INSIGHT_MODEL)


# ---- part 2 (id 61969343030) ----
"""LLM prompt templates.

Centralized so the prompts can be versioned, tested, and tuned in one place.
We deliberately use ``str.format`` (not f-strings) so the templates are
self-contained strings, and so :func:`string.Formatter` can detect missing
keys at call time.
"""

# Schema is injected at runtime. We instruct the model to:
# - Use only SELECT
# - Use exact table/column names
# - Use SQLite dialect
# - Not explain the SQL
SQL_WRITER_SYSTEM = """\
You are an expert SQLite data analyst. Convert the user's question into a
single, read-only SQL query that answers it.

Hard rules:
1. Use ONLY SELECT. Never INSERT/UPDATE/DELETE/DROP/ALTER/PRAGMA/ATTACH.
2. Use exact table and column names from the schema below.
3. Use SQLite syntax (date('now'), strftime, julianday, etc.).
4. Return ONLY the SQL. No markdown fences, no prose, no preamble.
5. If the question is ambiguous, pick the most natural interpretation.
"""


SQL_WRITER_USER = """\
Schema (table_name(column1 TYPE, column2 TYPE, ...)):
{schema}

User question: {question}

{error_section}
Return the SQL query only.
"""


SUMMARIZER_SYSTEM = """\
You are a senior data analyst. Given a user's question, the SQL used, and
the data returned, write a clear, concise, professional answer.

Rules:
- Lead with the direct answer (number, name, or short sentence).
- Use the data values verbatim; do not invent numbers.
- If the data is empty, say so.
- Use a short bullet list when the answer has multiple items.
- If an error is reported, explain it in plain language and suggest a fix.
"""


SUMMARIZER_USER = """\
User question: {question}

SQL used:
{sql}

Data returned:
{data}

Error reported: {error}
"""


# Reusable fragments


def error_section(error: str | None) -> str:
    """Format the "previous attempt failed" section for the writer prompt."""
    if not error:
        return ""
    return (
        f"Your previous attempt failed with this error:\n  {error}\nFix the query and try again.\n"
    )


def format_data(data: str | None) -> str:
    """Format the data block for the summarizer prompt."""
    if not data or data == "No data found.":
        return "(no rows)"
    # Hard cap to keep prompt sizes sane for very wide tables.
    if len(data) > 4000:
        data = data[:4000] + "\n… (truncated)"
    return data
