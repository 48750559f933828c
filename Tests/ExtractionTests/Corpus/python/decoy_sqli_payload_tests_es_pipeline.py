# Sources (the index gave no repository names):
#   part 1: API security test suite (pytest + allure), SQL-injection test, read_file index id 52929210003 (whole file)
#   part 2: "sdoqap" data-quality platform, FastAPI pipeline router over Elasticsearch / Spark,
#           read_file index id 71653519718 (excerpt of a 27k-character file)
# Classes: decoy-only (no label: any finding here is a false positive). SQL-injection payloads
#   ("1' UNION SELECT NULL--", "1; SHUTDOWN;--", "1' AND SLEEP(5)--") sent as JSON field values to an HTTP
#   API under test (not to a database: README-A decision 5), allure story "SQL Injection", an f-string
#   log/assert text "[SQLI] …"; Elasticsearch query DSL (`query={"term": {"run_id.keyword": run_id}}`,
#   `{"match_all": {}}`, `sort=[{"timestamp": {"order": "desc"}}]`), index names, HTTPException details
#   ("Elasticsearch query failed: …", "Cannot retry: run document has no 'table_name'.",
#   f"Pipeline rerun queued for table '{table_name}'."), docstrings naming SQL verbs ("the engine cannot
#   MERGE rows whose primary key column is absent", "Extraction -> raw landing -> run registry"), an HTTP
#   path "POST /api/v1/pipeline/retry/…" in a message, the import of a project helper `run_readonly_query`
#   (not called in the excerpt).
# Adaptations: two files concatenated; part 2's imports merged with part 1's at the top; part 2 keeps
#   list_pipeline_runs, get_pipeline_run_detail, retry_pipeline_run, trigger_spark_job, _normalize_col,
#   missing_primary_key_columns, _registered_primary_key and land_and_queue; acknowledge_run_drift, the
#   payload models, upload_to_webhdfs (called by land_and_queue) and everything after land_and_queue were
#   dropped. Otherwise verbatim.
import csv
import io
import os
import re
import time
from datetime import datetime, timezone
from typing import Optional

import allure
import pytest
import requests
from fastapi import APIRouter, Depends, File, Form, HTTPException, Response, UploadFile
from pydantic import BaseModel

from auth_utils import BASE_URL, login
from utils.contract_loader import injectable_endpoints

# ---- part 1 (id 52929210003) ----
SQLI_PAYLOADS = [
    "1 OR 1=1",
    "1' OR '1'='1",
    "' OR ''='",
    "1; SHUTDOWN;--",
    "1' AND SLEEP(5)--",
    "1' UNION SELECT NULL--",
    "1' OR 'x'='x' --",
    "1 OR 1=1--",
]

_PARAMS = [
    (ep, payload)
    for ep in injectable_endpoints()
    for payload in SQLI_PAYLOADS
]


@allure.feature("Security")
@allure.story("SQL Injection")
@pytest.mark.parametrize(
    "endpoint,payload",
    _PARAMS,
    ids=lambda x: f"{x['method']} {x['path']} [{x['field']}]" if isinstance(x, dict) else x,
)
def test_sql_injection(endpoint, payload):
    """
    SQL injection payloads in string request-body fields must not cause
    the server to succeed (2xx) or crash (5xx).  Any 4xx response is
    an acceptable rejection.
    """
    headers = {}
    if endpoint["auth_required"]:
        headers["Authorization"] = f"Bearer {login()}"

    body = {**endpoint["base_body"], endpoint["field"]: payload}

    resp = requests.request(
        method=endpoint["method"],
        url=BASE_URL + endpoint["path"],
        headers=headers or None,
        json=body,
    )

    print(
        f"[SQLI] {endpoint['method']} {endpoint['path']} "
        f"field={endpoint['field']} payload={payload!r} -> {resp.status_code}"
    )

    assert 400 <= resp.status_code < 500, (
        f"SQLI: {endpoint['method']} {endpoint['path']} field={endpoint['field']!r} "
        f"returned unexpected status {resp.status_code} for payload {payload!r}"
    )


# ---- part 2 (id 71653519718) ----
router = APIRouter(
    prefix="/api/v1/pipeline",
    tags=["pipeline"]
)

from . import run_registry
from .auth import require_session, require_session_or_service_key
from .config import get_es_client, get_http_session
from .ingest_guards import (
    max_upload_bytes,
    read_upload_limited,
    run_readonly_query,
    safe_get,
    validate_rdbms_host,
)
from .validation import validate_table_name


def _daemon_url(path: str) -> str:
    return f"http://{os.getenv('SPARK_MASTER_HOST', 'spark-master')}:8099{path}"


def _daemon_headers() -> dict:
    return {"X-Trigger-Secret": os.getenv("TRIGGER_SHARED_SECRET", "")}


@router.get("")
def list_pipeline_runs(page: int = 1, size: int = 50, limit: int = 50, paginated: bool = False):
    """
    Retrieves the execution runs history from Elasticsearch with pagination.
    """
    es = get_es_client()
    try:
        if not es.indices.exists(index="sdoqap_pipeline_runs"):
            return {"data": [], "total": 0, "page": page, "size": size} if paginated else []
            
        actual_size = limit if limit != 50 else size
        from_idx = (page - 1) * actual_size
        
        # Prevent ES Deep Pagination memory blowup (> 10000 window limit)
        if from_idx + actual_size > 10000:
            raise HTTPException(
                status_code=400,
                detail="Deep pagination limit exceeded. Elasticsearch restricts offsets above 10,000 to prevent memory exhaustion."
            )
            
        res = es.search(
            index="sdoqap_pipeline_runs",
            query={"match_all": {}},
            sort=[{"timestamp": {"order": "desc"}}],
            from_=from_idx,
            size=actual_size
        )
        data = [hit["_source"] for hit in res["hits"]["hits"]]
        if paginated:
            total = res["hits"]["total"]["value"] if isinstance(res["hits"]["total"], dict) else res["hits"]["total"]
            return {"data": data, "total": total, "page": page, "size": actual_size}
        else:
            return data
    except HTTPException as he:
        raise he
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Elasticsearch query failed: {str(e)}")

@router.get("/{run_id}")
def get_pipeline_run_detail(run_id: str):
    """
    Retrieves detailed validation logs and metadata for a specific execution run.
    """
    es = get_es_client()
    try:
        if not es.indices.exists(index="sdoqap_pipeline_runs"):
            raise HTTPException(status_code=404, detail="Pipeline runs index 'sdoqap_pipeline_runs' not found.")
            
        # Get run details
        res_run = es.search(
            index="sdoqap_pipeline_runs",
            query={"term": {"run_id.keyword": run_id}}
        )
        hits_run = res_run["hits"]["hits"]
        if not hits_run:
            raise HTTPException(status_code=404, detail=f"Pipeline run '{run_id}' not found.")
        run_detail = hits_run[0]["_source"]
        
        # Get associated quality checks
        quality = []
        if es.indices.exists(index="sdoqap_quality_runs"):
            res_q = es.search(
                index="sdoqap_quality_runs",
                query={"term": {"run_id.keyword": run_id}}
            )
            quality = [hit["_source"] for hit in res_q["hits"]["hits"]]
            
        # Get schema drift logs
        drifts = []
        if es.indices.exists(index="sdoqap_schema_drifts"):
            res_d = es.search(
                index="sdoqap_schema_drifts",
                query={"term": {"run_id.keyword": run_id}}
            )
            drifts = [hit["_source"] for hit in res_d["hits"]["hits"]]
            
        # Check ES for acknowledgement
        is_ack = False
        try:
            if es.indices.exists(index="sdoqap_acknowledged_runs") and es.exists(index="sdoqap_acknowledged_runs", id=run_id):
                is_ack = True
        except Exception:
            pass

        return {
            "run_details": run_detail,
            "quality_audits": quality,
            "schema_drift_alerts": [] if is_ack else drifts,
            "is_acknowledged": is_ack
        }
    except HTTPException as he:
        raise he
    except Exception as e:
        raise HTTPException(status_code=500, detail=f"Elasticsearch query failed: {str(e)}")


@router.post("/retry/{run_id}")
def retry_pipeline_run(run_id: str, _user: str = Depends(require_session)):
    """Reprocess an ingestion by its ingest_id (same raw folder, or its archived copy),
    or fall back to re-running a whole table from an older pipeline run id."""
    es = get_es_client()
    ingest = run_registry.get_run(es, run_id)
    if ingest:
        run_registry.update_run(es, run_id, "QUEUED", retried_at=datetime.now(timezone.utc).isoformat())
        try:
            trigger_spark_job(ingest["table_name"], run_id)
        except HTTPException as exc:
            run_registry.update_run(es, run_id, "TRIGGER_FAILED", error=str(exc.detail))
            raise
        return {"status": "queued", "ingest_id": run_id,
                "message": f"Ingest '{run_id}' re-queued for table '{ingest['table_name']}'."}

    if not es.indices.exists(index="sdoqap_pipeline_runs"):
        raise HTTPException(status_code=404, detail=f"Run '{run_id}' not found.")
    res = es.search(index="sdoqap_pipeline_runs", query={"term": {"run_id.keyword": run_id}})
    hits = res["hits"]["hits"]
    if not hits:
        raise HTTPException(status_code=404, detail=f"Run '{run_id}' not found.")
    table_name = hits[0]["_source"].get("table_name")
    if not table_name:
        raise HTTPException(status_code=400, detail="Cannot retry: run document has no 'table_name'.")
    trigger_spark_job(table_name, None)
    return {"status": "queued", "message": f"Pipeline rerun queued for table '{table_name}'."}


def trigger_spark_job(table_name: str, ingest_id: Optional[str]) -> dict:
    """Ask the Spark trigger daemon to run the quality engine. There is deliberately no
    local fallback: the api image has no pyspark, so a fallback only pretended to run."""
    payload = {"table": table_name}
    if ingest_id:
        payload["ingest_id"] = ingest_id
    try:
        res = get_http_session().post(_daemon_url("/retry"), json=payload, headers=_daemon_headers(), timeout=5)
    except requests.RequestException as e:
        raise HTTPException(status_code=503, detail=f"Spark trigger daemon is unreachable: {e}")
    if res.status_code not in (200, 202):
        raise HTTPException(status_code=503, detail=f"Spark trigger daemon refused the job (HTTP {res.status_code}).")
    return res.json()


def _normalize_col(name: str) -> str:
    # Mirrors normalize_name() in services/spark/spark_quality_engine.py.
    return re.sub(r"[\s\-_]", "", name or "").lower()


def missing_primary_key_columns(content: bytes, primary_key) -> list:
    """Fail fast in the API instead of after a 1-2 minute spark-submit: the engine
    cannot MERGE rows whose primary key column is absent."""
    if not primary_key or primary_key == "row_hash":
        return []
    first_line = content.split(b"\n", 1)[0].decode("utf-8-sig", errors="replace").strip("\r")
    header = next(csv.reader([first_line]), [])
    present = {_normalize_col(c) for c in header}
    keys = [primary_key] if isinstance(primary_key, str) else list(primary_key)
    return [k for k in keys if _normalize_col(k) not in present]


def _registered_primary_key(es, table_name: str):
    try:
        if not es.indices.exists(index="sdoqap_schema_registry"):
            return None
        return es.get(index="sdoqap_schema_registry", id=table_name)["_source"].get("primary_key")
    except Exception:
        return None


def land_and_queue(table_name: str, content: bytes, source: str, es=None) -> dict:
    """Extraction -> raw landing -> run registry -> trigger (activity diagram 4.3)."""
    es = es if es is not None else get_es_client()
    sha = run_registry.checksum(content)
    existing = run_registry.find_duplicate(es, table_name, sha)
    if existing:
        return {
            "status": "duplicate",
            "ingest_id": existing["ingest_id"],
            "run_state": existing["state"],
            "spark_triggered": False,
            "message": f"This exact file was already ingested for '{table_name}' (ingest {existing['ingest_id']}, "
                       f"{existing['state']}). POST /api/v1/pipeline/retry/{existing['ingest_id']} reprocesses it.",
        }
    missing = missing_primary_key_columns(content, _registered_primary_key(es, table_name))
    if missing:
        raise HTTPException(status_code=400, detail=f"File is missing primary key column(s) {missing} registered for '{table_name}'.")
    ingest_id = run_registry.new_ingest_id()
    upload_to_webhdfs(table_name, content, ingest_id)
    run_registry.create_run(es, table_name, ingest_id, sha, source, len(content))
    try:
        daemon = trigger_spark_job(table_name, ingest_id)
    except HTTPException as exc:
        run_registry.update_run(es, ingest_id, "TRIGGER_FAILED", error=str(exc.detail))
        raise
    return {
        "status": "queued",
        "ingest_id": ingest_id,
        "run_state": "QUEUED",
        "spark_triggered": True,
        "daemon_status": daemon.get("status"),
        "message": f"Data landed in HDFS for '{table_name}' and queued for the quality check (ingest {ingest_id}).",
    }
