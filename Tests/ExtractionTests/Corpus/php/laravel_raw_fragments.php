<?php
// Sources: excerpts of four Laravel code files found with find_string (the index did not return
// their repository names):
//   ChapterOrderHelper::readingOrderQuery      (index id 62459796471, app/Helpers)
//   BookingController::index                   (index id 67486567551)
//   a "rekap" controller action                (index id 26411013591)
//   a profit report's buildDailySeries         (index id 52658621691)
// Adapted: method bodies are verbatim; they are gathered into one class for this corpus.
// Classes: fragments (Eloquent orderByRaw / selectRaw / groupByRaw / DB::raw pieces, one with a
//          ? binding), decoys (bare column names passed to orderBy/groupBy/whereIn, join
//          arguments such as 'chapters.volume_id', '=', 'volumes.id', view names, the
//          'chapters.*' column list).

class CorpusLaravelFragments
{
    // --- ChapterOrderHelper (index id 62459796471)
    public static function readingOrderQuery(Novel $novel, ?Builder $query = null): Builder
    {
        $query = $query ?? Chapter::query()->where('chapters.novel_id', $novel->id);

        return $query
            ->leftJoin('volumes', 'chapters.volume_id', '=', 'volumes.id')
            ->orderByRaw('COALESCE(volumes.volume_number, 0) ASC') // expect: fragment
            ->orderBy('chapters.chapter_number', 'asc')
            ->select('chapters.*');
    }

    // --- BookingController::index (index id 67486567551)
    public function index(Request $request)
    {
        // Active packages
        $packages = Package::query()
            ->where('is_active', true)
            ->orderByRaw('COALESCE(price_per_head, price) ASC') // expect: fragment
            ->get();

        return Inertia::render('Booking/Index', [
            'packages'       => $packages,
            'step'           => (int) $request->integer('step', 1),
        ]);
    }

    // --- rekap() (index id 26411013591)
    public function rekap()
    {
        $kelurahanFilter = ['Randusari', 'Gentong', 'Pohjentrek', 'Mandaranrejo'];

        $rekapPerKelurahan = PemutakhiranData::select('kelurahan', \DB::raw('COUNT(*) as total')) // expect: fragment
            ->whereIn('kelurahan', $kelurahanFilter)
            ->groupBy('kelurahan')
            ->get();

        $rekapRTRW = PemutakhiranData::select('kelurahan', 'rw', 'rt', \DB::raw('COUNT(*) as total')) // expect: fragment
            ->whereIn('kelurahan', $kelurahanFilter)
            ->groupBy('kelurahan', 'rw', 'rt')
            ->orderBy('kelurahan')
            ->orderByRaw('CAST(rw AS UNSIGNED)') // expect: fragment
            ->orderByRaw('CAST(rt AS UNSIGNED)') // expect: fragment
            ->get()
            ->groupBy('kelurahan');

        return view('pemutakhiran.rekap', compact('rekapPerKelurahan', 'rekapRTRW'));
    }

    // --- buildDailySeries() (index id 52658621691)
    private function buildDailySeries(): array
    {
        [$from, $to] = $this->dateRange();

        $cogsRows = $this->cogsInventoryBaseQuery($from, $to)
            ->selectRaw('DATE(t.created_at) as day') // expect: fragment
            ->selectRaw('COALESCE(SUM((-im.quantity) * COALESCE(im.unit_cost, 0)), 0) as cogs_inventory') // expect: fragment
            ->groupByRaw('DATE(t.created_at)') // expect: fragment
            ->orderByRaw('DATE(t.created_at) asc') // expect: fragment
            ->get();

        $otherRows = $this->inventoryMovementsPeriodBaseQuery($from, $to)
            ->whereIn('im.type', ['waste', 'usage', 'opname_adjustment', 'adjustment'])
            ->selectRaw('DATE(COALESCE(im.happened_at, im.created_at)) as day') // expect: fragment
            ->selectRaw('COALESCE(SUM((-im.quantity) * COALESCE(im.unit_cost, 0)), 0) as other_cost') // expect: fragment
            ->groupByRaw('DATE(COALESCE(im.happened_at, im.created_at))') // expect: fragment
            ->orderByRaw('DATE(COALESCE(im.happened_at, im.created_at)) asc') // expect: fragment
            ->get()
            ->keyBy('day');

        return [$cogsRows, $otherRows];
    }
}
