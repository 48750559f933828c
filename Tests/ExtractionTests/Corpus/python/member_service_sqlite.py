# -*- coding: utf-8 -*-
# Source: find_string / read_file index id 55396067644 (a Chinese desktop app's member service,
# core/member service layer over SQLite via core.database.get_conn; repository not returned).
# Classes: conditions appended to a list then " AND ".join (fragments), sql += WHERE/ORDER BY/LIMIT
# pieces (dynamic, pieces unlabelled), UPDATE ... SET built from changed fields (SET assignments in
# a list = fragments, f-string UPDATE = dynamic), triple-quoted statements (expect-next), SQLite
# AUTOINCREMENT (hard), decoys (msg texts, print, f-string messages).
# Adaptations: the module docstring was shortened to a comment; the two cloud/user-sync helpers
# at the end, the __main__ block and the three `_sync_to_cloud(...)` calls (with their comments)
# were dropped. Code otherwise verbatim.
import csv
from datetime import datetime
from pathlib import Path
from core.paths import DATA_DIR
from core.database import get_conn

DB_FILE = Path(DATA_DIR) / "member.db"


def _get_conn():
    """获取数据库连接"""
    return get_conn("member.db")


def init_db():
    """初始化数据库表"""
    conn = _get_conn()  # expect-next: static
    conn.execute('''
        CREATE TABLE IF NOT EXISTS member (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            name TEXT NOT NULL,
            phone TEXT,
            email TEXT,
            level TEXT DEFAULT '体验',
            points INTEGER DEFAULT 0,
            rights TEXT,
            vip_expire TEXT,
            status TEXT DEFAULT '正常',
            created_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP,
            updated_at TIMESTAMP DEFAULT CURRENT_TIMESTAMP
        )
    ''')  # expect-next: static
    conn.execute('''
        CREATE INDEX IF NOT EXISTS idx_member_name ON member(name)
    ''')  # expect-next: static
    conn.execute('''
        CREATE INDEX IF NOT EXISTS idx_member_level ON member(level)
    ''')
    conn.commit()
    conn.close()


def add_member(name: str, phone: str = "", email: str = "",
               level: str = "体验", points: int = 0,
               rights: str = "", vip_expire: str = "",
               status: str = "正常") -> dict:
    """创建会员"""
    if not name:
        return {"ok": False, "msg": "会员姓名不能为空"}

    try:
        conn = _get_conn()
        now = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        cursor = conn.execute(  # expect-next: static
            """INSERT INTO member 
               (name, phone, email, level, points, rights, vip_expire, status, created_at, updated_at)
               VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
            (name, phone, email, level, points, rights, vip_expire, status, now, now)
        )
        member_id = cursor.lastrowid
        conn.commit()
        conn.close()

        # 同步到用户系统
        _sync_to_user_system(name, level)

        return {"ok": True, "msg": "会员创建成功", "id": member_id}
    except Exception as e:
        return {"ok": False, "msg": str(e)}


def get_members(keyword: str = "", level: str = "", status: str = "",
                limit: int = 1000) -> list:
    """查询会员列表"""
    conn = _get_conn()  # expect-next: dynamic
    sql = """SELECT id, name, phone, email, level, points, rights, vip_expire, status, created_at
             FROM member"""
    params = []
    conditions = []

    if keyword:
        conditions.append("(name LIKE ? OR phone LIKE ?)")  # expect: fragment
        params.extend([f"%{keyword}%", f"%{keyword}%"])
    if level:
        conditions.append("level = ?")  # expect: fragment
        params.append(level)
    if status:
        conditions.append("status = ?")  # expect: fragment
        params.append(status)

    if conditions:
        sql += " WHERE " + " AND ".join(conditions)
    sql += " ORDER BY id DESC LIMIT ?"
    params.append(limit)

    rows = conn.execute(sql, params).fetchall()
    conn.close()
    return [dict(r) for r in rows]


def get_member_by_id(member_id: int) -> dict:
    """根据ID查询会员"""
    conn = _get_conn()
    row = conn.execute(
        "SELECT * FROM member WHERE id = ?",  # expect: static
        (member_id,)
    ).fetchone()
    conn.close()
    return dict(row) if row else None


def update_member(member_id: int, name: str = None, phone: str = None,
                  email: str = None, level: str = None, points: int = None,
                  rights: str = None, vip_expire: str = None,
                  status: str = None) -> dict:
    """更新会员"""
    try:
        conn = _get_conn()
        updates = []
        params = []

        if name is not None:
            updates.append("name = ?")  # expect: fragment
            params.append(name)
        if phone is not None:
            updates.append("phone = ?")  # expect: fragment
            params.append(phone)
        if email is not None:
            updates.append("email = ?")  # expect: fragment
            params.append(email)
        if level is not None:
            updates.append("level = ?")  # expect: fragment
            params.append(level)
        if points is not None:
            updates.append("points = ?")  # expect: fragment
            params.append(points)
        if rights is not None:
            updates.append("rights = ?")  # expect: fragment
            params.append(rights)
        if vip_expire is not None:
            updates.append("vip_expire = ?")  # expect: fragment
            params.append(vip_expire)
        if status is not None:
            updates.append("status = ?")  # expect: fragment
            params.append(status)

        if not updates:
            return {"ok": False, "msg": "没有要更新的字段"}

        now = datetime.now().strftime("%Y-%m-%d %H:%M:%S")
        updates.append("updated_at = ?")  # expect: fragment
        params.append(now)
        params.append(member_id)

        sql = f"UPDATE member SET {', '.join(updates)} WHERE id = ?"  # expect: dynamic
        conn.execute(sql, params)
        conn.commit()
        conn.close()

        return {"ok": True, "msg": "会员更新成功"}
    except Exception as e:
        return {"ok": False, "msg": str(e)}


def delete_member(member_id: int) -> dict:
    """删除会员"""
    try:
        conn = _get_conn()
        conn.execute("DELETE FROM member WHERE id = ?", (member_id,))  # expect: static
        conn.commit()
        conn.close()
        return {"ok": True, "msg": "会员删除成功"}
    except Exception as e:
        return {"ok": False, "msg": str(e)}


def add_points(member_id: int, delta: int) -> dict:
    """增减积分"""
    try:
        conn = _get_conn()
        conn.execute(
            "UPDATE member SET points = points + ?, updated_at = ? WHERE id = ?",  # expect: static
            (delta, datetime.now().strftime("%Y-%m-%d %H:%M:%S"), member_id)
        )
        conn.commit()
        conn.close()
        return {"ok": True, "msg": f"积分更新成功 ({delta:+d})"}
    except Exception as e:
        return {"ok": False, "msg": str(e)}


def get_member_stats() -> dict:
    """获取会员统计"""
    conn = _get_conn()
    total = conn.execute("SELECT COUNT(*) FROM member").fetchone()[0]  # expect: static
    total_points = conn.execute("SELECT COALESCE(SUM(points), 0) FROM member").fetchone()[0]  # expect: static
    level_counts = conn.execute(
        "SELECT level, COUNT(*) as count FROM member GROUP BY level"  # expect: static
    ).fetchall()
    status_counts = conn.execute(
        "SELECT status, COUNT(*) as count FROM member GROUP BY status"  # expect: static
    ).fetchall()
    conn.close()

    return {
        "total": total,
        "total_points": total_points,
        "by_level": {r[0]: r[1] for r in level_counts},
        "by_status": {r[0]: r[1] for r in status_counts}
    }


def export_members() -> tuple:
    """导出所有会员 (headers, rows)"""
    conn = _get_conn()
    rows = conn.execute(  # expect-next: static
        """SELECT id, name, phone, email, level, points, rights, vip_expire, status, created_at
           FROM member ORDER BY id DESC"""
    ).fetchall()
    conn.close()

    headers = ["ID", "姓名", "电话", "邮箱", "等级", "积分", "权益", "VIP有效期", "状态", "注册时间"]
    return headers, rows


def import_members(data_list: list) -> dict:
    """批量导入会员"""
    try:
        conn = _get_conn()
        count = 0
        errors = []
        now = datetime.now().strftime("%Y-%m-%d %H:%M:%S")

        for idx, item in enumerate(data_list, 1):
            try:
                name = item.get("name", "").strip()
                if not name:
                    errors.append(f"第{idx}行: 会员姓名不能为空")
                    continue

                phone = item.get("phone", "").strip()
                email = item.get("email", "").strip()
                level = item.get("level", "体验").strip() or "体验"
                points = int(item.get("points", 0) or 0)
                rights = item.get("rights", "").strip()
                vip_expire = item.get("vip_expire", "").strip()
                status = item.get("status", "正常").strip() or "正常"

                conn.execute(  # expect-next: static
                    """INSERT INTO member 
                       (name, phone, email, level, points, rights, vip_expire, status, created_at, updated_at)
                       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    (name, phone, email, level, points, rights, vip_expire, status, now, now)
                )
                count += 1
            except Exception as e:
                errors.append(f"第{idx}行: {e}")

        conn.commit()
        conn.close()

        return {
            "ok": True,
            "msg": f"成功导入 {count} 条会员" + (f"，{len(errors)} 条失败" if errors else ""),
            "count": count,
            "errors": errors
        }
    except Exception as e:
        return {"ok": False, "msg": f"导入失败: {e}"}
