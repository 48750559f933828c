<?php
// Sources (plain PHP with PDO / mysqli, found with find_string '$sql .= " AND '; the index did
// not return the repository names):
//   1. a parent-teacher backend, models/attendance_model.php (index id 71614916171) — complete
//      file, unchanged apart from labels;
//   2. a university portal's admin/manage_admins.php (index id 40341543641) — the PHP part
//      verbatim, then the HTML page trimmed to its head, the search form and the delete script
//      (styles, the edit form and the table markup dropped);
//   3. a restaurant-reservation "Table" class (index id 7111310201) — getTablesByRestaurant,
//      placed in `class Table` (the class header is outside the excerpt);
//   4. a Dokeos/Chamilo course-classes page (index id 444491) — get_number_of_classes, complete;
//   5. a ThinkPHP admin controller (index id 32002920251) — the commented-out query building
//      in index(), inside `class UserController` (wrapper restored; the real method continues).
// Classes: wrappers ($pdo->prepare, $conn->prepare / ->query, $mysqli->query, the app's
//          Database::query($sql, __FILE__, __LINE__)), multi-line double-quoted literals opening
//          on the call line, MySQL-only syntax (ON DUPLICATE KEY UPDATE … VALUES(), backticks,
//          CAST(id AS CHAR)), dynamic ($sql .= " AND …" on a static start, sprintf("… '%s'"),
//          "…$course_class_table…" interpolation, "… '".$_SESSION[…]."'" concatenation; the
//          appended pieces carry no label), ? placeholders, decoys (SQL in doc comments "Uses SQL
//          SUM(CASE WHEN status='present' …)", session messages "Admin deleted successfully!",
//          HTML title "Manage Admins", JS confirm text, a whole query builder commented out with
//          //, bind_param type strings "sssssi").

// ---- 1. attendance model ----

// ============================================================
// Attendance Model Functions
// File: parent-teacher-backend/models/attendance_model.php
//
// 🎯 WHY THIS FILE EXISTS:
// Manages all roll-call attendance logging, daily attendance records,
// and automated percentage aggregate calculations.
//
// 💡 WHAT IT DOES:
// Calculates student attendance percentage, present vs absent days,
// records batch class roll-calls, and retrieves attendance history logs.
//
// ⚙️ HOW IT WORKS:
// Uses SQL Aggregate functions (COUNT, SUM, CASE WHEN, ROUND) executed
// via PDO Prepared Statements for high-performance statistical summaries.
// ============================================================

/**
 * Calculates summary attendance statistics for a specific student.
 *
 * WHY: Parent Dashboard & Progress report cards display live attendance %.
 * WHAT: Calculates total days, present days, absent days, and percentage.
 * HOW: Uses SQL SUM(CASE WHEN status='present' THEN 1 ELSE 0 END) aggregate.
 */
function getAttendanceSummaryStats($pdo, $studentId) {
    // 1. HOW: Prepare SQL aggregate query
    // expect-next: static
    $stmt = $pdo->prepare("
        SELECT 
            COUNT(*) as total_days,
            SUM(CASE WHEN status = 'present' THEN 1 ELSE 0 END) as present_days,
            SUM(CASE WHEN status = 'absent' THEN 1 ELSE 0 END) as absent_days,
            ROUND((SUM(CASE WHEN status = 'present' THEN 1 ELSE 0 END) / COUNT(*)) * 100, 1) as percentage
        FROM attendance
        WHERE student_id = ?
    ");
    // 2. HOW: Bind student ID safely and execute query
    $stmt->execute([(int)$studentId]);
    $res = $stmt->fetch();

    // 3. WHAT: Return structured associative array with type formatting
    return [
        'total_days'   => (int)($res['total_days'] ?? 0),
        'present_days' => (int)($res['present_days'] ?? 0),
        'absent_days'  => (int)($res['absent_days'] ?? 0),
        'percentage'   => (float)($res['percentage'] ?? 100.0)
    ];
}

/**
 * Records or updates attendance for a single student on a specific date.
 *
 * WHY: Teacher roll call screen logging.
 * WHAT: Inserts or updates attendance record for (student_id, date).
 * HOW: Uses ON DUPLICATE KEY UPDATE to overwrite existing record if re-submitted.
 */
function recordAttendance($pdo, $studentId, $classId, $date, $status, $recordedByUserId = null) {
    // expect-next: static
    $stmt = $pdo->prepare("
        INSERT INTO attendance (student_id, class_id, date, status, recorded_by)
        VALUES (?, ?, ?, ?, ?)
        ON DUPLICATE KEY UPDATE status = VALUES(status), recorded_by = VALUES(recorded_by)
    ");
    return $stmt->execute([
        (int)$studentId,
        $classId ? (int)$classId : null,
        $date,
        $status,
        $recordedByUserId ? (int)$recordedByUserId : null
    ]);
}

/**
 * Fetches attendance log history for a student between optional date range.
 *
 * WHY: Parent Attendance History tab view.
 * WHAT: Retrieves date, status ('present', 'absent', 'late'), and remark.
 * HOW: Returns chronological array sorted by date DESC.
 */
function getStudentAttendanceHistory($pdo, $studentId, $startDate = null, $endDate = null) {
    $sql = "SELECT id, date, status, remark FROM attendance WHERE student_id = ?"; // expect: dynamic
    $params = [(int)$studentId];

    if ($startDate) {
        $sql .= " AND date >= ?";
        $params[] = $startDate;
    }
    if ($endDate) {
        $sql .= " AND date <= ?";
        $params[] = $endDate;
    }

    $sql .= " ORDER BY date DESC";

    $stmt = $pdo->prepare($sql);
    $stmt->execute($params);
    return $stmt->fetchAll();
}

// ---- 2. manage_admins.php ----

session_start();
require '../includes/db.php';

// Only allow super-admin or admin
if (!isset($_SESSION['role']) || $_SESSION['role'] != 'admin') {
    header("Location: login.php");
    exit;
}

// Display messages
$message = $_SESSION['message'] ?? '';
$error = $_SESSION['error'] ?? '';
unset($_SESSION['message'], $_SESSION['error']);

// Generate random password
function generatePassword($length = 10) {
    $chars = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789@#$!';
    return substr(str_shuffle($chars), 0, $length);
}

// Handle Add/Edit Admin
if ($_SERVER["REQUEST_METHOD"] == "POST") {

    $username = trim($_POST['username']);
    $full_name = trim($_POST['full_name']);
    $email = trim($_POST['email']);
    $nic_number = trim($_POST['nic_number'] ?? '');
    $admin_id = $_POST['admin_id'] ?? null;

    // Check duplicate username
    $dup_query = "SELECT id FROM users WHERE username=? AND role='admin'"; // expect: dynamic
    if ($admin_id) $dup_query .= " AND id != ?";
    $stmt = $conn->prepare($dup_query);
    if ($admin_id) {
        $stmt->bind_param("si", $username, $admin_id);
    } else {
        $stmt->bind_param("s", $username);
    }
    $stmt->execute();
    $res = $stmt->get_result();
    if ($res->num_rows > 0) {
        $_SESSION['error'] = "Username already exists. Please choose another.";
        header("Location: manage_admin.php" . ($admin_id ? "?edit=$admin_id" : ""));
        exit;
    }

    // Handle password
    if (!empty($_POST['password'])) {
        $plainPassword = $_POST['password'];
        $hashedPassword = password_hash($plainPassword, PASSWORD_DEFAULT);
    } elseif (!$admin_id) {
        $plainPassword = generatePassword(10);
        $hashedPassword = password_hash($plainPassword, PASSWORD_DEFAULT);
    }

    if ($admin_id) {
        // Update existing admin
        if (!empty($_POST['password'])) {
            $stmt = $conn->prepare("UPDATE users SET username=?, full_name=?, email=?, password=?, nic_number=? WHERE id=? AND role='admin'"); // expect: static
            $stmt->bind_param("sssssi", $username, $full_name, $email, $hashedPassword, $nic_number, $admin_id);
        } else {
            $stmt = $conn->prepare("UPDATE users SET username=?, full_name=?, email=?, nic_number=? WHERE id=? AND role='admin'"); // expect: static
            $stmt->bind_param("ssssi", $username, $full_name, $email, $nic_number, $admin_id);

        }
        if ($stmt->execute()) {
            $_SESSION['message'] = "Admin updated successfully!";
            header("Location: manage_admins.php");
            exit;
        } else {
            $_SESSION['error'] = "Error: " . $conn->error;
            header("Location: manage_admins.php" . ($admin_id ? "?edit=$admin_id" : ""));
            exit;
        }
    } else {
        // Insert new admin
        $stmt = $conn->prepare("INSERT INTO users (username, password, role, full_name, email, nic_number) VALUES (?, ?, 'admin', ?, ?, ?)"); // expect: static
        $stmt->bind_param("sssss", $username, $hashedPassword, $full_name, $email, $nic_number);
        if ($stmt->execute()) {
            $_SESSION['message'] = "Admin created successfully!<br>Username: <b>$username</b><br>Temporary Password: <b>$plainPassword</b>";
            header("Location: manage_admins.php");
            exit;
        } else {
            $_SESSION['error'] = "Error: " . $conn->error;
            header("Location: manage_admins.php");
            exit;
        }
    }
}

// Handle delete
if (isset($_GET['delete'])) {
    $id = $_GET['delete'];
    $stmt = $conn->prepare("DELETE FROM users WHERE id=? AND role='admin'"); // expect: static
    $stmt->bind_param("i", $id);
    if ($stmt->execute()) {
        $_SESSION['message'] = "Admin deleted successfully!";
    } else {
        $_SESSION['error'] = "Error: " . $conn->error;
    }
    header("Location: manage_admins.php");
    exit;
}

// Prefill edit form
$edit_admin = null;
if (isset($_GET['edit'])) {
    $id = $_GET['edit'];
    $stmt = $conn->prepare("SELECT * FROM users WHERE id=? AND role='admin'"); // expect: static
    $stmt->bind_param("i", $id);
    $stmt->execute();
    $res = $stmt->get_result();
    if ($res->num_rows == 1) $edit_admin = $res->fetch_assoc();
}

// Handle search
$search_id = $_GET['search_id'] ?? '';

// Fetch all admins with optional search
$admins = [];
$sql = "SELECT * FROM users WHERE role='admin'"; // expect: dynamic
if ($search_id) {
    $sql .= " AND CAST(id AS CHAR) LIKE ?";
    $stmt = $conn->prepare($sql);
    $like_id = "%$search_id%";
    $stmt->bind_param("s", $like_id);
    $stmt->execute();
    $res = $stmt->get_result();
} else {
    $sql .= " ORDER BY id DESC";
    $res = $conn->query($sql);
}
while ($row = $res->fetch_assoc()) $admins[] = $row;
?>

<?php include '../includes/header.php'; ?>

<!DOCTYPE html>
<html>
<head>
<meta charset="utf-8">
<title>Manage Admins - University Portal</title>
</head>
<body>
<div class="navbar">University Portal - Manage Admins</div>
<div class="container">

<div class="card">
<div class="search-bar-container">
    <h3>All Admins</h3>
    <form method="GET" class="search-bar" action="manage_admins.php">
        <input type="number" name="search_id" placeholder="Enter Admin ID" value="<?= htmlspecialchars($search_id) ?>">
        <button type="submit">Search</button>
    </form>
</div>
</div>

<script>
document.querySelectorAll('.btn-delete').forEach(btn => {
    btn.addEventListener('click', function(e) {
        const id = this.getAttribute('data-id');
        if (confirm('Are you sure you want to delete this subject?')) {
            window.location.href = '?delete=' + id;
        }
        // else do nothing if Cancel clicked
    });
});
</script>

</div>
</body>
</html>
<?php

// ---- 3. restaurant tables ----

class Table
{
    // lookup a user by email password. returns the user obj
    public static function getTablesByRestaurant($restaurantId, $fields = null) {
        $mysqli = conn::get();
        
        if(isset($fields['date'])) {
            $oDate = new Datetime($fields['date']);
        } else {
            $oDate = Helpers::defaultDate();
        }
        $date = $mysqli->real_escape_string($oDate->format('Y-m-d H:i:s'));
        $dayofweek = $mysqli->real_escape_string($oDate->format('w'));
        $number = isset($fields['num']) ? $fields['num'] : null;
        $time = isset($fields['time']) ? $fields['time'] : null;
        
        $sql = sprintf("SELECT t.* FROM `tables` t, `reservations` s WHERE t.restaurant_id = s.restaurant_id AND t.id = s.table_id AND t.restaurant_id = '%s'", // expect: dynamic
            $mysqli->real_escape_string($restaurantId));
        $sql .= " AND (s.end_date > '$date' OR s.end_date IS NULL) AND s.start_date <= '$date'";
        if($fields != null) // do this only if a search query was put through
            $sql .= " AND s.days_of_week LIKE '%$dayofweek%'";
        if($number != null) { // number of guests
            $sql .= sprintf(" AND (t.table_min <= %d AND t.table_max >= %d", $number, $number);
            $sql .= sprintf(" OR t.standing_min <= %d AND t.standing_max >=%d)", $number, $number);
        }
        if($time != null) // time of reservation
            $sql .= sprintf(" AND s.start_time <= '%s' AND s.end_time >='%s'", $time, $time);
        $sql .= " GROUP BY t.id ORDER BY s.start_time ASC, t.table_min ASC";

        $result = $mysqli->query($sql);
        
        if($result === FALSE) {
            throw new Exception($mysqli->error, $mysqli->errno);
        }
        
        return self::getList($result);
    }
}

// ---- 4. course classes (Dokeos/Chamilo) ----

/**
 *  * Get the number of classes to display on the current page.
 */
function get_number_of_classes()
{
	$class_table = Database :: get_main_table(TABLE_MAIN_CLASS);
	$course_class_table = Database :: get_main_table(TABLE_MAIN_COURSE_CLASS);
	$sql = "SELECT * FROM $course_class_table WHERE course_code = '".$_SESSION['_course']['id']."'"; // expect: dynamic
	$res = Database::query($sql,__FILE__,__LINE__);
	$subscribed_classes = array();
	while($obj = Database::fetch_object($res))
	{
		$subscribed_classes[] = $obj->class_id;
	}
	$sql = "SELECT c.id	FROM $class_table c WHERE 1 = 1"; // expect: dynamic
	if (isset ($_GET['keyword']))
	{
		$keyword = Database::escape_string($_GET['keyword']);
		$sql .= " AND (c.name LIKE '%".$keyword."%')";
	}
	if( count($subscribed_classes) > 0)
	{
		$sql .= " AND c.id NOT IN ('".implode("','",$subscribed_classes)."')";
	}
	$res = Database::query($sql, __FILE__, __LINE__);
	$result = Database::num_rows($res);
	return $result;
}

// ---- 5. ThinkPHP admin list (query building commented out) ----

class UserController
{
	/**
	 * 管理员列表
	 */
	public function index() {
		// 获取参数
//		$this->paramter['username'] = I( 'post.username', '' );
//		$this->paramter['nickname'] = I( 'post.nickname', '' );
//		$this->paramter['start_time'] = I( 'post.start_time', '' );
//		$this->paramter['end_time'] = I( 'post.end_time', '' );
//		// 设置查询条件
//		$field = "a.id,a.username,a.nickname,a.intro,a.status,a.create_time,a.last_login_time,a.last_login_ip,a.sort";
//		$field .= ",b.title as auth_title";
//
//		$sql = "select $field from db_user as a";
//		$sql .= " left join db_user_role as b on a.auth = b.id";
//		$sql .= " where 1=1 and a.id <> 1 and a.is_delete = 0 ";
//		// 群组
//		if ( !empty( $this->paramter['auth'] ) ) {
//			$sql .= " and a.auth = {$this->paramter['auth']}";
//		}
//		// 用户名
//		if ( !empty( $this->paramter['username'] ) ) {
//			$sql .= " and a.username like '%{$this->paramter['username']}%'";
//		}
	}
}
