<?php
// Sources (Laravel query-builder code found with find_string "->havingRaw('"; the index did
// not return the repository names):
//   1. a travel agency's Hotel model (index id 37443862769) — the methods from
//      listingResultsByFilteringOptionsForHotelSearch to listingResultsForHotelSearch, verbatim,
//      except that getGoogleLocationUrl (URLs with an API key) is dropped; the header of the
//      first method is cut in the excerpt and restored from its call site
//      (`Hotel::listingResultsByFilteringOptionsForHotelSearch($searchId,$mealPlansArray,$stars)`);
//      placed in `class Hotel` (class header outside the excerpt);
//   2. a laundry-finder HomeController (index id 12313422374) — complete file except its
//      namespace line (dropped: a namespace must come first in a PHP file);
//   3. an Uzbek instalment-credit controller (index id 54637896074) — kreditlarSorovi and the
//      first lines of excelResponse, placed in `class KreditController` (class header outside the
//      excerpt; excelResponse trimmed to its first HTML lines and closed with `return $html;`).
// Classes: fragments (DB::raw('MIN(…) as min_price'), selectRaw(...), whereRaw("… = ".$x),
//          whereRaw("… like '%".$input."%'"), havingRaw('… = (SELECT … '. …) spanning four
//          concatenated lines (label on the first), havingRaw('… >= ?', [$min]), conditions
//          stored in $mealPlansArray[0] = " AND … IN (".….")", a derived table
//          DB::raw('('.…->toSql().') as hl')), column lists NOT labelled ('hotels.name as
//          hotel_name', DB::raw('geographies.id as id, geographies.name as name') — a plain column
//          list with aliases, see README-A), bare identifiers NOT labelled (groupBy('hotels.id'),
//          orderBy($sortByText,$sortOrder), min('hl.min_price')), decoys (SQL in // and /* */
//          comments, "price"/"date"/"name" sort keys, Uzbek status values 'tolanmagan',
//          HTML <table> strings built with .=).

// ---- 1. Hotel model ----

class Hotel
{
	private static function listingResultsByFilteringOptionsForHotelSearch($searchId,$mealPlansArray,$stars){
		$results =  DB::table('hotels')->select(array('hotels.id as id',
									 		DB::raw('MIN(hotels_search_cached_prices.gross + hotels_search_cached_prices.tax) as min_price'), // expect: fragment
									 	   'hotels.name as hotel_name',
									 	   'hotels.description as hotel_description',
									 	   'hotels.location as location',
									 	   'hotels.soap_client as soap_client',
											 'hotels.class as stars',
											 'hotels.address as hotel_address'))
					   		 	    ->leftJoin('hotels_search_cached_prices',function($join){
					   		 	    	$join->on('hotels.id','=','hotels_search_cached_prices.id_hotel');
					   		 	    	$join->on('hotels.soap_client','=','hotels_search_cached_prices.soap_client');
					   		 	    })
					   		 	    ->whereRaw("hotels_search_cached_prices.id_hotel_search = ".$searchId.$mealPlansArray[0]); // expect: fragment
		if($stars != 0){
			$results = $results->whereRaw("hotels.class = ".$stars); // expect: fragment
		}
		$results = $results->groupBy('hotels.id')
						 		   	->havingRaw('MIN(hotels_search_cached_prices.gross + hotels_search_cached_prices.tax) = (SELECT MIN(hscp.gross + hscp.tax) '. // expect: fragment
														 						  									  			'FROM hotels h '.
														 						  									  			'LEFT JOIN hotels_search_cached_prices hscp ON h.id = hscp.id_hotel AND h.soap_client = hscp.soap_client '.
														 						  									  			'WHERE h.id = hotels.id AND hscp.id_hotel_search = '.$searchId.$mealPlansArray[1].')');
		return $results;
	}

	private static function getPackageListingTableByFilteringOptionsForHotelSearch($searchId,$mealPlans,$stars){
		$mealPlansArray = array();
		if($mealPlans != 0){
			$mealPlansArray[0] = " AND hotels_search_cached_prices.id_meal_plan IN (".str_replace(";",",",$mealPlans).")"; // expect: fragment
			$mealPlansArray[1] = " AND hscp.id_meal_plan IN (".str_replace(";",",",$mealPlans).")"; // expect: fragment
		} else {
			$mealPlansArray[0] = "";
			$mealPlansArray[1] = "";
		}
		return DB::table(DB::raw('('.Hotel::listingResultsByFilteringOptionsForHotelSearch($searchId,$mealPlansArray,$stars)->toSql().') as hl')); // expect: fragment
	}

	public static function getListingResultsByFilteringOptionsForHotelSearch($searchId,$page,$mealPlans,$priceFrom,$priceTo,$sortBy,$sortOrder,$stars){
		$hotelsTable = Hotel::getPackageListingTableByFilteringOptionsForHotelSearch($searchId,$mealPlans,$stars);
		$hotels = $hotelsTable;
		$minPrice = $hotels->min('hl.min_price');
 		$maxPrice = $hotels->max('hl.min_price');
 		if($priceFrom != 0){
 			$hotels = $hotels->where('hl.min_price','>=',$priceFrom);
 		}
 		if($priceTo != 0){
 			$hotels = $hotels->where('hl.min_price','<=',$priceTo);
 		}
		$noHotels = $hotels->count('hl.id');
		if($sortBy == "price"){
			$sortByText = "hl.min_price";
		} else if ($sortBy == "date"){
			$sortByText = "hl.id";
		} else if ($sortBy == "name"){
			$sortByText = "hl.hotel_name";
		}
		$hotels = $hotels->orderBy($sortByText,$sortOrder);

		$hotels = $hotels->skip(($page - 1)*10)->take(10);
		$hotels = $hotels->get();

		$returnData['hotels'] = $hotels;
		$returnData['noHotels'] = $noHotels;
		$returnData['minPrice'] = $minPrice;
		$returnData['maxPrice'] = $maxPrice;
		return $returnData;
	}

	public static function getDestinationsForHotelSearch(){

		$results = Geography::distinct('geographies.id ')
							->select(DB::raw('geographies.id as id, geographies.name as name'))
							->rightJoin('hotels','geographies.id','=','hotels.location');
		$results = $results->groupBy('geographies.id')->orderBy('geographies.id')->get();
		$tmpArray = array();
		foreach($results as $result){
			if($result->name != ""){
				$tmpArray[] = $result->id;
			}
		}
		return Geography::whereIn('id',$tmpArray)->get();
	}

	public function estPriceForPackages($isTour,$isFlight,$isBus){
		$price = CachedPrice::selectRaw('MIN(cached_prices.gross + cached_prices.tax) as min_price') // expect: fragment
												->rightJoin('packages',function($join){
													$join->on('packages.id','=','cached_prices.id_package');
													$join->on('packages.soap_client','=','cached_prices.soap_client');
												})
											  ->rightJoin('hotels',function($join){
													$join->on('hotels.id','=','packages.id_hotel');
													$join->on('hotels.soap_client','=','packages.soap_client');
												})
												->where('hotels.id','=',$this->id)
												->where('hotels.soap_client','=',$this->soap_client)
												->where('packages.is_tour','=',$isTour)
												->where('packages.is_flight','=',$isFlight)
												->where('packages.is_bus','=',$isBus)
												->whereRaw('cached_prices.departure_date >= CURDATE()') // expect: fragment
												->get();
		return isset($price[0]->min_price) ? (int)$price[0]->min_price : 0;
	}

	private static function getPackageListingForHotelSearch($input,$searchId,$mealPlans,$stars){
		$mealPlansArray = array();
		if($mealPlans != 0){
			$mealPlansArray[0] = " AND hotels_search_cached_prices.id_meal_plan IN (".str_replace(";",",",$mealPlans).")"; // expect: fragment
			$mealPlansArray[1] = " AND hscp.id_meal_plan IN (".str_replace(";",",",$mealPlans).")"; // expect: fragment
		} else {
			$mealPlansArray[0] = "";
			$mealPlansArray[1] = "";
		}
		return DB::table(DB::raw('('.Hotel::listingResultsForHotelSearch($input,$searchId,$mealPlansArray,$stars)->toSql().') as hl')); // expect: fragment
	}

	private static function listingResultsForHotelSearch($input,$searchId,$mealPlansArray,$stars){
	/*	$sIds =[]; 
		foreach(DB::table('hotels_search_cached_prices')->select('id_hotel_search')->distinct()->get() as $v){
			array_push($sIds,$v->id_hotel_search);	
		}
	$sIds2 = implode(",",$sIds);*/

		$results =  DB::table('hotels')->select(array('hotels.id as id',
									 		DB::raw('MIN(hotels_search_cached_prices.gross + hotels_search_cached_prices.tax) as min_price'), // expect: fragment
									 	   'hotels.name as hotel_name',
									 	   'hotels.description as hotel_description',
									 	   'hotels.location as location',
									 	   'hotels.soap_client as soap_client',
											 'hotels.class as stars',
											 'hotels.address as hotel_address'))
					   		 	    ->leftJoin('hotels_search_cached_prices',function($join){
					   		 	    	$join->on('hotels.id','=','hotels_search_cached_prices.id_hotel');
					   		 	    	$join->on('hotels.soap_client','=','hotels_search_cached_prices.soap_client');
					   		 	    });
					   		 	    //->whereRaw('hotels_search_cached_prices.id_hotel_search IN ('.$sIds2.')');//='.$searchId.$mealPlansArray[0]
		$results = $results->whereRaw("hotels.name like '%".$input."%'"); // expect: fragment
		if($stars != 0){
			$results = $results->whereRaw("hotels.class = ".$stars); // expect: fragment
		}
		$results = $results->groupBy('hotels.id')
						 		   	->havingRaw('MIN(hotels_search_cached_prices.gross + hotels_search_cached_prices.tax) = (SELECT MIN(hscp.gross + hscp.tax) '. // expect: fragment
														 						  									  			'FROM hotels h '.
														 						  									  			'LEFT JOIN hotels_search_cached_prices hscp ON h.id = hscp.id_hotel AND h.soap_client = hscp.soap_client '.
														 						  									  			'WHERE h.id = hotels.id)');
		return $results;
	}
}

// ---- 2. laundry finder ----

use Illuminate\Http\Request;
use Illuminate\Support\Facades\Auth;
use Illuminate\Support\Facades\DB;
use App\Models\Laundry;
use App\Models\User;

class HomeController extends Controller
{
    function index(){
        // $sql = "SELECT laundry_id, (6371 * acos (cos ( radians(-7.4161) ) * cos( radians( laundry_lat ) ) * cos( radians( laundry_long ) - radians(109.2899) ) + sin ( radians(-7.4161) ) * sin( radians( laundry_lat ) ))) AS distance FROM laundries HAVING distance <= 200";
        // $data = Laundry::select($sql);
        $data = DB::table('laundries')
        ->selectRaw('laundries.*, (6371 * acos (cos ( radians(-7.4161) ) * cos( radians( laundry_lat ) ) * cos( radians( laundry_long ) - radians(109.2899) ) + sin ( radians(-7.4161) ) * sin( radians( laundry_lat ) ))) AS distance') // expect: fragment
        ->havingRaw('distance <= 20') // expect: fragment
        ->get();
        // $posts = Post::latest()->get();
        // return view('main.index', compact('data', 'user'));
        dd(auth()->user());
    }

    function dash(){
        return view('main.dash');
    }
}

// ---- 3. instalment credits ----

class KreditController extends Controller
{
    /** Shartnomalar ro'yxati uchun umumiy filtrlangan so'rov (index/ajax/excel'da qayta ishlatiladi) */
    private function kreditlarSorovi(Request $request, $user, ?int $filialId)
    {
        // "Muddati kelgan" (jadvalga aynan mos) va "Muddatidan oldinda" (jadvaldan oldinda) — bular
        // reg_kredit.holat ustunidagi haqiqiy qiymatlar emas, balki hisoblab topiladigan holatlar:
        // bugungacha muddati kelgan oylar soni bilan haqiqatda to'langan oylar soni solishtiriladi.
        $maxsusHolatlar = ['muddati_kelgan', 'muddatidan_oldinda'];

        $query = RegKredit::with(['mijoz', 'filial', 'xodim', 'joriyXodim'])
            ->withCount([
                'grafik as tolangan_oy_soni' => fn($q) => $q->where('holat', 'tolangan'),
                'grafik as muddati_kelgan_oy_soni' => fn($q) => $q->whereNotNull('tolov_sana')->where('tolov_sana', '<=', today()),
            ])
            ->addSelect(['max_kechikish_kun' => \App\Models\Grafik::selectRaw('MAX(DATEDIFF(CURDATE(), tolov_sana))') // expect: fragment
                ->whereColumn('reg_kredit_id', 'reg_kredit.id')
                ->whereIn('holat', ['tolanmagan', 'qisman', 'muddati_otgan'])
                ->whereNotNull('tolov_sana')
                ->where('tolov_sana', '<', now()->toDateString()),
            ])
            ->addSelect(['kechikkan_summa' => \App\Models\Grafik::selectRaw('COALESCE(SUM(tolov_summa - tolangan_summa),0)') // expect: fragment
                ->whereColumn('reg_kredit_id', 'reg_kredit.id')
                ->whereIn('holat', ['tolanmagan', 'qisman', 'muddati_otgan'])
                ->whereNotNull('tolov_sana')
                ->where('tolov_sana', '<', now()->toDateString()),
            ])
            ->when($filialId, fn($q) => $q->where('filial_id', $filialId))
            ->when($request->xodim_id, fn($q) => $q->where('xodim_id', $request->xodim_id))
            ->when($request->holat && !in_array($request->holat, $maxsusHolatlar), fn($q) => $q->where('holat', $request->holat))
            ->when($request->holat === 'muddati_kelgan', fn($q) => $q->havingRaw('muddati_kelgan_oy_soni > 0 AND tolangan_oy_soni = muddati_kelgan_oy_soni')) // expect: fragment
            ->when($request->holat === 'muddatidan_oldinda', fn($q) => $q->havingRaw('tolangan_oy_soni > muddati_kelgan_oy_soni')) // expect: fragment
            ->when($request->kechikish_oraligi && isset(self::KECHIKISH_ORALIQLARI[$request->kechikish_oraligi]), function ($q) use ($request) {
                [$min, $max] = self::KECHIKISH_ORALIQLARI[$request->kechikish_oraligi];
                $q->havingRaw('max_kechikish_kun >= ?', [$min]); // expect: fragment
                if ($max !== null) {
                    $q->havingRaw('max_kechikish_kun <= ?', [$max]); // expect: fragment
                }
            })
            ->when($request->qidiruv, fn($q) => $q->qidirish($request->qidiruv));

        return $query;
    }

    // ─── Private: Excel HTML response (hisobot moduli bilan bir xil uslub) ─────
    private function excelResponse(string $sarlavha, array $headers, array $rows)
    {
        $html  = '<html xmlns:o="urn:schemas-microsoft-com:office:office" ';
        $html .= 'xmlns:x="urn:schemas-microsoft-com:office:excel">';
        $html .= '<head><meta charset="UTF-8">';
        $html .= '<style>body{font-family:Arial,sans-serif;font-size:10pt;}';
        $html .= 'table{border-collapse:collapse;width:100%;}';
        $html .= '<h3>' . htmlspecialchars($sarlavha) . '</h3>';
        $html .= '<table><thead><tr>';
        foreach ($headers as $h) {
            $html .= '<th>' . htmlspecialchars((string) $h) . '</th>';
        }
        $html .= '</tr></thead><tbody>';
        return $html;
    }
}
