# Source: sarzz2/fastapi-asyncpg-template — api/apps/user/v0/dao/user.py, api/apps/user/v0/dao/role.py;
# YuriFontella/litestar-asyncpg — src/infrastructure/database/queries/teams.py, src/controllers/users.py.
# Excerpts verbatim (docstrings shortened), concatenated.
# Classes: wrappers (self.db.fetch / self.db.write / self.db.execute of the app's own DataBase
#          class), module-level query constants in lower case, triple-quoted literals, implicit
#          concatenation of adjacent literals, $n and $1::uuid[] placeholders, decoys (docstrings
#          that mention "Retrieve a user", Portuguese error text, cache keys).
import asyncio
from typing import List, Optional
from uuid import UUID

from api.core.cache import cache, cache_invalidate
from api.core.database import DataBase, get_db
from api.shared.redis_keys import RedisKeys


class UserDAO:
    """Data Access Object for user-related database operations."""

    def __init__(self, db: DataBase):
        self.db = db

    async def get_by_username(self, username: str) -> Optional[UserInDB]:
        """
        Retrieve a user by username.
        """
        # expect-next: static
        query = """
              SELECT * FROM users WHERE username = $1
        """
        # Use database layer's built-in model conversion
        return await self.db.fetch(query, username, model=UserInDB, fetch_row=True)

    async def create_user(self, user_data, hashed_password: str) -> UserInDB:
        """
        Create a new user in the database.
        """
        # expect-next: static
        query = """
			INSERT INTO users (username, email, hashed_password, full_name, is_active)
			VALUES ($1, $2, $3, $4, $5)
			RETURNING *
		"""
        params = (
            user_data.username,
            user_data.email,
            hashed_password,
            user_data.full_name,
            user_data.is_active,
        )
        return await self.db.write(query, *params, model=UserInDB)


class RoleDAO:
    """Data Access Object for role-related database operations."""

    def __init__(self, db: DataBase):
        self.db = db

    @cache(key_pattern=RedisKeys.ROLE_FIELD_ALL, hash_key=RedisKeys.ROLES_CACHE, model=RoleData)
    async def get_all_roles(self) -> List[RoleData]:
        """
        Retrieve all roles with their permissions.
        """
        # expect-next: static
        query = """
            SELECT
                r.id,
                r.name,
                r.description,
                r.created_at,
                r.updated_at,
                COALESCE(
                    json_agg(
                        json_build_object(
                            'id', p.id,
                            'name', p.name,
                            'description', p.description,
                            'created_at', p.created_at
                        )
                    ) FILTER (WHERE p.id IS NOT NULL), '[]'
                ) as permissions
            FROM roles r
            LEFT JOIN role_permissions rp ON r.id = rp.role_id
            LEFT JOIN permissions p ON rp.permission_id = p.id
            GROUP BY r.id
        """
        records = await self.db.fetch(query, fetch_row=False)
        if records is None:
            records = []
        return [RoleData.model_validate(dict(record)) for record in records]

    async def get_role_by_name(self, name: str) -> Optional[RoleData]:
        """
        Get a role by name.
        """
        # expect-next: static
        query = """
            SELECT
                r.*,
                COALESCE(
                    json_agg(
                        json_build_object(
                            'id', p.id,
                            'name', p.name
                        )
                    ) FILTER (WHERE p.id IS NOT NULL), '[]'
                ) as permissions
            FROM roles r
            LEFT JOIN role_permissions rp ON r.id = rp.role_id
            LEFT JOIN permissions p ON rp.permission_id = p.id
            WHERE r.name = $1
            GROUP BY r.id
        """
        record = await self.db.fetch(query, name, model=RoleData, fetch_row=True)
        return record

    @cache_invalidate(key_pattern=RedisKeys.ROLE_FIELD_ALL, hash_key=RedisKeys.ROLES_CACHE)
    async def create_role(self, role_create: RoleCreate) -> RoleData:
        """
        Create a new role.
        """
        # 1. Create Role
        # expect-next: static
        query_role = """
            INSERT INTO roles (name, description)
            VALUES ($1, $2)
            RETURNING *
        """
        role_record = await self.db.write(query_role, role_create.name, role_create.description, model=RoleData)
        role_id = role_record.id

        # 2. Assign Permissions
        if role_create.permission_ids:
            values = [(role_id, pid) for pid in role_create.permission_ids]
            await self.db.execute(
                "INSERT INTO role_permissions (role_id, permission_id) SELECT * FROM UNNEST($1::uuid[], $2::uuid[])",  # expect: static
                [v[0] for v in values],
                [v[1] for v in values],
            )

        role = await self._get_role_by_id(role_id)
        if not role:
            raise ValueError("Failed to fetch created role")
        return role

    async def update_role(self, role_id: UUID, role_update: RoleUpdate) -> Optional[RoleData]:
        """
        Update a role.
        """
        # 1. Update Role fields
        if role_update.name is not None or role_update.description is not None:
            # expect-next: static
            query_update = """
                UPDATE roles
                SET
                    name = COALESCE($1, name),
                    description = COALESCE($2, description),
                    updated_at = NOW()
                WHERE id = $3
                RETURNING *
            """
            await self.db.write(query_update, role_update.name, role_update.description, role_id, model=RoleData)

        # 2. Update Permissions if provided
        if role_update.permission_ids is not None:
            # Delete existing
            await self.db.execute("DELETE FROM role_permissions WHERE role_id = $1", role_id)  # expect: static
            # Insert new
            if role_update.permission_ids:
                values = [(role_id, pid) for pid in role_update.permission_ids]
                await self.db.execute(
                    "INSERT INTO role_permissions (role_id, permission_id) "  # expect: static
                    "SELECT * FROM UNNEST($1::uuid[], $2::uuid[])",
                    [v[0] for v in values],
                    [v[1] for v in values],
                )

        # 3. Invalidate tokens for users with this role
        await self.db.execute(  # expect-next: static
            """
            UPDATE users u
            SET token_version = u.token_version + 1
            FROM user_roles ur
            WHERE u.id = ur.user_id AND ur.role_id = $1
            """,
            role_id,
        )
        return await self._get_role_by_id(role_id)

    async def delete_role(self, role_id: UUID) -> None:
        """
        Delete a role and its associated permissions.
        """
        await asyncio.gather(
            self.db.execute("DELETE FROM role_permissions WHERE role_id = $1", role_id),  # expect: static
            self.db.execute("DELETE FROM roles WHERE id = $1", role_id),  # expect: static
            self.db.execute("UPDATE users SET token_version = token_version + 1 WHERE id = $1", role_id),  # expect: static
        )

    async def get_all_permissions(self) -> List[PermissionData]:
        """
        Retrieve all permissions.
        """
        query = "SELECT * FROM permissions"  # expect: static
        return await self.db.fetch(query, model=PermissionData, fetch_row=False)


# src/infrastructure/database/queries/teams.py
# expect-next: static
UPSERT_TEAM = """
    insert into teams (name, price, protocol, owner)
    values ($1, $2, $3, $4)
    on conflict (name)
    do update set price = excluded.price
    returning id
"""

# expect-next: static
LIST_TEAMS = """
    select * from teams
"""

# expect-next: static
LIST_PLAYERS_BY_TEAM = """
    select * from players where team_id = $1
"""


# src/controllers/users.py
async def create_user(data, db_connection) -> bool:
    # expect-next: static
    query = """
        select email
        from users
        where email = $1
    """
    record = await db_connection.fetchrow(query, data.email)

    if record:
        raise HTTPException(detail='Já existe um cadastro com esse e-mail', status_code=400)

    password = bcrypt.hashpw(data.password.encode('utf-8'), bcrypt.gensalt(10))

    # expect-next: static
    query = """
        insert into users (name, email, password) values ($1, $2, $3)
    """
    await db_connection.execute(
        query,
        data.name,
        data.email,
        password.decode('utf-8')
    )

    return True
