<?php
// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 38863311725: Livewire StorePage of the "Rublevsky Studio" Laravel shop.
//   (b) id 58031202350: ReportController of a Laravel clinic-management app.
// Classes: Laravel Eloquent raw pieces (orderByRaw with a multi-line CASE holding scalar
// sub-selects, selectRaw select expression, orderByRaw aggregate with direction, whereRaw
// column comparison), many Eloquent decoys (where('col', 'value'), whereIn/whereHas/whereNull,
// orderBy('price', 'asc'), select('products.*'), join with identifiers, distinct('col'),
// groupBy('diagnosis'), status values 'no-show', view names 'reports.diagnosis', alert texts).
// Adaptations: two files concatenated (each keeps its own `namespace` statement); in (a) the
// unused `use` lines were kept; `// expect-next:` appended to the `case 'relevant':` line because
// the orderByRaw literal opens at the end of the next line. Code otherwise verbatim.

// ---- (a) id 38863311725
namespace App\Livewire;

use App\Models\Brand;
use App\Models\Product;
use Livewire\Component;
use App\Models\Category;
use Livewire\Attributes\Url;
use Livewire\WithPagination;
use Livewire\Attributes\Title;
use App\Helpers\CartManagement;
use App\Livewire\Partials\Navbar;
use Jantinnerezo\LivewireAlert\LivewireAlert;
use App\Models\ProductVariation;
use Illuminate\View\View;

#[Title('Rublevsky Store')]
class StorePage extends Component
{
    use LivewireAlert;
    use WithPagination;

    public $title = "Store | Rublevsky Studio";
    public $metaDescription = "Shop our collection of unique designs, prints, and merchandise. Find original artwork, photography prints, and custom-designed products by Rublevsky Studio.";

    #[Url(as: 'categories')]
    public $selected_categories = '';

    #[Url]
    public $price_range = null;

    #[Url]
    public $sort = 'relevant';

    public $sortOptions = [
        'relevant' => 'Sort by relevant',
        'latest' => 'Sort by latest',
        'price_asc' => 'Price: Low to High',
        'price_desc' => 'Price: High to Low',
    ];

    public $max_price;

    public function mount()
    {
        // Find the highest price among regular products and variations
        $this->max_price = max(
            Product::where('is_active', 1)
                ->where('has_variations', false)
                ->max('price'),
            ProductVariation::whereHas('product', function ($query) {
                $query->where('is_active', 1);
            })->max('price')
        );

        // Initialize price_range to max_price if not set
        if (!$this->price_range) {
            $this->price_range = $this->max_price;
        }
    }

    public function render(): View
    {
        $productQuery = Product::query()->where('is_active', 1)
            ->with(['variations' => function ($query) {
                $query->orderBy('price', 'asc')->limit(1);
            }]);

        if ($this->selected_categories) {
            $categoryIds = Category::whereIn('slug', explode(',', $this->selected_categories))
                ->pluck('id')
                ->toArray();
            $productQuery->whereIn('category_id', $categoryIds);
        }

        if ($this->price_range !== null) {
            $productQuery->where(function ($query) {
                $query->where(function ($q) {
                    // For products without variations, check the base price
                    $q->where('has_variations', false)
                        ->where('price', '<=', $this->price_range);
                })->orWhere(function ($q) {
                    // For products with variations, check the minimum variation price
                    $q->where('has_variations', true)
                        ->whereHas('variations', function ($subQ) {
                            $subQ->where('price', '<=', $this->price_range);
                        });
                });
            });
        }

        switch ($this->sort) {
            case 'relevant': // expect-next: fragment
                $productQuery->orderByRaw('CASE
                    WHEN is_featured = 1 THEN 0
                    WHEN category_id = (SELECT id FROM categories WHERE name = "Apparel" LIMIT 1) THEN 1
                    WHEN category_id = (SELECT id FROM categories WHERE name = "Posters" LIMIT 1) THEN 2
                    WHEN category_id = (SELECT id FROM categories WHERE name = "Produce" LIMIT 1) THEN 3
                    WHEN category_id = (SELECT id FROM categories WHERE name = "Stickers" LIMIT 1) THEN 4
                    WHEN category_id = (SELECT id FROM categories WHERE name = "Tea" LIMIT 1) THEN 5
                    ELSE 5 END');
                break;
            case 'latest':
                $productQuery->latest();
                break;
            case 'price_asc':
                $productQuery->where(function ($query) {
                    $query->whereNull('has_variations')
                        ->orWhere('has_variations', false);
                })->orderBy('price', 'asc')
                    ->union(
                        Product::where('has_variations', true)
                            ->whereHas('variations')
                            ->select('products.*')
                            ->join('product_variations', 'products.id', '=', 'product_variations.product_id')
                            ->orderBy('product_variations.price', 'asc')
                    );
                break;
            case 'price_desc':
                $productQuery->where(function ($query) {
                    $query->whereNull('has_variations')
                        ->orWhere('has_variations', false);
                })->orderBy('price', 'desc')
                    ->union(
                        Product::where('has_variations', true)
                            ->whereHas('variations')
                            ->select('products.*')
                            ->join('product_variations', 'products.id', '=', 'product_variations.product_id')
                            ->orderBy('product_variations.price', 'desc')
                    );
                break;
        }

        $products = $productQuery->get();

        return view(
            'livewire.store-page',
            [
                'title' => $this->title,
                'metaDescription' => $this->metaDescription,
                'products' => $products,
                'brands' => Brand::where('is_active', 1)->get(['id', 'name', 'slug']),
                'categories' => Category::where('is_active', 1)->get(['id', 'name', 'slug'])
            ]
        );
    }

    private function getCategoryIdFromSlug($slug)
    {
        return Category::where('slug', $slug)->value('id');
    }
}

// ---- (b) id 58031202350
namespace App\Http\Controllers;

use App\Models\Patient;
use App\Models\ClinicVisit;
use App\Models\Appointment;
use App\Models\Medicine;
use Carbon\Carbon;
use Illuminate\Http\Request;

class ReportController extends Controller
{
    public function patients()
    {
        $patients = Patient::with('clinicVisits')
            ->withCount('clinicVisits')
            ->orderBy('name')
            ->get();

        return view('reports.patients', [
            'totalPatients' => Patient::count(),
            'students' => Patient::where('category', 'student')->count(),
            'faculty' => Patient::where('category', 'faculty')->count(),
            'staff' => Patient::where('category', 'staff')->count(),
            'activePatients' => Patient::where('status', 'active')->count(),
            'inactivePatients' => Patient::where('status', 'inactive')->count(),
            'patients' => $patients,
        ]);
    }

    public function diagnosis()
    {
        $topDiagnoses = ClinicVisit::select('diagnosis')
            ->whereNotNull('diagnosis')
            ->where('diagnosis', '!=', '')
            ->groupBy('diagnosis')
            ->selectRaw('diagnosis, COUNT(*) as count') // expect: fragment
            ->orderByRaw('COUNT(*) DESC') // expect: fragment
            ->limit(10)
            ->get();

        return view('reports.diagnosis', [
            'topDiagnoses' => $topDiagnoses,
            'totalUniqueDiagnoses' => ClinicVisit::whereNotNull('diagnosis')
                ->distinct('diagnosis')
                ->count('diagnosis'),
        ]);
    }

    public function medicines()
    {
        $medicines = Medicine::where('status', 'active')
            ->orderBy('quantity')
            ->get();

        return view('reports.medicines', [
            'totalMedicines' => Medicine::count(),
            'lowStock' => Medicine::whereRaw('quantity <= minimum_stock')->count(), // expect: fragment
            'outOfStock' => Medicine::where('quantity', '<=', 0)->count(),
            'medicines' => $medicines,
        ]);
    }

    public function appointments()
    {
        return view('reports.appointments', [
            'totalAppointments' => Appointment::count(),
            'scheduled' => Appointment::where('status', 'scheduled')->count(),
            'completed' => Appointment::where('status', 'completed')->count(),
            'noShow' => Appointment::where('status', 'no-show')->count(),
            'cancelled' => Appointment::where('status', 'cancelled')->count(),
            'appointments' => Appointment::with('patient')
                ->orderBy('appointment_date', 'desc')
                ->limit(20)
                ->get(),
        ]);
    }

    public function vitalSigns()
    {
        $abnormal = ClinicVisit::where(function ($query) {
            $query->where('temperature', '>', 38)
                  ->orWhere('temperature', '<', 36)
                  ->orWhere('spo2', '<', 95);
        })->with('patient')
        ->orderBy('visit_date', 'desc')
        ->get();

        return view('reports.vital-signs', [
            'highFever' => ClinicVisit::where('temperature', '>', 38)->count(),
            'lowTemperature' => ClinicVisit::where('temperature', '<', 36)->count(),
            'lowOxygen' => ClinicVisit::where('spo2', '<', 95)->count(),
            'abnormalReadings' => $abnormal,
        ]);
    }
}
