# Sources (four Alembic migrations found with find_string 'op.execute("""'; excerpts verbatim,
# concatenated; the index did not return the repository names):
#   1. "Add role permissions table" (index id 83306047) — complete file;
#   2. "initial v3 schema" of an agent work-item service, Chinese comments (index id 54887296612) —
#      upgrade() trimmed to the extension, the trigger function, users, work_items (with its
#      indexes and trigger) and the final ALTER; tables run_attempts … memories are dropped;
#      downgrade() complete;
#   3. a category-type enum migration (index id 20633249137) — upgrade() only;
#   4. "followers/following counts" on profile (index id 68697724162) — complete upgrade/downgrade.
#   Module headers (docstring, imports, revision ids) kept once per source, renamed where two
#   would clash (upgrade_1 … upgrade_4, downgrade_…).
# Classes: wrappers (alembic op.execute with """ literals and one-line literals; a helper
#          table_exists() running text() over two adjacent literals), implicit concatenation of
#          adjacent literals (CREATE INDEX … " WHERE …" partial indexes; static, the second literal
#          carries no label), plpgsql function with $$, CREATE TRIGGER … EXECUTE FUNCTION,
#          ALTER … USING CASE with ::casts, :name bind in text(), decoys (print() messages
#          "Created role_permissions table", RuntimeError text about pg_dump, docstrings
#          "Upgrade schema.", op.add_column/op.drop_index/op.create_index names,
#          postgresql.ENUM("Income", "Expense"), server_default="0", revision identifiers).
from typing import Sequence, Union

from alembic import op
import sqlalchemy as sa
from sqlalchemy import text
from sqlalchemy.dialects import postgresql


# ---- 1. role_permissions ----
"""Add role permissions table

Revision ID: 010_add_role_permissions
Revises: 009_add_mfa_fields
Create Date: 2026-01-13

Adds a table to store customized role permissions,
allowing admins to modify the default permission matrix.
"""

revision = '010_add_role_permissions'
down_revision = '009_add_mfa_fields'
branch_labels = None
depends_on = None


def table_exists(connection, table_name):
    """Check if a table exists."""
    result = connection.execute(text(
        "SELECT table_name FROM information_schema.tables "  # expect: static
        "WHERE table_name = :table AND table_schema = 'public'"
    ), {"table": table_name})
    return result.fetchone() is not None


def upgrade_1() -> None:
    conn = op.get_bind()
    
    if not table_exists(conn, 'role_permissions'):
        # Use raw SQL to create table with existing userrole enum
        # expect-next: static
        op.execute("""
            CREATE TABLE role_permissions (
                id SERIAL PRIMARY KEY,
                role userrole NOT NULL,
                permissions JSONB NOT NULL DEFAULT '[]'::jsonb,
                created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
                updated_by INTEGER
            )
        """)
        op.execute("CREATE UNIQUE INDEX ix_role_permissions_role ON role_permissions (role)")  # expect: static
        print("Created role_permissions table")
    else:
        print("role_permissions table already exists")


def downgrade_1() -> None:
    op.drop_index('ix_role_permissions_role', table_name='role_permissions')
    op.drop_table('role_permissions')


# ---- 2. initial v3 schema ----
"""initial v3 schema — 6 张表 + 索引 + 触发器 + 循环 FK.

v3-design.md §5 / §5.1 / §5.2 是权威源。本 migration 把它原样落库。

Revision ID: 0001
Revises:
Create Date: 2026-05-16
"""


def upgrade_2():
    # pgvector ext
    op.execute("CREATE EXTENSION IF NOT EXISTS vector")  # expect: static

    # touch_updated_at trigger function (用于 work_items.updated_at)
    # expect-next: static
    op.execute("""
    CREATE OR REPLACE FUNCTION touch_updated_at() RETURNS TRIGGER AS $$
    BEGIN
      NEW.updated_at = now();
      RETURN NEW;
    END;
    $$ LANGUAGE plpgsql
    """)

    # 1. users
    # expect-next: static
    op.execute("""
    CREATE TABLE users (
      id              TEXT PRIMARY KEY,
      email           TEXT UNIQUE NOT NULL,
      display_name    TEXT NOT NULL,
      role            TEXT NOT NULL CHECK (role IN ('reader','writer','admin')),
      api_keys        JSONB NOT NULL DEFAULT '[]',
      author_aliases  JSONB NOT NULL DEFAULT '[]',
      projects        JSONB NOT NULL DEFAULT '[]',
      version         BIGINT NOT NULL DEFAULT 0,
      created_at      TIMESTAMPTZ NOT NULL DEFAULT now()
    )
    """)
    op.execute(
        "CREATE INDEX idx_users_api_keys_gin ON users USING gin (api_keys jsonb_path_ops)"  # expect: static
    )

    # 2. work_items (循环 FK 后面 ALTER 加)
    # expect-next: static
    op.execute("""
    CREATE TABLE work_items (
      id                  TEXT PRIMARY KEY,
      project             TEXT NOT NULL,
      scenario            TEXT NOT NULL,
      goal                TEXT NOT NULL,
      status              TEXT NOT NULL
                            CHECK (status IN ('queued','running','blocked','paused','wrapped','failed')),
      priority            TEXT NOT NULL DEFAULT 'normal'
                            CHECK (priority IN ('low','normal','high','urgent')),
      labels              JSONB NOT NULL DEFAULT '[]',
      reporter_user_id    TEXT NOT NULL REFERENCES users(id),
      current_attempt_id  TEXT,
      declared_resources  JSONB NOT NULL DEFAULT '[]',
      resources_version   BIGINT NOT NULL DEFAULT 0,
      external_share_type TEXT
                            CHECK (external_share_type IS NULL
                                  OR external_share_type IN ('jira','github')),
      external_share_key  TEXT,
      parent_work_item_id TEXT REFERENCES work_items(id),
      metadata            JSONB NOT NULL DEFAULT '{}',
      created_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
      updated_at          TIMESTAMPTZ NOT NULL DEFAULT now(),
      closed_at           TIMESTAMPTZ,
      CHECK (external_share_type IS NULL OR external_share_key IS NOT NULL)
    )
    """)
    op.execute("CREATE INDEX idx_wi_project_status ON work_items (project, status)")  # expect: static
    op.execute("CREATE INDEX idx_wi_reporter ON work_items (reporter_user_id)")  # expect: static
    op.execute(
        "CREATE INDEX idx_wi_share ON work_items (external_share_type, external_share_key)"  # expect: static
        " WHERE external_share_type IS NOT NULL"
    )
    op.execute(
        "CREATE INDEX idx_wi_declared_gin ON work_items USING gin (declared_resources jsonb_path_ops)"  # expect: static
    )
    op.execute(
        "CREATE INDEX idx_wi_parent ON work_items (parent_work_item_id)"  # expect: static
        " WHERE parent_work_item_id IS NOT NULL"
    )
    # expect-next: static
    op.execute("""
    CREATE TRIGGER trg_wi_updated_at BEFORE UPDATE ON work_items
      FOR EACH ROW EXECUTE FUNCTION touch_updated_at()
    """)

    # 循环 FK
    # expect-next: static
    op.execute("""
    ALTER TABLE work_items ADD CONSTRAINT fk_wi_current_attempt
      FOREIGN KEY (current_attempt_id) REFERENCES run_attempts(id) DEFERRABLE INITIALLY DEFERRED
    """)


def downgrade_2():
    """不写 downgrade — Phase 0 是 forward-only。"""
    raise RuntimeError("v3 0001 initial migration is forward-only; "
                       "use pg_dump+restore for rollback (design §17.3).")


# ---- 3. category type enum ----

def upgrade_3() -> None:
    """Upgrade schema."""
    # Drop constraints and index first
    op.drop_constraint(op.f("category_type_key"), "category", type_="unique")
    op.drop_index(op.f("ix_category_type"), table_name="category")

    # Create the enum type
    type_enum = postgresql.ENUM("Income", "Expense", name="type")
    type_enum.create(op.get_bind())

    # Convert column type using raw SQL with USING clause
    # expect-next: static
    op.execute("""
        ALTER TABLE category 
        ALTER COLUMN type TYPE type 
        USING CASE 
            WHEN type = 'Income' THEN 'Income'::type
            WHEN type = 'Expense' THEN 'Expense'::type
            ELSE 'Expense'::type
        END
    """)

    # Set column to not nullable
    op.alter_column("category", "type", nullable=False)

    # Create new index (non-unique)
    op.create_index(op.f("ix_category_type"), "category", ["type"], unique=False)


# ---- 4. profile follower counts ----

def upgrade_4() -> None:
    op.add_column("profile", sa.Column("followers_count", sa.Integer(),
                                       nullable=False, server_default="0"))
    op.add_column("profile", sa.Column("following_count", sa.Integer(),
                                       nullable=False, server_default="0"))
    # expect-next: static
    op.execute("""
        UPDATE profile p SET
            followers_count = (SELECT count(*) FROM user_connections uc
                               WHERE uc.following_id = p.users_id),
            following_count = (SELECT count(*) FROM user_connections uc
                               WHERE uc.follower_id = p.users_id)
    """)


def downgrade_4() -> None:
    op.drop_column("profile", "followers_count")
    op.drop_column("profile", "following_count")
