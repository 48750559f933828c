<?php
/*
 * Sources (two small mysqli pages; the index did not return the repository names):
 *   1. an incident-reporting admin page, reports.php (find_string '$sql .= " AND ', read_file id 60923353751), complete file;
 *   2. proses/export_produk_excel.php of a point-of-sale app (find_string '$sql .= " AND ', read_file id 48961871036),
 *      complete file.
 * Adaptation: concatenated (this header comment placed inside the first file's `<?php` block; the second file starts
 *   again with its own `<?php` after the first file's HTML); code unchanged apart from labels and one added comment
 *   line (expect-next) before `$sql = "SELECT ` whose multi-line "…" literal opens at the end of the line.
 * Classes: dynamic (a "… WHERE 1=1" base extended with `$sql .= " AND … ?"` pieces and a final `.= " ORDER BY …"` /
 *   `.= " GROUP BY … ORDER BY …"`, pieces on the same line as other statements `{ $sql .= …; $params[] = …; }`;
 *   the appended pieces carry no label, convention 5), mysqli prepare/bind_param with ? placeholders, a multi-line
 *   double-quoted SELECT with SUM/MIN/MAX(DATE(…)), decoys (HTML form `<select name="status">`, `<option
 *   value="Pending">`, placeholder "Search description...", table headers "Status" / "Reporting Date", the PHP block
 *   comment banner "Build Query", bind_param type strings 's'/'ss', die("Akses tidak valid. …"), PhpSpreadsheet cell
 *   ranges 'A3:C3', report titles 'Laporan Rekapitulasi Semua Produk', HTTP header() lines).
 */

include("../config/db.php");

/*
|--------------------------------------------------------------------------
| Search & Filter
|--------------------------------------------------------------------------
*/

$search = isset($_GET['search']) ? trim($_GET['search']) : "";
$status = isset($_GET['status']) ? trim($_GET['status']) : "";

/*
|--------------------------------------------------------------------------
| Build Query
|--------------------------------------------------------------------------
*/

$sql = "SELECT * FROM reports WHERE 1=1"; // expect: dynamic

$params = [];
$types = "";

if (!empty($search)) {
    $sql .= " AND description LIKE ?";
    $params[] = "%" . $search . "%";
    $types .= "s";
}

if (!empty($status)) {
    $sql .= " AND status = ?";
    $params[] = $status;
    $types .= "s";
}

$sql .= " ORDER BY created_at DESC";

$stmt = $conn->prepare($sql);

if (!empty($params)) {
    $stmt->bind_param($types, ...$params);
}

$stmt->execute();

$result = $stmt->get_result();

$totalReports = $result->num_rows;

?>
<!DOCTYPE html>
<html lang="en">
<head>
    <meta charset="UTF-8">
    <title>Reports</title>
    <link rel="stylesheet" href="css/style.css">         
</head>
<body>
<br>
<h2>Reports</h2>
<br>

<p><strong>Total Results:</strong> <?= $totalReports; ?></p>

<form method="GET">

    <input
        type="text"
        name="search"
        placeholder="Search description..."
        value="<?= htmlspecialchars($search); ?>">

    <select name="status">
        <option value="">All Status</option>
        <option value="Pending" <?= ($status=="Pending") ? "selected" : ""; ?>>Pending</option>
        <option value="Assigned" <?= ($status=="Assigned") ? "selected" : ""; ?>>Assigned</option>
        <option value="Resolved" <?= ($status=="Resolved") ? "selected" : ""; ?>>Resolved</option>
    </select>

    <button class="btn">Search</button>
    <a class="btn" href="reports.php">Reset</a>

</form>

<br>

<table>
<thead>
<tr>
    <th>ID</th>
    <th>Image</th>
    <th>Description</th>
    <th>Risk Level</th>
    <th>Status</th>
    <th>Reporting Date</th>
    <th>Action</th>
</tr>
</thead>
<tbody>
<?php while($row = $result->fetch_assoc()) { 
    // Dynamic styling variables for Risks
    $riskColor = '#64748b'; $riskBg = '#f1f5f9'; $riskLabel = htmlspecialchars($row['risk_level']);
    if($row['risk_level'] == 'High') { $riskColor = '#b91c1c'; $riskBg = '#fee2e2'; }
    elseif($row['risk_level'] == 'Medium') { $riskColor = '#b45309'; $riskBg = '#fef9c3'; }
    elseif($row['risk_level'] == 'Low') { $riskColor = '#15803d'; $riskBg = '#dcfce7'; }
    elseif($row['risk_level'] == 'Unreviewed') { $riskColor = '#7c3aed'; $riskBg = '#f3e8ff'; $riskLabel = '⚠ Unreviewed'; }

    // Dynamic styling variables for Statuses
    $statusColor = '#475569'; $statusBg = '#f1f5f9';
    if($row['status'] == 'Pending') { $statusColor = '#475569'; $statusBg = '#f1f5f9'; }
    elseif($row['status'] == 'Assigned') { $statusColor = '#2563eb'; $statusBg = '#eff6ff'; }
    elseif($row['status'] == 'Resolved') { $statusColor = '#16a34a'; $statusBg = '#f0fdf4'; }
?>
<tr>
    <td><strong>#<?= $row['id']; ?></strong></td>
    <td>
        <img src="/uploads/<?= htmlspecialchars($row['image']); ?>" class="zoomable-img" width="70" height="50">
    </td>
    <td style="max-width: 350px; line-height: 1.4;"><?= htmlspecialchars($row['description']); ?></td>
    <td>
        <span style="display: inline-block; padding: 4px 10px; border-radius: 20px; font-size: 12px; font-weight: 600; color: <?= $riskColor ?>; background: <?= $riskBg ?>;">
            <?= $riskLabel; ?>
        </span>
    </td>
    <td>
        <span style="display: inline-block; padding: 4px 10px; border-radius: 6px; font-size: 12px; font-weight: 600; color: <?= $statusColor ?>; background: <?= $statusBg ?>;">
            ● <?= htmlspecialchars($row['status']); ?>
        </span>
    </td>
    <td style="color: #64748b; font-size: 13px;"><?= date('M d, Y H:i', strtotime($row['created_at'])); ?></td>
    <td>
        <a class="btn" style="padding: 6px 12px; font-size: 13px;" href="report_details.php?id=<?= $row['id']; ?>">View Details</a>
    </td>
</tr>
<?php } ?>
</tbody>
</table>

<script src="js/lightbox.js"></script>

</body>
</html>
<?php
// proses/export_produk_excel.php

// 1. SETUP DAN DEPENDENCIES
// =========================================================================
// Asumsi file ini berada di dalam folder `pages`, sehingga `vendor` ada di level `../`
require_once '../vendor/autoload.php';
include '../includes/koneksi.php';

// Panggil kelas-kelas yang diperlukan dari PhpSpreadsheet
use PhpOffice\PhpSpreadsheet\Spreadsheet;
use PhpOffice\PhpSpreadsheet\Writer\Xlsx;
use PhpOffice\PhpSpreadsheet\Style\Alignment;
use PhpOffice\PhpSpreadsheet\Style\Fill;
use PhpOffice\PhpSpreadsheet\Style\Font;
use PhpOffice\PhpSpreadsheet\Style\Border;
use PhpOffice\PhpSpreadsheet\Style\NumberFormat;

// Ambil dan validasi parameter dari URL
$filter_berdasarkan = isset($_GET['filter_berdasarkan']) ? $_GET['filter_berdasarkan'] : '';
$periode = isset($_GET['periode']) ? $_GET['periode'] : 'harian';
$tanggal_filter = isset($_GET['tanggal_filter']) ? $_GET['tanggal_filter'] : date('Y-m-d');
$tanggal_awal = isset($_GET['tanggal_awal']) ? $_GET['tanggal_awal'] : '';
$tanggal_akhir = isset($_GET['tanggal_akhir']) ? $_GET['tanggal_akhir'] : '';

// Pastikan export ini hanya dijalankan untuk mode rekap produk
if ($filter_berdasarkan !== 'produk_semua') {
    die("Akses tidak valid. Export ini hanya untuk rekap semua produk.");
}


// 2. MENGAMBIL SEMUA DATA YANG DIPERLUKAN
// =========================================================================
$params = [];
$types = '';
// expect-next: dynamic
$sql = "SELECT 
            pr.name AS nama_produk, 
            SUM(si.qty) AS total_jumlah,
            MIN(DATE(s.date)) as tanggal_awal_produk,
            MAX(DATE(s.date)) as tanggal_akhir_produk
        FROM sales_items si
        JOIN products pr ON si.product_id = pr.id
        JOIN sales s ON si.sale_id = s.id
        WHERE 1=1";

// Tambahkan filter periode
switch ($periode) {
    case 'harian':
        if (!empty($tanggal_filter)) { $sql .= " AND DATE(s.date) = ?"; $params[] = $tanggal_filter; $types .= 's'; }
        break;
    case 'mingguan':
    case 'bulanan':
        if (!empty($tanggal_awal) && !empty($tanggal_akhir)) { $sql .= " AND DATE(s.date) BETWEEN ? AND ?"; $params[] = $tanggal_awal; $params[] = $tanggal_akhir; $types .= 'ss'; }
        break;
}
$sql .= " GROUP BY pr.id, pr.name ORDER BY pr.name ASC";

// Eksekusi kueri
$stmt = $koneksi->prepare($sql);
$data_produk = [];
if ($stmt) {
    if (!empty($params)) { $stmt->bind_param($types, ...$params); }
    $stmt->execute();
    $result = $stmt->get_result();
    $data_produk = $result->fetch_all(MYSQLI_ASSOC);
    $stmt->close();
}


// 3. MEMBUAT DOKUMEN EXCEL DENGAN PHPSPREADSHEET
// =========================================================================
$spreadsheet = new Spreadsheet();
$sheet = $spreadsheet->getActiveSheet();

// Judul Laporan
$sheet->mergeCells('A1:C1');
$sheet->setCellValue('A1', 'Laporan Rekapitulasi Semua Produk');
$sheet->getStyle('A1')->getFont()->setBold(true)->setSize(16);
$sheet->getStyle('A1')->getAlignment()->setHorizontal(Alignment::HORIZONTAL_CENTER);

// Membuat Header Tabel
$sheet->setCellValue('A3', 'Nama Produk');
$sheet->setCellValue('B3', 'Tanggal Transaksi');
$sheet->setCellValue('C3', 'Total Jumlah Terjual');

$header_style = [
    'font' => ['bold' => true],
    'alignment' => ['horizontal' => Alignment::HORIZONTAL_CENTER, 'vertical' => Alignment::VERTICAL_CENTER],
    'fill' => ['fillType' => Fill::FILL_SOLID, 'startColor' => ['argb' => 'F0F0F0']]
];
$sheet->getStyle('A3:C3')->applyFromArray($header_style);

// Menentukan Style untuk baris data
$numericFormat = '#,##0';

// Proses dan cetak data ke dalam sheet
$row_num = 4;
if (!empty($data_produk)) {
    foreach ($data_produk as $row) {
        // Format rentang tanggal
        $tanggal_range = '';
        if ($row['tanggal_awal_produk'] == $row['tanggal_akhir_produk']) {
            $tanggal_range = date('d-m-Y', strtotime($row['tanggal_awal_produk']));
        } else {
            $tanggal_range = date('d-m-Y', strtotime($row['tanggal_awal_produk'])) . ' s/d ' . date('d-m-Y', strtotime($row['tanggal_akhir_produk']));
        }

        // Siapkan baris data
        $item_row_data = [
            $row['nama_produk'],
            $tanggal_range,
            $row['total_jumlah']
        ];

        // Tulis baris data item ke sheet
        $sheet->fromArray($item_row_data, NULL, "A{$row_num}");

        // Format angka dan alignment
        $sheet->getStyle("B{$row_num}")->getAlignment()->setHorizontal(Alignment::HORIZONTAL_CENTER);
        $sheet->getStyle("C{$row_num}")->getNumberFormat()->setFormatCode($numericFormat);
        $sheet->getStyle("C{$row_num}")->getAlignment()->setHorizontal(Alignment::HORIZONTAL_RIGHT);
        
        $row_num++;
    }
} else {
    $sheet->mergeCells("A4:C4")->setCellValue('A4', 'Tidak ada data produk ditemukan untuk periode ini.');
    $sheet->getStyle("A4")->getAlignment()->setHorizontal(Alignment::HORIZONTAL_CENTER);
    $row_num++;
}

// 4. PENYESUAIAN AKHIR & GAYA
// =========================================================================
$last_row = $row_num - 1;
if ($last_row >= 4) {
    // Terapkan border ke seluruh tabel
    $sheet->getStyle("A3:C{$last_row}")->getBorders()->getAllBorders()->setBorderStyle(Border::BORDER_THIN);
}

// Atur lebar kolom
$sheet->getColumnDimension('A')->setWidth(60); // Nama Produk
$sheet->getColumnDimension('B')->setWidth(30); // Tanggal Transaksi
$sheet->getColumnDimension('C')->setWidth(20); // Jumlah


// 5. OUTPUT FILE EXCEL KE BROWSER
// =========================================================================
$tahun_sekarang = date("Y");
$filename = 'laporan_rekap_produk_' . $tahun_sekarang . '.xlsx';

header('Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
header('Content-Disposition: attachment;filename="' . $filename . '"');
header('Cache-Control: max-age=0');

$writer = new Xlsx($spreadsheet);
$writer->save('php://output');
exit;
?>
