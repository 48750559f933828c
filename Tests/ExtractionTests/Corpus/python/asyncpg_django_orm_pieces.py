# Sources (the index did not return the repository names):
#   1. a RAG service's PgVectorStore over an asyncpg pool (find_string "await conn.fetchval(", read_file id 59823586971),
#      the whole file except the no-op connect()/disconnect() lifecycle methods;
#   2. FireCARES-style firestation managers (find_string "RawSQL(", read_file id 49308454104), Django GeoQuerySet with
#      RawSQL, .extra(select=…) and .extra(where=[…]).
# Adaptation: concatenated; in 2 the classes Ntile, SumNtile and FilteredAvg were left out (their `template =
#          '%(function)s(%(expressions)s) over (…)'` strings are Django Func SQL templates whose kind the conventions do
#          not settle), and so were PriorityDepartmentsManager and the tail of CalculationManager; nothing else changed.
# Classes: asyncpg in a class (conn.executemany / fetch / fetchval with $n and ::casts, set-returning functions called
#          in FROM), triple-quoted statements (expect-next on the call line), fragments (Django RawSQL(...) annotation
#          holding a correlated scalar subquery, .extra(select={name: 'SELECT COALESCE({0},0)+…'.format(...)}) built with
#          .format, .extra(where=[...]) full-text condition), decoys (module docstring naming SQL functions
#          match_chunks(...)/hybrid_search(...), "No-op: the chunks table has ON DELETE CASCADE" docstring, logger texts
#          "Failed to upsert chunks", f"[{…}]" pgvector literal, "Sanitizes terms before sending to PostGRES FTS.",
#          '__isnull' lookups, term.replace("'", "''")).

# ---- 1. PgVectorStore (id 59823586971) ----
"""
PgVectorStore — wraps the original pgvector SQL logic.

This is an exact preservation of the retrieval and chunk-persistence code that
previously lived in retrievers.py and DocumentRepository.  Nothing here is new
behaviour; it is simply reorganised behind the VectorStoreBase interface so
the rest of the app can be backend-agnostic.

SQL functions relied upon (created by migrations 001/002):
  match_chunks(query_embedding, match_count, p_user_id)
  hybrid_search(query_embedding, query_text, match_count, text_weight, p_user_id)
"""

from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import List, Optional

from neat_rag.db.pool import PgPool
from neat_rag.db.vector_store import VectorStoreBase
from neat_rag.exceptions import DatabaseError
from neat_rag.logger import get_logger
from neat_rag.models import Chunk, Document, SearchHit

logger = get_logger(__name__)


def _vec_str(embedding: List[float]) -> str:
    """Format a float list as the pgvector literal '[x,y,z,...]'."""
    return f"[{','.join(map(str, embedding))}]"


def _parse_vector_rows(rows) -> List[SearchHit]:
    return [
        SearchHit(
            chunk_id=str(row["chunk_id"]),
            document_id=str(row["document_id"]),
            content=row["content"],
            score=float(row["similarity"]),
            document_title=row["document_title"],
            document_source=row["document_source"],
            metadata=json.loads(row["metadata"]) if row["metadata"] else {},
        )
        for row in rows
    ]

def _parse_hybrid_rows(rows) -> List[SearchHit]:
    return [
        SearchHit(
            chunk_id=str(row["chunk_id"]),
            document_id=str(row["document_id"]),
            content=row["content"],
            score=float(row["combined_score"]),
            document_title=row["document_title"],
            document_source=row["document_source"],
            metadata=json.loads(row["metadata"]) if row["metadata"] else {},
        )
        for row in rows
    ]


class PgVectorStore(VectorStoreBase):
    """
    Vector store backed by PostgreSQL + pgvector.

    Uses the same asyncpg pool as the rest of the application.
    connect() / disconnect() are no-ops because the pool lifecycle is managed
    by PgPool (called from the FastAPI lifespan).
    """

    def __init__(self, pg_pool: PgPool) -> None:
        self._pg_pool = pg_pool

    # ── Write ────────────────────────────────────────────────────────────────

    async def upsert_chunks(self, document: Document, chunks: List[Chunk]) -> None:
        """Insert chunk rows into the PostgreSQL chunks table."""
        if not chunks:
            return
        chunk_records = [
            (
                c.id,
                c.document_id,
                c.content,
                f"[{','.join(map(str, c.embedding))}]" if c.embedding else None,
                c.start_char,
                c.end_char,
                json.dumps(c.metadata),
                c.created_at,
            )
            for c in chunks
        ]
        try:
            async with self._pg_pool.get_connection() as conn:
                await conn.executemany(  # expect-next: static
                    """
                    INSERT INTO chunks
                        (id, document_id, content, embedding,
                         start_char, end_char, metadata, created_at)
                    VALUES ($1::uuid, $2::uuid, $3, $4::vector,
                            $5, $6, $7::jsonb, $8)
                    ON CONFLICT (id) DO NOTHING
                    """,
                    chunk_records,
                )
            logger.info("Chunks upserted to pgvector", document_id=document.id, count=len(chunks))
        except Exception as e:
            logger.error("Failed to upsert chunks", document_id=document.id, error=str(e))
            raise DatabaseError(f"Failed to upsert chunks: {e}") from e

    async def delete_by_document(self, document_id: str) -> None:
        """No-op: the chunks table has ON DELETE CASCADE on document_id."""
        pass

    # ── Read ─────────────────────────────────────────────────────────────────

    async def get_chunks_by_document(self, document_id: str) -> List[Chunk]:
        try:
            async with self._pg_pool.get_connection() as conn:
                rows = await conn.fetch(  # expect-next: static
                    """
                    SELECT id::text, document_id::text, content,
                           start_char, end_char, metadata, created_at
                    FROM chunks
                    WHERE document_id = $1::uuid
                    ORDER BY start_char ASC NULLS LAST, created_at ASC
                    """,
                    document_id,
                )
            return [
                Chunk(
                    id=row["id"],
                    document_id=row["document_id"],
                    content=row["content"],
                    start_char=row.get("start_char"),
                    end_char=row.get("end_char"),
                    metadata=json.loads(row["metadata"]) if row["metadata"] else {},
                    created_at=row["created_at"],
                )
                for row in rows
            ]
        except Exception as e:
            logger.error("Failed to fetch chunks", document_id=document_id, error=str(e))
            raise DatabaseError(f"Failed to fetch chunks: {e}") from e

    async def count_by_document(self, document_id: str) -> int:
        try:
            async with self._pg_pool.get_connection() as conn:
                return await conn.fetchval(
                    "SELECT COUNT(id) FROM chunks WHERE document_id = $1::uuid",  # expect: static
                    document_id,
                ) or 0
        except Exception as e:
            raise DatabaseError(f"Failed to count chunks: {e}") from e

    # ── Search ───────────────────────────────────────────────────────────────

    async def vector_search(
        self,
        embedding: List[float],
        top_k: int,
        user_id: Optional[str],
    ) -> List[SearchHit]:
        vec = _vec_str(embedding)
        async with self._pg_pool.get_connection() as conn:
            rows = await conn.fetch(
                "SELECT * FROM match_chunks($1::vector, $2, $3)",  # expect: static
                vec,
                top_k,
                user_id,
            )
        return _parse_vector_rows(rows)

    async def hybrid_search(
        self,
        embedding: List[float],
        query: str,
        top_k: int,
        user_id: Optional[str],
        text_weight: float = 0.3,
    ) -> List[SearchHit]:
        vec = _vec_str(embedding)
        async with self._pg_pool.get_connection() as conn:
            rows = await conn.fetch(
                "SELECT * FROM hybrid_search($1::vector, $2::text, $3, $4, $5)",  # expect: static
                vec,
                query,
                top_k,
                text_weight,
                user_id,
            )
        return _parse_hybrid_rows(rows)


# ---- 2. firestation managers (id 49308454104) ----
import re
import string
from django.contrib.gis.db import models
from django.db.models import Func, Case, When, Q, Min, Max, Avg
from django.db.models.expressions import RawSQL
from django.db.models import Aggregate
from django.db.models import FloatField
from django.contrib.gis.db.models.query import GeoQuerySet


class CalculationsQuerySet(GeoQuerySet):

    def as_quartiles(self):
        qs = self

        fields = 'dist_model_score risk_model_deaths risk_model_injuries risk_model_fires_size0 \
                      risk_model_fires_size1 risk_model_fires_size2 risk_model_fires'.split()

        # dynamically add sum fields
        for field1, field2, fieldname in [('risk_model_fires_size1_percentage', 'risk_model_fires_size2_percentage', 'risk_model_size1_percent_size2_percent_sum'),
                                          ('risk_model_deaths', 'risk_model_injuries', 'risk_model_deaths_injuries_sum')]:

            qs = qs.extra(select={fieldname: 'SELECT COALESCE({0},0)+COALESCE({1},0)'.format(field1, field2)})  # expect: fragment
            qs = qs.annotate(**{'{0}_quartile'.format(fieldname): Case(When(Q(**{field1 + '__isnull': False}) | Q(**{field2 + '__isnull': False}), then=SumNtile(4, output_field=models.IntegerField(), field_1=field1, field_2=field2)), output_field=models.IntegerField(), default=None)})

        for field in fields:
            qs = qs.annotate(**{field + '_quartile': Case(When(**{field + '__isnull': False, 'then': Ntile(4, output_field=models.IntegerField(), partition_by=field, order_by=field)}), output_field=models.IntegerField(), default=None)})

        qs = qs.annotate(val=RawSQL("SELECT AVG(count) FROM firestation_nfirsstatistic WHERE fire_department_id=firestation_firedepartment.id and year >= extract(year FROM CURRENT_DATE) - 3", ()))  # expect: fragment

        return qs

    @staticmethod
    def _sanitize_full_text_search(term):
        """
        Sanitizes terms before sending to PostGRES FTS.
        """
        allowed_punctuation = set(['&', '|', '"', "'"])
        all_punctuation = set(string.punctuation)
        punctuation = "".join(all_punctuation - allowed_punctuation)
        term = re.sub(r"[{}]+".format(re.escape(punctuation)), " ", term)

        # Substitute all double quotes to single quotes.
        term = term.replace('"', "'")
        term = re.sub(r"[']+", "'", term)

        # Create regex to find strings within quotes.
        quoted_strings_re = re.compile(r"('[^']*')")
        space_between_words_re = re.compile(r'([^ &|])[ ]+([^ &|])')
        spaces_surrounding_letter_re = re.compile(r'[ ]+([^ &|])[ ]+')
        multiple_operator_re = re.compile(r"[ &]+(&|\|)[ &]+")

        tokens = quoted_strings_re.split(term)
        processed_tokens = []

        for token in tokens:
            # Remove all surrounding whitespace.
            token = token.strip()

            if token in ['', "'"]:
                continue

            if token[0] != "'":
                # Surround single letters with &'s
                token = spaces_surrounding_letter_re.sub(r' & \1 & ', token)

                # Specify '&' between words that have neither | or & specified.
                token = space_between_words_re.sub(r'\1 & \2', token)

                # Add a prefix wildcard to every search term.
                token = re.sub(r'([^ &|]+)', r'\1:*', token)

            processed_tokens.append(token)

        term = " & ".join(processed_tokens)

        # Replace ampersands or pipes surrounded by ampersands.
        term = multiple_operator_re.sub(r" \1 ", term)

        # Escape single quotes
        return term.replace("'", "''")

    def full_text_search(self, search_term):
        """
        Filters results based on PostGRES Full Text Search.
        """
        return self.extra(where=["firestation_firedepartment.fts_document @@ to_tsquery('simple', %s)"],  # expect: fragment
                          params=[self._sanitize_full_text_search(search_term)])


class CalculationManager(models.GeoManager):
    """
    A geo-manager with FireCARES calculation methods.
    """
    def get_queryset(self):
        return CalculationsQuerySet(self.model, using=self._db)

    def metropolitan_departments(self):
        """
        Returns metropolitan departments.
        """
        return super(CalculationManager, self).get_queryset().filter(population__gte=1000000)
