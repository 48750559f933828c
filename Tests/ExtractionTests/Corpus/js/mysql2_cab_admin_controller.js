// Source: admin controller of a cab/taxi booking backend ("Backend-node", Express + mysql2
//   promise pool) (the index gave no repository name; open it with read_file id=66463809703).
//   Excerpt of a 90 000-character file: the helpers adminId/positiveId, profile, updateProfile,
//   uploadProfilePhoto, removeProfilePhoto, dashboard, uploadDriverPhoto, saveAdminUser,
//   activate/deactivateAdminUser, listAuditLogs, saveAdminRole, listPermissions, as found.
// Classes: mysql2 pool.execute / connection.execute / connection.query with `?` (static),
//   multi-line templates opening on the line after `pool.execute(` (expect-next appended to
//   that line), SET assignments in an array (`['name = ?', 'email = ?', …]`, `fields.push(…)`,
//   `` updates.push(`${field} = ?`) ``: fragments) joined into `UPDATE … SET ${…join(', ')}`
//   (dynamic), audit-log conditions pushed into an array and a `WHERE ${…}` piece in a variable
//   (fragments) spliced into two templates (dynamic), `IN (${ids.map(() => '?').join(',')})` and
//   multi-row `VALUES ${…map(() => '(?, ?)')…}` built in code (dynamic), a transaction on a
//   checked-out connection (beginTransaction/commit/rollback are driver calls, no SQL text),
//   SELECT … FOR UPDATE, MySQL `SUM(status = 'pending')`, `DATE(…)`, `CURRENT_TIMESTAMP`,
//   7-decoys (route strings `/api/v1/public/media/admin/${…}`, error texts "Admin user not
//   found.", 'ER_DUP_ENTRY', role name 'Super Admin', LIKE patterns `%${search}%`, bare field
//   lists ['name', 'email', 'phone', 'avatar_url'], '(?, ?)' tuples and 'NULL' inside holes).
// Adaptations: functions between removeProfilePhoto and dashboard and between dashboard and
//   uploadDriverPhoto were left out, as were getAdminUser, remote config and role getters;
//   require lines reduced to those the excerpt uses. `// expect-next:` labels were appended to
//   the lines before templates that open at the end of a line. No other line was changed.

const pool = require('../config/database');
const { success } = require('../utils/response');
const bcrypt = require('bcryptjs');

function adminId(req) {
  return Number(req.user.sub);
}

function positiveId(value, field = 'id') {
  const id = Number(value);
  if (!Number.isInteger(id) || id < 1) { const error = new Error(`${field} must be a positive integer.`); error.statusCode = 422; throw error; }
  return id;
}

async function profile(req, res) {
  const [rows] = await pool.execute( // expect-next: static
    `SELECT u.id, u.name, u.email, u.phone, u.avatar_url, u.role_id, r.name AS role_name
     FROM admin_users u INNER JOIN admin_roles r ON r.id = u.role_id
     WHERE u.id = ? AND u.is_active = 1 AND r.is_active = 1 LIMIT 1`, [adminId(req)]
  );
  if (!rows[0]) { const error = new Error('Admin account not found.'); error.statusCode = 404; throw error; }
  const [permissions] = await pool.execute( // expect-next: static
    `SELECT CONCAT(p.module, '.', p.action) AS permission
     FROM role_permissions rp INNER JOIN permissions p ON p.id = rp.permission_id
     WHERE rp.role_id = ? ORDER BY p.module, p.action`, [rows[0].role_id]
  );
  return success(res, {
    id: String(rows[0].id),
    name: rows[0].name,
    email: rows[0].email,
    phone: rows[0].phone,
    avatar_url: rows[0].avatar_url,
    role_id: String(rows[0].role_id),
    role_name: rows[0].role_name,
    permissions: permissions.map((row) => row.permission)
  });
}

async function updateProfile(req, res) {
  const fields = ['name', 'email', 'phone', 'avatar_url'];
  const updates = [];
  const values = [];
  for (const field of fields) {
    if (req.body[field] !== undefined) { updates.push(`${field} = ?`); values.push(req.body[field]); } // expect: fragment
  }
  if (!updates.length) { const error = new Error('No supported profile fields supplied.'); error.statusCode = 422; throw error; }
  values.push(adminId(req));
  await pool.execute(`UPDATE admin_users SET ${updates.join(', ')} WHERE id = ? AND is_active = 1`, values); // expect: dynamic
  return profile(req, res);
}

async function uploadProfilePhoto(req, res) {
  if (!req.file) { const error = new Error('An image file is required.'); error.statusCode = 422; throw error; }
  const publicPath = `/api/v1/public/media/admin/${req.file.filename}`;
  await pool.execute('UPDATE admin_users SET avatar_url = ? WHERE id = ? AND is_active = 1', [publicPath, adminId(req)]); // expect: static
  return profile(req, res);
}

async function removeProfilePhoto(req, res) {
  await pool.execute('UPDATE admin_users SET avatar_url = NULL WHERE id = ? AND is_active = 1', [adminId(req)]); // expect: static
  return profile(req, res);
}

async function dashboard(req, res) {
  const [[bookingRows], [driverRows], [customerRows], [enquiryRows]] = await Promise.all([ // expect-next: static
    pool.execute(`SELECT
      COUNT(*) AS total_bookings,
      SUM(status = 'pending') AS pending_bookings,
      SUM(DATE(created_at) = CURRENT_DATE) AS bookings_today
      FROM bookings`),
    pool.execute("SELECT COUNT(*) AS active_drivers FROM drivers WHERE is_active = 1 AND verification_status = 'approved'"), // expect: static
    pool.execute('SELECT COUNT(*) AS customers FROM customers WHERE is_active = 1'), // expect: static
    pool.execute("SELECT COUNT(*) AS enquiries FROM contact_enquiries WHERE status IN ('new', 'in_progress')") // expect: static
  ]);
  const booking = bookingRows[0] || {};
  return success(res, {
    total_bookings: Number(booking.total_bookings || 0),
    pending_bookings: Number(booking.pending_bookings || 0),
    active_drivers: Number(driverRows[0]?.active_drivers || 0),
    customers: Number(customerRows[0]?.customers || 0),
    bookings_today: Number(booking.bookings_today || 0),
    enquiries: Number(enquiryRows[0]?.enquiries || 0)
  });
}

async function uploadDriverPhoto(req, res) {
  const id = positiveId(req.params.driverId, 'driverId');
  if (!req.file) { const error = new Error('An image file is required.'); error.statusCode = 422; throw error; }
  const publicPath = `/api/v1/public/media/admin/${req.file.filename}`;
  const [result] = await pool.execute('UPDATE drivers SET profile_image_url = ? WHERE id = ?', [publicPath, id]); // expect: static
  if (!result.affectedRows) { const error = new Error('Driver not found.'); error.statusCode = 404; throw error; }
  return success(res, { photo_url: publicPath, profile_image_url: publicPath }, 'Driver photo updated.');
}

async function saveAdminUser(req, res) {
  const name = String(req.body.name || '').trim();
  const email = String(req.body.email || '').trim().toLowerCase();
  const roleId = Number(req.body.role_id);
  if (!name || !email || !Number.isInteger(roleId) || roleId < 1) {
    const error = new Error('name, email, and role_id are required.'); error.statusCode = 422; throw error;
  }
  const id = req.params.adminUserId ? positiveId(req.params.adminUserId, 'adminUserId') : null;
  const password = req.body.password == null ? '' : String(req.body.password);
  if (!id && password.length < 8) { const error = new Error('password must be at least 8 characters.'); error.statusCode = 422; throw error; }
  try {
    if (id) {
      const fields = ['name = ?', 'email = ?', 'phone = ?', 'role_id = ?']; // expect: fragment
      const values = [name, email, req.body.phone || null, roleId];
      if (password) { fields.push('password_hash = ?'); values.push(await bcrypt.hash(password, 12)); } // expect: fragment
      if (req.body.is_active !== undefined) { fields.push('is_active = ?'); values.push(req.body.is_active ? 1 : 0); } // expect: fragment
      values.push(id);
      const [result] = await pool.execute(`UPDATE admin_users SET ${fields.join(', ')}, updated_at = CURRENT_TIMESTAMP WHERE id = ?`, values); // expect: dynamic
      if (!result.affectedRows) { const error = new Error('Admin user not found.'); error.statusCode = 404; throw error; }
      return getAdminUser(req, res);
    }
    const [result] = await pool.execute(
      'INSERT INTO admin_users (role_id, name, email, phone, password_hash) VALUES (?, ?, ?, ?, ?)', // expect: static
      [roleId, name, email, req.body.phone || null, await bcrypt.hash(password, 12)],
    );
    req.params.adminUserId = result.insertId;
    return getAdminUser(req, res);
  } catch (error) {
    if (error.code === 'ER_DUP_ENTRY') { error.statusCode = 409; error.message = 'Admin email already exists.'; }
    throw error;
  }
}

async function activateAdminUser(req, res) {
  const id = positiveId(req.params.adminUserId, 'adminUserId');
  const [result] = await pool.execute('UPDATE admin_users SET is_active = 1 WHERE id = ?', [id]); // expect: static
  if (!result.affectedRows) { const error = new Error('Admin user not found.'); error.statusCode = 404; throw error; }
  return getAdminUser(req, res);
}

async function deactivateAdminUser(req, res) {
  const id = positiveId(req.params.adminUserId, 'adminUserId');
  if (id === adminId(req)) { const error = new Error('You cannot deactivate your own account.'); error.statusCode = 409; throw error; }
  const [result] = await pool.execute('UPDATE admin_users SET is_active = 0 WHERE id = ?', [id]); // expect: static
  if (!result.affectedRows) { const error = new Error('Admin user not found.'); error.statusCode = 404; throw error; }
  return getAdminUser(req, res);
}

async function listAuditLogs(req, res) {
  const page = Math.max(1, Number.parseInt(req.query.page, 10) || 1);
  const perPage = Math.min(500, Math.max(1, Number.parseInt(req.query.per_page, 10) || 25));
  const search = String(req.query.q || '').trim();
  const conditions = [];
  const params = [];
  if (search) {
    conditions.push('(a.action LIKE ? OR a.entity_type LIKE ? OR u.name LIKE ?)'); // expect: fragment
    params.push(`%${search}%`, `%${search}%`, `%${search}%`);
  }
  if (req.query.action) {
    conditions.push('a.action = ?'); // expect: fragment
    params.push(String(req.query.action));
  }
  if (req.query.entity_type) {
    conditions.push('a.entity_type = ?'); // expect: fragment
    params.push(String(req.query.entity_type));
  }
  const where = conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''; // expect: fragment
  const [[countRows], [rows]] = await Promise.all([
    pool.execute(`SELECT COUNT(*) AS total FROM audit_logs a LEFT JOIN admin_users u ON u.id = a.admin_user_id ${where}`, params), // expect: dynamic
    pool.execute( // expect-next: dynamic
      `SELECT a.id, a.action, a.entity_type, a.entity_id, a.old_values, a.new_values, a.ip_address, a.user_agent, a.created_at, u.name AS admin_name
       FROM audit_logs a LEFT JOIN admin_users u ON u.id = a.admin_user_id ${where}
       ORDER BY a.created_at DESC, a.id DESC LIMIT ? OFFSET ?`, [...params, perPage, (page - 1) * perPage]
    )
  ]);
  const total = Number(countRows[0]?.total || 0);
  return success(res, rows.map((row) => ({ ...row, id: String(row.id), entity_id: row.entity_id == null ? null : String(row.entity_id) })), 'Audit logs fetched.', 200, { page, per_page: perPage, total, total_pages: Math.ceil(total / perPage) });
}

async function saveAdminRole(req, res) {
  const name = String(req.body.name || '').trim();
  const description = req.body.description == null ? null : String(req.body.description).trim() || null;
  const permissionIds = Array.isArray(req.body.permission_ids)
    ? [...new Set(req.body.permission_ids.map((value) => Number(value)).filter((value) => Number.isInteger(value) && value > 0))]
    : [];
  if (name.length < 2) { const error = new Error('Role name must be at least 2 characters.'); error.statusCode = 422; throw error; }
  const id = req.params.roleId ? positiveId(req.params.roleId, 'roleId') : null;
  const connection = await pool.getConnection();
  try {
    await connection.beginTransaction();
    let isSuperAdmin = false;
    if (id) {
      const [existingRows] = await connection.execute('SELECT id, name FROM admin_roles WHERE id = ? LIMIT 1 FOR UPDATE', [id]); // expect: static
      if (!existingRows[0]) { const error = new Error('Admin role not found.'); error.statusCode = 404; throw error; }
      isSuperAdmin = existingRows[0].name === 'Super Admin';
      if (isSuperAdmin) {
        await connection.execute('UPDATE admin_roles SET description = ? WHERE id = ?', [description, id]); // expect: static
      } else {
        const [clashes] = await connection.execute('SELECT id FROM admin_roles WHERE name = ? AND id <> ? LIMIT 1', [name, id]); // expect: static
        if (clashes[0]) { const error = new Error('A role with this name already exists.'); error.statusCode = 409; throw error; }
        await connection.execute('UPDATE admin_roles SET name = ?, description = ? WHERE id = ?', [name, description, id]); // expect: static
      }
    } else {
      const [clashes] = await connection.execute('SELECT id FROM admin_roles WHERE name = ? LIMIT 1', [name]); // expect: static
      if (clashes[0]) { const error = new Error('A role with this name already exists.'); error.statusCode = 409; throw error; }
      const [result] = await connection.execute('INSERT INTO admin_roles (name, description, is_active) VALUES (?, ?, 1)', [name, description]); // expect: static
      req.params.roleId = result.insertId;
    }
    const roleId = id || Number(req.params.roleId);
    if (isSuperAdmin) {
      await connection.execute('DELETE FROM role_permissions WHERE role_id = ?', [roleId]); // expect: static
      const [allPermissions] = await connection.execute('SELECT id FROM permissions'); // expect: static
      permissionIds.splice(0, permissionIds.length, ...allPermissions.map((row) => Number(row.id)));
    } else {
      const [validPermissions] = await connection.execute(
        `SELECT id FROM permissions WHERE id IN (${permissionIds.length ? permissionIds.map(() => '?').join(',') : 'NULL'})`, permissionIds // expect: dynamic
      );
      if (validPermissions.length !== permissionIds.length) { const error = new Error('One or more permissions are invalid.'); error.statusCode = 422; throw error; }
      await connection.execute('DELETE FROM role_permissions WHERE role_id = ?', [roleId]); // expect: static
    }
    if (permissionIds.length) {
      await connection.query(
        `INSERT INTO role_permissions (role_id, permission_id) VALUES ${permissionIds.map(() => '(?, ?)').join(', ')}`, // expect: dynamic
        permissionIds.flatMap((permissionId) => [roleId, permissionId])
      );
    }
    await connection.commit();
    return getAdminRole({ ...req, params: { ...req.params, roleId } }, res);
  } catch (error) {
    await connection.rollback();
    throw error;
  } finally {
    connection.release();
  }
}

async function listPermissions(req, res) {
  const [rows] = await pool.execute('SELECT id, module, action, label FROM permissions ORDER BY module, action'); // expect: static
  return success(res, rows.map((row) => ({ ...row, id: String(row.id) })));
}
