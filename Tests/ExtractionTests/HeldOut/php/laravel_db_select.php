<?php
// Source: Laravel controllers found with find_string 'DB::select("SELECT' (ids 23561265518,
// 48106207493, 36263667788, 11149650323, 29916128933, 5430069593, 17452224818, 1872908);
// repository names not returned. Excerpts verbatim, concatenated; the last statement of id
// 1872908 is closed by hand where the excerpt ended.
// Classes: DB::select / DB::insert with "..." and '...', multi-line double-quoted strings with
//          $var interpolation (dynamic), "." concatenation, an app helper db_query(), SQLite
//          sqlite_master + PRAGMA, Oracle sequence .nextval FROM dual, MySQL backticks,
//          SQL comment inside the literal, decoys (Log::info texts, view names, page titles).

class SuratExport
{
    public function collection()
    {
        if ($inputan_user_xx == '') {
            return Tmsurat_master::select($column_data)->get();
        } else {
            $parsing = implode(',', $column_data);
            $parsing_csatu = implode(',', $c_satu);
            $a  =  implode(' IS NOT NULL OR ', $c_satu);
            if (end($c_satu)) {
                $j = $a . ' IS NOT NULL';
            } else {
                $j = $a;
            }
            // expect-next: dynamic
            $g =  \DB::select("SELECT
                 $parsing 
            FROM
                 tmsurat_master
                LEFT JOIN 
                -- (SELECT DISTINCT tmp_surat.site_id, $parsing_csatu from tmp_surat where " . $j . " group BY tmp_surat.site_id) as
                 tmp_surat  
                ON 
                    tmsurat_master.site_id  = tmp_surat.site_id order by tmsurat_master.site_id");
            return collect($g);
        }
    }
}

class Especialistas
{
    function modulos_adicionales($idespecialista, $modulos_por_defecto, $id_area, $id_oficina, $where = '')
    {
        // expect-next: dynamic
        $result = DB::select("SELECT*FROM app_modulos 
        WHERE estado = 1 $where
        AND ( 
                (idespecialista = 'todo' AND $modulos_por_defecto<>0)     OR 
                (idespecialista = 'jefatura' AND $idespecialista IN(select idespecialista from especialistas where estado = 1 and (cargo like '%jefe%' or cargo like '%jefa%' or cargo like '%coordinador%' or cargo like '%direct%')) )     OR 
                CONCAT(',',idespecialista,',') LIKE '%,$idespecialista,%' OR 
                CONCAT(',',id_area,',') LIKE '%,$id_area,%'               OR 
                CONCAT(',',id_oficina,',') LIKE '%,$id_oficina,%'         
            ) 
            ORDER BY orden ASC");
        return $result;
    }
}

class TestimonialController
{
    /**
     * Display testimonials for homepage (one-page website)
     */
    public function homepage()
    {
        try {
            // Debug: Cek koneksi database
            Log::info('=== TESTIMONIAL DEBUG START ===');

            // Cek apakah tabel testimonials ada
            $tableExists = DB::select("SELECT name FROM sqlite_master WHERE type='table' AND name='testimonials'"); // expect: static
            Log::info('Table testimonials exists: ' . (count($tableExists) > 0 ? 'YES' : 'NO'));

            if (count($tableExists) == 0) {
                Log::error('Table testimonials does not exist!');
                return view('index', ['testimonis' => collect([])]);
            }

            // Cek struktur tabel
            $columns = DB::select("PRAGMA table_info(testimonials)"); // expect: static
            Log::info('Table columns: ' . json_encode($columns));

            // Coba raw query dulu untuk memastikan data ada
            $rawData = DB::select('SELECT * FROM testimonials'); // expect: static
            Log::info('Raw testimonials count: ' . count($rawData));
        } catch (\Exception $e) {
            Log::error('Select from testimonials failed: ' . $e->getMessage());
        }
    }
}

class DataHighwayController
{
    public function store(Request $request)
    {
        $author = new Author();
        $author->au_id = DB::select('select AUTHOR_AU_ID_SEQ.nextval as au_id from dual')[0]->au_id; // expect: static
        $dhlevel->hl_name = $request['dhl_name'];
        $dhlevel->hl_created = Carbon::now();
        $dhlevel->hl_id = DB::select('select DATAHIGHWAYLEVEL_HL_ID_SEQ.nextval as hl_id from dual')[0]->hl_id; // expect: static
        $dhlevel->save();

        $change = new Change();
        $change->ch_changetype_id = DB::select("select tp_id from types where tp_type='Addition'")[0]->tp_id; // expect: static
        $change->ch_statustype_id = DB::select("select tp_id from types where tp_type='New'")[0]->tp_id; // expect: static
        $change->save();

        return redirect()->action('DataHighwayController@show', $dhlevel->hl_id)->withSuccess('New data highway level added!');
    }
}

class AdminsController extends Controller
{
    public function AdminsProfil()
    {
        $pageTitle = 'Profils utilisateurs';
        //choisir tous les profils
        $profils =  DB::select("select * from profils as a where statut  =1"); // expect: static
        return view('admin.system.profil', compact('pageTitle', 'profils'));
    }

    public function AdminsPassword($login)
    {
        $pageTitle = 'Password Setting';
        $admin = db_query("select * from admins as a where username  ='$login'"); // expect: dynamic
        if (!empty($_POST['password'])) {
            $query = "UPDATE admins set password = '" . bcrypt($_REQUEST['password']) . "',updated_at = '" . datetime() . "' where username = '$login'"; // expect: dynamic
            db_query($query);
        }
        return view('admin.admins.password', compact('pageTitle', 'admin'));
    }
}

class ClientController extends Controller
{
    public function show(User $client)
    {
        $cliente = $client->id;
        // expect-next: dynamic
        $compras = DB::select("SELECT s.id as id,
         sum(s.total) as saldo, s.user_id as user, s.sale_date as sale_date, s.total as total, s.saldo as saldo from sales s 
         where s.client_id = '$cliente' and s.status='VALID' and s.saldo!= 0 group by s.id , s.user_id, s.sale_date , s.total, s.saldo order by sum(s.total)");
        $total = Sale::where('client_id', $cliente)->where('status', 'VALID')->sum('saldo');
        return view('admin.client.show', compact('client', 'compras', 'total'));
    }
}

class PeriodicReportController extends Controller
{
    public function reportAddition()
    {
        $branch = Company::orderBy('id', 'asc')->get(); // Branch::orderBy('id', 'asc')->get();
        $department = DB::select("select id, company_id, name from departments"); // expect: static
        $payment_period = PaymentPeriod::orderBy('id', 'desc')->get();
        return view('Payroll.periodicReport.salary_additions', compact('branch', 'department', 'payment_period'));
    }
}

class LoginController extends Controller
{
    public function cek()
    {
        $username = addslashes($_POST['username']);
        $password = sha1(addslashes($_POST['password']));

        $hasil = DB::select("SELECT a.*, b.leveluser, b.level FROM `user` a inner join master_leveluser b on a.leveluser_id = b.id where a.username = '$username' and a.password = '$password'"); // expect: dynamic

        $ada = false;
        foreach ($hasil as $x) {
            $ada = true;
            $temp = $x;
            break;
        }

        if ($ada) {
            // bugs disini, jika di db ada token -> pakai, jika kosong -> update
            $token = generateRandomString(30);
            $hasil = DB::insert("INSERT INTO `user_token`(`user_id`, `username`, `token`) VALUES (" // expect: dynamic
                . "{$temp->id},"
                . "'{$temp->username}',"
                . "'{$token}'"
                . ")");
        }
    }
}
