# Source: Rails 8.1 migration CreatePhase11CashAccountability of a point-of-sale app (PostgreSQL,
# uuid tables); read_file / find_string index id 61384067781 (the index gave no repository name).
# Classes: 8-fragments (add_check_constraint expressions, including IN (...) lists of enum-like
# values and XOR conditions; partial-index `where:` conditions of add_index), 2-short
# (select_values("SELECT id FROM stores")), 4-placeholders (execute(sanitize_sql_array([<<~SQL, …]))
# with ?), 7-decoys (constraint and index names such as "cash_locations_type_valid", column and
# table symbols, %w[safe deposit_in_transit] values, t.string/t.bigint schema DSL).
# Adaptations: excerpt: the create_uuid_table blocks for cash_activity_reasons, cash_counts,
# cash_count_denomination_lines, cash_transfers and cash_safe_initializations, and the
# pos_sessions columns, are left out (all of the same shape), and the cash_reconciliations block
# is shortened (two add_index, two add_foreign_key and two add_check_constraint lines dropped);
# the `# frozen_string_literal: true` magic comment now follows this header. Heredoc labelled on the line where
# `<<~SQL,` opens (convention 2). Labelled by hand, blind.
# frozen_string_literal: true

class CreatePhase11CashAccountability < ActiveRecord::Migration[8.1]
  def change
    add_column :system_settings, :cash_variance_note_threshold_cents, :bigint, null: false, default: 100
    add_column :system_settings, :cash_variance_approval_threshold_cents, :bigint, null: false, default: 1000
    add_column :system_settings, :cash_paid_out_approval_threshold_cents, :bigint, null: false, default: 5000
    add_check_constraint :system_settings, "cash_variance_note_threshold_cents >= 0", # expect: fragment
                         name: "system_settings_cash_note_threshold_nonnegative"
    add_check_constraint :system_settings, "cash_variance_approval_threshold_cents >= 0", # expect: fragment
                         name: "system_settings_cash_approval_threshold_nonnegative"
    add_check_constraint :system_settings, "cash_paid_out_approval_threshold_cents >= 0", # expect: fragment
                         name: "system_settings_cash_paid_out_threshold_nonnegative"

    add_column :stores, :cash_variance_note_threshold_cents, :bigint
    add_column :stores, :cash_variance_approval_threshold_cents, :bigint
    add_column :stores, :cash_paid_out_approval_threshold_cents, :bigint
    add_check_constraint :stores,
                         "cash_variance_note_threshold_cents IS NULL OR cash_variance_note_threshold_cents >= 0", # expect: fragment
                         name: "stores_cash_note_threshold_nonnegative"
    add_check_constraint :stores,
                         "cash_variance_approval_threshold_cents IS NULL OR cash_variance_approval_threshold_cents >= 0", # expect: fragment
                         name: "stores_cash_approval_threshold_nonnegative"
    add_check_constraint :stores,
                         "cash_paid_out_approval_threshold_cents IS NULL OR cash_paid_out_approval_threshold_cents >= 0", # expect: fragment
                         name: "stores_cash_paid_out_threshold_nonnegative"

    create_uuid_table :cash_locations do |t|
      t.uuid :store_id, null: false
      t.string :location_type, null: false
      t.bigint :expected_balance_cents, null: false, default: 0
      t.timestamptz :initialized_at
      t.integer :lock_version, null: false, default: 0
      t.timestamptz :created_at, null: false
      t.timestamptz :updated_at, null: false
    end
    add_index :cash_locations, :store_id, unique: true, where: "location_type = 'safe'", # expect: fragment
              name: "index_cash_locations_one_safe_per_store"
    add_index :cash_locations, :store_id, unique: true, where: "location_type = 'deposit_in_transit'", # expect: fragment
              name: "index_cash_locations_one_dit_per_store"
    add_foreign_key :cash_locations, :stores
    add_check_constraint :cash_locations, "location_type IN ('safe', 'deposit_in_transit')", # expect: fragment
                         name: "cash_locations_type_valid"
    add_check_constraint :cash_locations, "expected_balance_cents >= 0", # expect: fragment
                         name: "cash_locations_balance_nonnegative"

    create_uuid_table :cash_operations do |t|
      t.string :operation_type, null: false
      t.uuid :store_id, null: false
      t.date :business_date, null: false
      t.timestamptz :occurred_at, null: false
      t.uuid :performed_by_id, null: false
      t.uuid :approved_by_id
      t.uuid :pos_session_id
      t.uuid :idempotency_operation_id, null: false
      t.uuid :reversal_of_id
      t.string :reason_code
      t.string :reason_name_snapshot
      t.text :notes
      t.timestamptz :created_at, null: false
      t.timestamptz :updated_at, null: false
    end
    add_index :cash_operations, :idempotency_operation_id, unique: true
    add_index :cash_operations, :reversal_of_id, unique: true, where: "reversal_of_id IS NOT NULL" # expect: fragment
    add_index :cash_operations, :store_id
    add_index :cash_operations, :performed_by_id
    add_index :cash_operations, :approved_by_id
    add_index :cash_operations, :pos_session_id
    add_foreign_key :cash_operations, :stores
    add_foreign_key :cash_operations, :users, column: :performed_by_id
    add_foreign_key :cash_operations, :users, column: :approved_by_id
    add_foreign_key :cash_operations, :pos_sessions
    add_foreign_key :cash_operations, :idempotency_operations
    add_foreign_key :cash_operations, :cash_operations, column: :reversal_of_id
    add_check_constraint :cash_operations,
                         "operation_type IN ('initialize_safe', 'transfer', 'paid_in', 'paid_out', 'reconcile', 'reverse')", # expect: fragment
                         name: "cash_operations_type_valid"
    add_check_constraint :cash_operations,
                         "approved_by_id IS NULL OR approved_by_id <> performed_by_id", # expect: fragment
                         name: "cash_operations_approver_differs"

    create_uuid_table :cash_entries do |t|
      t.uuid :cash_operation_id, null: false
      t.integer :entry_sequence, null: false
      t.bigint :amount_cents, null: false
      t.bigint :balance_after_cents, null: false
      t.uuid :pos_session_id
      t.uuid :cash_location_id
      t.uuid :reversal_of_id
      t.timestamptz :created_at, null: false
    end
    add_index :cash_entries, %i[cash_operation_id entry_sequence], unique: true,
              name: "index_cash_entries_on_operation_and_sequence"
    add_index :cash_entries, :pos_session_id
    add_index :cash_entries, :cash_location_id
    add_index :cash_entries, :reversal_of_id, unique: true, where: "reversal_of_id IS NOT NULL" # expect: fragment
    add_foreign_key :cash_entries, :cash_operations
    add_foreign_key :cash_entries, :pos_sessions
    add_foreign_key :cash_entries, :cash_locations
    add_foreign_key :cash_entries, :cash_entries, column: :reversal_of_id
    add_check_constraint :cash_entries, "entry_sequence >= 0", name: "cash_entries_sequence_nonnegative" # expect: fragment
    add_check_constraint :cash_entries, "amount_cents <> 0", name: "cash_entries_amount_nonzero" # expect: fragment
    add_check_constraint :cash_entries, "balance_after_cents >= 0", name: "cash_entries_balance_after_nonnegative" # expect: fragment
    add_check_constraint :cash_entries,
                         "(pos_session_id IS NOT NULL AND cash_location_id IS NULL) OR (pos_session_id IS NULL AND cash_location_id IS NOT NULL)", # expect: fragment
                         name: "cash_entries_target_xor"

    create_uuid_table :cash_reconciliations do |t|
      t.string :direction, null: false
      t.bigint :expected_cents, null: false
      t.bigint :counted_cents, null: false
      t.bigint :variance_cents, null: false
      t.uuid :pos_session_id
      t.uuid :cash_location_id
      t.uuid :cash_count_id, null: false
      t.uuid :cash_operation_id, null: false
      t.timestamptz :created_at, null: false
      t.timestamptz :updated_at, null: false
    end
    add_index :cash_reconciliations, :cash_operation_id, unique: true
    add_index :cash_reconciliations, :cash_count_id
    add_foreign_key :cash_reconciliations, :cash_operations
    add_foreign_key :cash_reconciliations, :cash_counts
    add_check_constraint :cash_reconciliations, "direction IN ('over', 'short')", # expect: fragment
                         name: "cash_reconciliations_direction_valid"
    add_check_constraint :cash_reconciliations, "variance_cents = counted_cents - expected_cents", # expect: fragment
                         name: "cash_reconciliations_variance_matches"
    add_check_constraint :cash_reconciliations, "variance_cents <> 0", # expect: fragment
                         name: "cash_reconciliations_variance_nonzero"

    reversible do |dir|
      dir.up { backfill_cash_locations }
    end
  end

  private

  def backfill_cash_locations
    now = Time.current
    select_values("SELECT id FROM stores").each do |store_id| # expect: static
      %w[safe deposit_in_transit].each do |type|
        execute(ActiveRecord::Base.sanitize_sql_array([
          <<~SQL, # expect: static
            INSERT INTO cash_locations (
              id, store_id, location_type, expected_balance_cents, initialized_at,
              lock_version, created_at, updated_at
            ) VALUES (?, ?, ?, 0, NULL, 0, ?, ?)
          SQL
          SecureRandom.uuid_v7, store_id, type, now, now
        ]))
      end
    end
  end
end
