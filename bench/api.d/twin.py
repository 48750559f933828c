"""FastAPI twin of dbooster's GET /users/me, GET /projects and POST /auth/signup for bench/api.

It uses dbooster's own tables, roles and row-level security: every request runs in a transaction
as `dbooster_tenant` (or `dbooster_system` for sign-up) with the tenant settings applied
transaction-locally, as dbooster does. It accepts dbooster's access tokens (HS256, `sub` = user id).

Environment: DATABASE_URL, JWT_SECRET, TWIN_POOL_MAX (connections per worker, default 10).
Run: uvicorn twin:app --workers 2
"""

import asyncio
import os
import time
import uuid
from contextlib import asynccontextmanager

import asyncpg
import jwt
import orjson
from argon2 import PasswordHasher
from fastapi import FastAPI, Header, HTTPException, Request
from fastapi.responses import Response

JWT_SECRET = os.environ["JWT_SECRET"]
ACCESS_TOKEN_TTL = 900
# dbooster's production Argon2id parameters (OWASP minimum).
hasher = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1, hash_len=32, salt_len=16)


@asynccontextmanager
async def lifespan(app: FastAPI):
    app.state.pool = await asyncpg.create_pool(
        os.environ["DATABASE_URL"], min_size=2, max_size=int(os.environ.get("TWIN_POOL_MAX", "10"))
    )
    yield
    await app.state.pool.close()


app = FastAPI(lifespan=lifespan)


def json(value, status: int = 200) -> Response:
    # asyncpg's UUIDs are a subclass orjson does not know: `default=str` writes them as strings.
    return Response(orjson.dumps(value, default=str), status_code=status, media_type="application/json")


def user_id(authorization: str | None) -> str:
    """The user id of a valid bearer access token, else 401."""
    if not authorization or not authorization.lower().startswith("bearer "):
        raise HTTPException(401, "missing bearer token")
    try:
        claims = jwt.decode(
            authorization[7:].strip(), JWT_SECRET, algorithms=["HS256"], audience="dbooster-api",
            options={"require": ["sub", "exp", "iat", "jti", "aud"]},
        )
        return str(uuid.UUID(claims["sub"]))
    except (jwt.PyJWTError, ValueError):
        raise HTTPException(401, "The access token is invalid or expired.")


@app.get("/users/me")
async def me(request: Request, authorization: str | None = Header(None)):
    uid = user_id(authorization)
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "SELECT set_config('role', 'dbooster_tenant', true), set_config('app.user_id', $1, true),"
            " set_config('app.organization_id', '', true)",
            uid,
        )
        row = await connection.fetchrow(
            """
            SELECT u.id, u.email, u.full_name, u.picture, u.organization_id, m.role::text AS role, u.created_at,
                   u.github_token IS NOT NULL AS github_connected
            FROM users u
            LEFT JOIN memberships m ON m.organization_id = u.organization_id AND m.user_id = u.id
            WHERE u.id = $1::uuid
            """,
            uid,
        )
    if row is None:
        raise HTTPException(401, "This account no longer exists.")
    me = dict(row)
    if me["role"] is None:
        me["organization_id"] = None
    return json(me)


@app.get("/projects")
async def projects(request: Request, authorization: str | None = Header(None)):
    uid = user_id(authorization)
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.execute(
            "SELECT set_config('role', 'dbooster_tenant', true), set_config('app.user_id', $1, true),"
            " set_config('app.organization_id', '', true)",
            uid,
        )
        # The user's active organization, which they must still be a member of (any role reads projects).
        organization = await connection.fetchval(
            """
            SELECT m.organization_id FROM users u
            JOIN memberships m ON m.organization_id = u.organization_id AND m.user_id = u.id
            WHERE u.id = $1::uuid
            """,
            uid,
        )
        if organization is None:
            raise HTTPException(403, "You have no active organization.")
        await connection.execute("SELECT set_config('app.organization_id', $1, true)", str(organization))
        rows = await connection.fetch(
            "SELECT id, name, description, created_at, database_url IS NOT NULL AS has_database"
            " FROM projects ORDER BY created_at, id"
        )
    return json([dict(row) for row in rows])


@app.post("/auth/signup")
async def signup(request: Request):
    body = orjson.loads(await request.body())
    email, password = str(body["email"]).strip().lower(), str(body["password"])
    if "@" not in email or len(password) < 8:
        raise HTTPException(422, "invalid email or password")
    password_hash = await asyncio.to_thread(hasher.hash, password)  # off the event loop
    async with request.app.state.pool.acquire() as connection, connection.transaction():
        await connection.execute("SELECT set_config('role', 'dbooster_system', true)")
        try:
            uid = await connection.fetchval(
                "INSERT INTO users (email, full_name, password_hash) VALUES ($1, $2, $3) RETURNING id",
                email, body.get("full_name"), password_hash,
            )
        except asyncpg.UniqueViolationError:
            raise HTTPException(409, "An account with this email already exists.")
    now = int(time.time())
    token = jwt.encode(
        {"sub": str(uid), "iat": now, "exp": now + ACCESS_TOKEN_TTL, "jti": str(uuid.uuid4())},
        JWT_SECRET, algorithm="HS256",
    )
    return json({"access_token": token, "token_type": "bearer", "expires_in": ACCESS_TOKEN_TTL}, status=201)
