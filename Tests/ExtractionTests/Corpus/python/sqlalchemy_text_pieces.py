# Sources (SQLAlchemy Core / SQLModel code found with find_string '.where(text("'; excerpts
# verbatim, concatenated; the index did not return the repository names):
#   1. a FastAPI property-listing router (index id 3040039633) — get_all_properties;
#   2. a product-attribute validator (index id 19031752903) — _get_allowable_values (first part),
#      placed in `class AttributeValidator` (class name invented);
#   3. a Spanish "explainer" repository over Azure SQL/SQLite (index id 62886628723) —
#      SqlAlchemyExplainerRepository, complete;
#   4. a profile edit-token dependency (index id 55559764048) — the tail of the function; its
#      header was cut in the excerpt and is restored as `def get_profile_for_edit(token,
#      x_edit_token, authorization, session)` (name and first parameters invented);
#   5. a root-phenotyping stats endpoint (index id 52488832198) — one block, wrapped in
#      `def _images_phenotyped(db, rid)` so that it stands alone (wrapper name invented);
#   6. a hybrid-retrieval search service (index id 70331782423) — the Postgres branch, wrapped in
#      `def _rank(self, session, filters, vector, query)` (wrapper name invented);
#   7. a receipts weekly-report check script (index id 59427276853) — the "closest receipts"
#      block, wrapped in `async def _closest(session, week_start)` (wrapper name invented);
#   8. a k6 load-test user script with Chinese docstring (index id 60426335578) — main();
#   9. a Korean SQLAlchemy tutorial (index id 7699134388) — the text() section, wrapped in
#      `def text_examples(conn)` (wrapper name invented);
#  10. a "cookies" SQLAlchemy tutorial (index id 53646034783) — its commented-out raw query only.
# Classes: fragments (text() handed to .where() / .order_by() / and_() / select([...]):
#          full-text @@ conditions with :binds, JSON ->> and json_extract conditions, IS NULL,
#          ORDER BY expressions with DESC, a select list), bare identifiers wrapped in text()
#          that are NOT labelled (select(text("value")), select_from(text("receipts")),
#          text("*"), text("id"), text("user")), static statements in text() (one split over
#          two adjacent literals; MySQL table `user`, which PostgreSQL rejects), :name binds,
#          decoys (HTTPException details "Edit token is required", "bearer " prefix test,
#          ilike(f"%{location}%"), print() report lines "TEST COMPLETE", Korean/Spanish
#          comments, SQL inside a # comment).
from sqlalchemy import select, text, and_, bindparam, String, func


# ---- 1. property listing ----

@router.get("", response_model=List[PropertyPublicResponse])
async def get_all_properties(
    db: AsyncSession = Depends(get_db),
    location: Optional[str] = None,
    min_price: Optional[Decimal] = None,
    max_price: Optional[Decimal] = None,
    amenities: Optional[List[str]] = Query(None),
    search: Optional[str] = None,
    offset: int = 0,
    limit: int = 20
):
    query = select(Property).where(Property.status == PropertyStatus.APPROVED)

    if search and db.bind.dialect.name != "sqlite":
        query = query.where(text("to_tsvector('english', title || ' ' || description) @@ to_tsquery('english', :search_query)").bindparams(search_query=search))  # expect: fragment
    if location:
        query = query.where(Property.location.ilike(f"%{location}%"))
    if min_price:
        query = query.where(Property.price >= min_price)
    if max_price:
        query = query.where(Property.price <= max_price)
    if amenities:
        query = query.where(Property.amenities.contains(amenities))

    query = query.offset(offset).limit(limit)
    result = await db.execute(query)
    return result.scalars().all()


# ---- 2. allowable values ----

class AttributeValidator:
    def _get_allowable_values(self, session: Session, attribute_key: str) -> list[str]:
        """Get allowable values for an attribute."""
        # Get values from category-specific rules
        category_values = list(session.scalars(
            select(text("value")).select_from(text("raw_category_allowable_values"))
            .where(text("attribute_key = :attribute_key"))  # expect: fragment
            .params(attribute_key=attribute_key)
        ).all())
        
        # Get values from global rules
        global_values = list(session.scalars(
            select(text("value")).select_from(text("raw_attribute_allowable_values_applicable_in_every_category"))
            .where(text("attribute_key = :attribute_key"))  # expect: fragment
            .params(attribute_key=attribute_key)
        ).all())
        
        # Get values from any-category rules
        any_category_values = list(session.scalars(
            select(text("value")).select_from(text("raw_attribute_allowable_values_in_any_category"))
            .where(text("attribute_key = :attribute_key"))  # expect: fragment
            .params(attribute_key=attribute_key)
        ).all())


# ---- 3. explainer repository ----

class SqlAlchemyExplainerRepository:
    """
    Implementación contra SQLAlchemy (Azure SQL en producción,
    SQLite en tests). La columna `explicacion_texto` se añade al
    esquema de la tabla `caso` en explainer/schema_patch.sql.
    """

    def __init__(self, session: Session) -> None:
        self._session = session

    def get_cases_pending_explanation(self, limit: int = 50) -> list[Caso]:
        """
        Devuelve los casos con `explicacion_texto` NULL: son los que se
        abrieron mientras el explicador estaba inactivo, o recién creados.
        Al restablecerse el componente, este método los recupera todos y
        garantiza que ninguno quede sin explicación indefinidamente.
        """
        stmt = (
            select(Caso)
            .where(text("explicacion_texto IS NULL"))  # expect: fragment
            .limit(limit)
            .order_by(Caso.fecha_apertura)
        )
        return list(self._session.execute(stmt).scalars().all())

    def save_explanation(self, case_id: str, explanation_text: str) -> None:
        caso = self._session.get(Caso, case_id)
        if caso is None:
            raise ValueError(f"Caso '{case_id}' no encontrado al guardar explicación")
        caso.explicacion_texto = explanation_text  # type: ignore[attr-defined]
        self._session.commit()

    def get_case(self, case_id: str) -> Caso | None:
        return self._session.get(Caso, case_id)

    def close(self) -> None:
        self._session.close()


# ---- 4. edit-token dependency ----

def get_profile_for_edit(
    token: Optional[str] = None,
    x_edit_token: Optional[str] = Header(None),
    authorization: Optional[str] = Header(None),
    session: Session = Depends(get_session)
):
    # Try query parameter first, then custom header, then Authorization header
    token_str = token
    if not token_str:
        if x_edit_token:
            token_str = x_edit_token
        elif authorization:
            if authorization.lower().startswith("bearer "):
                token_str = authorization[7:].strip()
            else:
                token_str = authorization.strip()

    if not token_str:
        raise HTTPException(status_code=401, detail="Edit token is required")

    try:
        uuid_token = uuid.UUID(token_str)
    except ValueError:
        raise HTTPException(status_code=401, detail="Invalid token format")

    from sqlalchemy import text
    profile = session.exec(
        select(Profile).where(text("edit_token = :token")).params(token=str(uuid_token))  # expect: fragment
    ).first()

    if not profile:
        raise HTTPException(status_code=401, detail="Invalid edit token")

    return {"username": profile.username}


# ---- 5. phenotyping stats ----

def _images_phenotyped(db, rid):
    images_phenotyped = 0
    if db is not None:
        try:
            q = select(func.count(func.distinct(AnalysisRow.filename))).where(AnalysisRow.filename != "")
            if rid:
                if is_postgres():
                    q = q.where(text("(extra->'meta'->>'run_id') = :rid")).params(rid=rid)  # expect: fragment
                else:
                    q = q.where(text("json_extract(extra, '$.meta.run_id') = :rid")).params(rid=rid)  # expect: fragment
            images_phenotyped = int(db.execute(q).scalar_one())
        except Exception:
            images_phenotyped = 0
    return images_phenotyped


# ---- 6. hybrid retrieval ----

def _rank(self, session, filters, vector, query):
                if self.db.is_postgres:
                    # Both rankers apply authorization and version constraints before ranking.
                    dense = session.scalars(
                        select(Document)
                        .where(*filters)
                        .order_by(Document.vector.cosine_distance(vector))
                        .limit(30)
                    ).all()
                    lexical = session.scalars(
                        select(Document)
                        .where(*filters)
                        .where(text("to_tsvector('english', content) @@ plainto_tsquery('english', :query)"))  # expect: fragment
                        .order_by(
                            text(
                                "ts_rank_cd(to_tsvector('english', content), plainto_tsquery('english', :query)) DESC"  # expect: fragment
                            )
                        )
                        .params(query=query)
                        .limit(30)
                    ).all()


# ---- 7. receipts report check ----

async def _closest(session, week_start):
            print("✗ No receipts found for previous week")
            print()

            # Check closest receipts
            result = await session.execute(
                select(text("*"))
                .select_from(text("receipts"))
                .where(text("receipt_datetime IS NOT NULL"))  # expect: fragment
                .order_by(text("ABS(EXTRACT(EPOCH FROM (receipt_datetime - :week_start)))"))  # expect: fragment
                .limit(5)
                .params(week_start=week_start)
            )
            nearby_rows = result.fetchall()

            if nearby_rows:
                print("Closest receipts:")
                for i, row in enumerate(nearby_rows, 1):
                    receipt_dt = row[5]
                    if receipt_dt:
                        days_diff = (receipt_dt.date() - week_start.date()).days
                        print(f"{i:2d}. {receipt_dt.date()} ({days_diff:+d} days from week start)")
                        print(f"    Merchant: {row[3]}, Total: {row[12]:,} VND")

            print()
            print("=" * 80)
            print("TEST COMPLETE")
            print("=" * 80)


# ---- 8. k6 perf user ----

USERNAME = "perf_k6"
PASSWORD = "PerfK62026!"
ROLE = "domain_admin"  # 可读 metric-definitions + 可触发发布类端点


async def main() -> None:
    async with async_session_factory() as s:
        existing = await s.execute(
            select(text("id")).select_from(text("user")).where(text("username=:u")),  # expect: fragment
            {"u": USERNAME},
        )
        if existing.scalar():
            print(f"用户已存在: {USERNAME}")
        else:
            await s.execute(
                text(
                    "INSERT INTO user (email, username, display_name, role, password_hash, status, org_id, created_at, updated_at) "  # expect: static
                    "VALUES (:email, :username, :display_name, :role, :ph, 'active', 1, NOW(), NOW())"
                ),
                {
                    "email": f"{USERNAME}@unisense.local",
                    "username": USERNAME,
                    "display_name": "Perf K6",
                    "role": ROLE,
                    "ph": await hash_password(PASSWORD),
                },
            )
            await s.commit()


# ---- 9. text() tutorial ----

def text_examples(conn):
    from sqlalchemy import text
    t = text("SELECT * FROM students")  # expect: static
    result = conn.execute(t)
    [print(row) for row in result]

    from sqlalchemy.sql import text
    s = text("select students.name, students.lastname from students where students.name between :x and :y")  # expect: static
    result = conn.execute(s, x='A', y='L').fetchall()
    [print(row) for row in result]

    # text () 구문은 TextClause.bindparams () 메서드를 사용하여 미리 설정된 바운드 값을 지원
    stmt = text("SELECT * FROM students WHERE students.name BETWEEN :x AND :y")  # expect: static

    stmt = stmt.bindparams(
        bindparam("x", type_=String),
        bindparam("y", type_=String)
    )

    result = conn.execute(stmt, {"x": "A", "y": "L"})
    [print(row) for row in result]

    # and_ () 함수를 사용하여 text () 함수의 도움으로 작성된 WHERE 절에서 여러 조건을 결합 할 수도 있습니다 .
    from sqlalchemy import and_
    from sqlalchemy.sql import select

    # expect-next: fragment
    s = select([text("* from students")]) \
        .where(
        and_(
            text("students.name between :x and :y"),  # expect: fragment
            text("students.id>2")  # expect: fragment
        )
    )
    result = conn.execute(s, x='A', y='L').fetchall()
    [print(row) for row in result]


# ---- 10. cookies tutorial (comment only) ----

#raw query
# stmt = select([users]).where(text("username='cookiemon'"))
# print(connection.execute(stmt).fetchall())
