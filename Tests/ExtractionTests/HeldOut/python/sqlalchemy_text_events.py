# Source: SQLAlchemy 2 async apps found with find_string "await session.execute(text(":
# an event store (id 31824421, excerpt verbatim: _ensure_table, _create_partitions, store_event,
# query_events, cleanup_old_events), an admin stats route (id 51879296041), health checks
# (ids 56297469301, 25727047036), a schema browser (id 54535108741), a test (id 69343009126).
# Repository names not returned.
# Classes: text("...") and text(\n"..."\n), f-string DDL/DML with {self.table_name} (dynamic),
#          MySQL-style INDEX inside CREATE TABLE (other dialect, dynamic), PARTITION OF,
#          :name binds, conditions appended to a list (fragments), " AND ".join, "1=1",
#          short SELECT 1, decoys (Chinese log texts, f-string log messages, dict keys).
import json
from datetime import datetime, timedelta
from sqlalchemy import text
from sqlalchemy.ext.asyncio import AsyncSession


class EventStore:
    """事件存储器"""

    def __init__(self):
        self.table_name = "behavior_events"
        self._ensure_table_created = False

    async def _ensure_table(self):
        """确保事件表存在"""
        if self._ensure_table_created:
            return
        try:
            async with get_db_session() as session:
                # 创建事件表
                # expect-next: dynamic
                create_table_sql = f"""
                CREATE TABLE IF NOT EXISTS {self.table_name} (
                    event_id VARCHAR(36) PRIMARY KEY,
                    session_id VARCHAR(36) NOT NULL,
                    user_id VARCHAR(255) NOT NULL,
                    event_type VARCHAR(50) NOT NULL,
                    event_name VARCHAR(255) NOT NULL,
                    event_data JSONB,
                    context JSONB,
                    timestamp TIMESTAMP WITH TIME ZONE NOT NULL,
                    duration_ms INTEGER,
                    created_at TIMESTAMP WITH TIME ZONE DEFAULT CURRENT_TIMESTAMP,

                    -- 创建索引
                    INDEX idx_{self.table_name}_user_id (user_id),
                    INDEX idx_{self.table_name}_session_id (session_id),
                    INDEX idx_{self.table_name}_composite (user_id, timestamp DESC)
                );
                """

                await session.execute(text(create_table_sql))
                await session.commit()
                await self._create_partitions(session)
                self._ensure_table_created = True
                logger.info(f"事件表 {self.table_name} 创建完成")
        except Exception as e:
            logger.error(f"创建事件表失败: {e}")
            raise

    async def _create_partitions(self, session: AsyncSession):
        """创建分区表"""
        try:
            current_date = datetime.utcnow()
            for month_offset in range(0, 3):  # 当前月、下月、下下月
                target_date = current_date.replace(day=1) + timedelta(days=32 * month_offset)
                target_date = target_date.replace(day=1)

                partition_name = f"{self.table_name}_{target_date.strftime('%Y_%m')}"
                start_date = target_date
                end_date = (target_date + timedelta(days=32)).replace(day=1)

                # expect-next: dynamic
                partition_sql = f"""
                CREATE TABLE IF NOT EXISTS {partition_name} 
                PARTITION OF {self.table_name}
                FOR VALUES FROM ('{start_date.isoformat()}') TO ('{end_date.isoformat()}');
                """

                await session.execute(text(partition_sql))
        except Exception as e:
            logger.warning(f"创建分区失败(可能已存在): {e}")

    async def store_event(self, event) -> bool:
        """存储单个事件"""
        await self._ensure_table()
        try:
            async with get_db_session() as session:
                # expect-next: dynamic
                insert_sql = f"""
                INSERT INTO {self.table_name} (
                    event_id, session_id, user_id, event_type, event_name,
                    event_data, context, timestamp, duration_ms
                ) VALUES (
                    :event_id, :session_id, :user_id, :event_type, :event_name,
                    :event_data, :context, :timestamp, :duration_ms
                )
                """

                await session.execute(text(insert_sql), {
                    'event_id': event.event_id,
                    'session_id': event.session_id,
                    'user_id': event.user_id,
                    'event_type': event.event_type.value,
                    'event_name': event.event_name,
                    'event_data': json.dumps(event.event_data),
                    'context': json.dumps(event.context),
                    'timestamp': event.timestamp,
                    'duration_ms': event.duration_ms
                })
                await session.commit()
                return True
        except Exception as e:
            logger.error(f"存储事件失败: {e}")
            return False

    async def query_events(self, filter_params):
        """查询事件"""
        await self._ensure_table()
        try:
            async with get_db_session() as session:
                where_conditions = []
                params = {}

                if filter_params.user_id:
                    where_conditions.append("user_id = :user_id")  # expect: fragment
                    params['user_id'] = filter_params.user_id

                if filter_params.event_types:
                    event_types = [et.value for et in filter_params.event_types]
                    where_conditions.append("event_type = ANY(:event_types)")  # expect: fragment
                    params['event_types'] = event_types

                if filter_params.start_time:
                    where_conditions.append("timestamp >= :start_time")  # expect: fragment
                    params['start_time'] = filter_params.start_time

                where_clause = " AND ".join(where_conditions) if where_conditions else "1=1"  # expect: fragment

                # 查询总数
                # expect-next: dynamic
                count_sql = f"""
                SELECT COUNT(*) as total
                FROM {self.table_name}
                WHERE {where_clause}
                """

                count_result = await session.execute(text(count_sql), params)
                total_count = count_result.scalar()

                # 查询数据
                # expect-next: dynamic
                query_sql = f"""
                SELECT 
                    event_id, session_id, user_id, event_type, event_name,
                    event_data, context, timestamp, duration_ms, created_at
                FROM {self.table_name}
                WHERE {where_clause}
                ORDER BY timestamp DESC
                LIMIT :limit OFFSET :offset
                """

                params.update({
                    'limit': filter_params.limit,
                    'offset': filter_params.offset
                })
                result = await session.execute(text(query_sql), params)
                return [dict(row._mapping) for row in result], total_count
        except Exception as e:
            logger.error(f"查询事件失败: {e}")
            return [], 0

    async def cleanup_old_events(self, retention_days: int = 30) -> int:
        """清理过期事件"""
        await self._ensure_table()
        try:
            cutoff_date = datetime.utcnow() - timedelta(days=retention_days)
            async with get_db_session() as session:
                # expect-next: dynamic
                delete_sql = f"""
                DELETE FROM {self.table_name}
                WHERE timestamp < :cutoff_date
                """
                result = await session.execute(text(delete_sql), {'cutoff_date': cutoff_date})
                deleted_count = result.rowcount
                await session.commit()
                logger.info(f"清理了{deleted_count}个过期事件(早于{cutoff_date.isoformat()})")
                return deleted_count
        except Exception as e:
            logger.error(f"清理过期事件失败: {e}")
            return 0


async def get_admin_stats(session: AsyncSession = Depends(get_session)):
    """Admin monitoring: pipeline stats, paper state distribution, analysis coverage, job health."""
    from sqlalchemy import text

    # Paper state distribution
    states = (await session.execute(text(
        "SELECT state, count(*) FROM papers GROUP BY state ORDER BY count(*) DESC"  # expect: static
    ))).fetchall()

    # Analysis coverage
    total_papers = (await session.execute(text("SELECT count(*) FROM papers"))).scalar()  # expect: static
    l4_count = (await session.execute(text(
        "SELECT count(DISTINCT paper_id) FROM paper_analyses WHERE level = 'l4_deep' AND is_current = true"  # expect: static
    ))).scalar()
    dc_count = (await session.execute(text(
        "SELECT count(*) FROM delta_cards WHERE status = 'published'"  # expect: static
    ))).scalar()
    return {"states": dict(states), "total": total_papers, "l4": l4_count, "cards": dc_count}


async def check_database_connection() -> bool:
    """Verify database connectivity."""
    try:
        async with AsyncSessionLocal() as session:
            await session.execute(text("SELECT 1"))  # expect: static
        return True
    except Exception as e:
        logger.error(f"Database connection failed: {e}")
        return False


class SchemaBrowser:
    async def execute_sql(self, sql: str, params=None):
        """执行 SQL 查询并返回结果。"""
        async with self._session_factory() as session:
            result = await asyncio.wait_for(
                session.execute(text(sql), params or {}),
                timeout=self.query_timeout,
            )
            rows = result.mappings().fetchmany(self.max_rows)
            return [dict(row) for row in rows]

    async def list_tables(self) -> list[str]:
        """列出数据库中所有表。"""
        async with self._session_factory() as session:
            result = await session.execute(text(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"  # expect: static
            ))
            return [row[0] for row in result.fetchall()]

    async def list_schemas(self) -> list[str]:
        """List all schemas in the CockroachDB database."""
        async with self._session_factory() as session:
            result = await session.execute(text(
                "SELECT schema_name FROM information_schema.schemata ORDER BY schema_name"  # expect: static
            ))
            return [row[0] for row in result.fetchall()]


async def test_manual_override_with_audit_trail(maker, marker):
    async with maker() as session:
        target_id = (
            await session.execute(text("SELECT id FROM symbols WHERE symbol = 'فولاد' LIMIT 1"))  # expect: static
        ).scalar_one()
        audit = (
            await session.execute(
                text("SELECT action, actor FROM audit_logs WHERE entity_id = :e AND entity_type='news_tag_symbol_map'"),  # expect: static
                {"e": marker},
            )
        ).first()
        assert audit.action == "manual_set"
