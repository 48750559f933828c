<?php
// Sources (Laravel migrations found with find_string "DB::statement('" and "->havingRaw('";
// the index did not return the repository names):
//   1. a budget-constraints migration (index id 67093422269) — complete file, unchanged apart
//      from labels (an anonymous class; PostgreSQL CHECK constraints, SQLite triggers in nowdocs);
//   2. an "opportunities" canonicalisation migration with Turkish column names (index id
//      71648505310) — migrateForMySQL() only, verbatim, placed in a named class
//      `CanonicalizeOpportunities` (name invented; the original is an anonymous class);
//   3. a users-table migration (index id 25889710) — the commented-out RLS statements only,
//      inside an up() trimmed to them, in `class CreateUsersTableExcerpt` (name invented).
// Classes: wrappers (DB::statement with "…", '…' and nowdoc <<<'SQL' literals; nowdoc openers
//          cannot carry a comment, so they use expect-next), SQLite CREATE TRIGGER … BEGIN
//          SELECT RAISE(ABORT, …); END (hard), MySQL-only ALTER … DROP FOREIGN KEY IF EXISTS /
//          CHANGE (hard), dynamic ('DROP TRIGGER IF EXISTS "'.$trigger.'"'), fragment
//          (->havingRaw('COUNT(*) > 1')), decoys (RuntimeException text, index and constraint
//          names, trigger names in a PHP array, getDriverName() === 'pgsql', SQL in // comments,
//          /** @sab-ignore-catch */ docblocks).

declare(strict_types=1);

use Illuminate\Database\Migrations\Migration;
use Illuminate\Database\Schema\Blueprint;
use Illuminate\Support\Facades\DB;
use Illuminate\Support\Facades\Schema;

// ---- 1. budget constraints ----

return new class extends Migration
{
    public function up(): void
    {
        if (! Schema::hasTable('budget_line_items')) {
            return;
        }

        $duplicate = DB::table('budget_line_items')
            ->select('budget_id', 'account_id')
            ->groupBy('budget_id', 'account_id')
            ->havingRaw('COUNT(*) > 1') // expect: fragment
            ->first();
        if ($duplicate) {
            throw new RuntimeException(sprintf(
                'Cannot add budget line uniqueness: budget %s contains account %s more than once.',
                $duplicate->budget_id,
                $duplicate->account_id,
            ));
        }

        Schema::table('budget_line_items', function (Blueprint $table): void {
            $table->unique(['budget_id', 'account_id'], 'budget_line_items_budget_account_unique');
        });

        $driver = DB::getDriverName();
        if ($driver === 'pgsql') {
            DB::statement("ALTER TABLE fiscal_years ADD CONSTRAINT fiscal_years_date_order CHECK (start_date <= end_date)"); // expect: static
            DB::statement("ALTER TABLE budgets ADD CONSTRAINT budgets_nonnegative_allocations CHECK (total_allocated >= 0 AND total_committed >= 0)"); // expect: static
            DB::statement("ALTER TABLE budget_line_items ADD CONSTRAINT budget_line_items_nonnegative_months CHECK (jan >= 0 AND feb >= 0 AND mar >= 0 AND apr >= 0 AND may >= 0 AND jun >= 0 AND jul >= 0 AND aug >= 0 AND sep >= 0 AND oct >= 0 AND nov >= 0 AND dec >= 0)"); // expect: static
        } elseif ($driver === 'sqlite') {
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS fiscal_years_date_order_insert
BEFORE INSERT ON fiscal_years
WHEN NEW.start_date > NEW.end_date
BEGIN SELECT RAISE(ABORT, 'Fiscal year start date must not be after end date.'); END
SQL);
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS fiscal_years_date_order_update
BEFORE UPDATE ON fiscal_years
WHEN NEW.start_date > NEW.end_date
BEGIN SELECT RAISE(ABORT, 'Fiscal year start date must not be after end date.'); END
SQL);
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS budgets_nonnegative_allocations_insert
BEFORE INSERT ON budgets
WHEN NEW.total_allocated < 0 OR NEW.total_committed < 0
BEGIN SELECT RAISE(ABORT, 'Budget allocations and commitments must not be negative.'); END
SQL);
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS budgets_nonnegative_allocations_update
BEFORE UPDATE ON budgets
WHEN NEW.total_allocated < 0 OR NEW.total_committed < 0
BEGIN SELECT RAISE(ABORT, 'Budget allocations and commitments must not be negative.'); END
SQL);
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS budget_line_items_nonnegative_months_insert
BEFORE INSERT ON budget_line_items
WHEN NEW.jan < 0 OR NEW.feb < 0 OR NEW.mar < 0 OR NEW.apr < 0 OR NEW.may < 0 OR NEW.jun < 0 OR NEW.jul < 0 OR NEW.aug < 0 OR NEW.sep < 0 OR NEW.oct < 0 OR NEW.nov < 0 OR NEW.dec < 0
BEGIN SELECT RAISE(ABORT, 'Budget line item allocations must not be negative.'); END
SQL);
            // expect-next: static
            DB::statement(<<<'SQL'
CREATE TRIGGER IF NOT EXISTS budget_line_items_nonnegative_months_update
BEFORE UPDATE ON budget_line_items
WHEN NEW.jan < 0 OR NEW.feb < 0 OR NEW.mar < 0 OR NEW.apr < 0 OR NEW.may < 0 OR NEW.jun < 0 OR NEW.jul < 0 OR NEW.aug < 0 OR NEW.sep < 0 OR NEW.oct < 0 OR NEW.nov < 0 OR NEW.dec < 0
BEGIN SELECT RAISE(ABORT, 'Budget line item allocations must not be negative.'); END
SQL);
        }
    }

    public function down(): void
    {
        $driver = DB::getDriverName();
        if ($driver === 'pgsql') {
            DB::statement('ALTER TABLE fiscal_years DROP CONSTRAINT IF EXISTS fiscal_years_date_order'); // expect: static
            DB::statement('ALTER TABLE budgets DROP CONSTRAINT IF EXISTS budgets_nonnegative_allocations'); // expect: static
            DB::statement('ALTER TABLE budget_line_items DROP CONSTRAINT IF EXISTS budget_line_items_nonnegative_months'); // expect: static
        } elseif ($driver === 'sqlite') {
            foreach ([
                'fiscal_years_date_order_insert', 'fiscal_years_date_order_update',
                'budgets_nonnegative_allocations_insert', 'budgets_nonnegative_allocations_update',
                'budget_line_items_nonnegative_months_insert', 'budget_line_items_nonnegative_months_update',
            ] as $trigger) {
                DB::statement('DROP TRIGGER IF EXISTS "'.$trigger.'"'); // expect: dynamic
            }
        }

        if (Schema::hasTable('budget_line_items')) {
            Schema::table('budget_line_items', function (Blueprint $table): void {
                $table->dropUnique('budget_line_items_budget_account_unique');
            });
        }
    }
};

// ---- 2. opportunities (MySQL branch) ----

class CanonicalizeOpportunities extends Migration
{
    protected function migrateForMySQL(): void
    {
        // Step 1: Drop existing FK (SET NULL → must drop before changing to NOT NULL)
        try {
            DB::statement('ALTER TABLE opportunities DROP FOREIGN KEY IF EXISTS opportunities_ilan_id_foreign'); // expect: static
        } catch (\Exception $e) {
            // May already be gone
        }

        // Step 2: Change ilan_id to NOT NULL
        DB::statement('ALTER TABLE opportunities CHANGE ilan_id ilan_id BIGINT UNSIGNED NOT NULL'); // expect: static

        // Step 3: Add tenant_id column
        if (!Schema::hasColumn('opportunities', 'tenant_id')) {
            Schema::table('opportunities', function (Blueprint $table) {
                $table->unsignedBigInteger('tenant_id')->nullable()->after('lead_id');
            });
        }

        // Step 4: Add ikna_metni
        if (!Schema::hasColumn('opportunities', 'ikna_metni')) {
            Schema::table('opportunities', function (Blueprint $table) {
                $table->text('ikna_metni')->nullable()->after('firsat_nedeni');
            });
        }

        // Step 5: Add FKs
        Schema::table('opportunities', function (Blueprint $table) {
            try {
                $table->foreign('ilan_id')->references('id')->on('ilanlar')->onDelete('cascade');
            } catch (\Exception $e) { /** @sab-ignore-catch */ }

            try {
                $table->foreign('tenant_id')->references('id')->on('tenants')->onDelete('cascade');
            } catch (\Exception $e) { /** @sab-ignore-catch */ }
        });

        // Step 6: Add indexes
        if (!Schema::hasIndex('opportunities', 'opportunities_tenant_listing_lead_unique')) {
            try {
                Schema::table('opportunities', function (Blueprint $table) {
                    $table->unique(
                        ['tenant_id', 'ilan_id', 'lead_id'],
                        'opportunities_tenant_listing_lead_unique'
                    );
                });
            } catch (\Exception $e) { /** @sab-ignore-catch */ }
        }
    }
}

// ---- 3. users table (commented-out RLS) ----

class CreateUsersTableExcerpt extends Migration
{
    public function up(): void
    {
        // Turn on RLS
        // DB::statement('ALTER TABLE users ENABLE ROW LEVEL SECURITY;');

        // // Restrict read and write actions so tenants can only see their rows
        // // Cast the UUID value in tenant_id to match the type current_user returns
        // // This policy implies a WITH CHECK that matches the USING clause
        // DB::statement('CREATE POLICY tenant_user_isolation_policy ON users USING (tenant_id::TEXT = current_user);');
    }
}
