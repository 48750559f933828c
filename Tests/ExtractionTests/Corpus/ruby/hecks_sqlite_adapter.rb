# Source: find_string / read_file index id 71035992161 (the "Hecks" domain runtime, module
# Hecks::Adapters, class Sqlite: the SQLite store, one table per aggregate plus an append-only
# journal; sqlite3 gem; repository name not returned).
# Classes: table names chosen at run time (`#{quoted_table}`, `#{quoted_entry_table}`: one
# table per aggregate) in SELECT/INSERT/DELETE (dynamic), an INSERT OR REPLACE whose column list
# and `?` slots are generated in code (dynamic), ORDER BY pieces kept in `order_sql` for
# splicing (fragments), statements on fixed tables with ? binds (static), literals continued
# with a backslash (label with expect-next on the line before: Ruby allows no comment after
# `\`), SQLite-only syntax (PRAGMA, INSERT OR REPLACE / OR IGNORE, MAX() as a scalar in
# ON CONFLICT … DO UPDATE: hard), decoys (YARD comments naming `BEGIN`, `DELETE`, `WHERE`;
# WiringError message "… to order by"; "save"/"delete" operation values; row keys).
# Adaptations: excerpt. The YARD @param/@return/@raise comment lines were dropped (one-line
# summaries kept); the methods resolve_path, the create_*_table! helpers (not in this file's
# part), save, delete, events_for, outbox_rows and the saga methods were left out; the private
# entries_matching helper is kept at the end; in initialize the @domain if/elsif chain was
# condensed to one `||` expression and three of the eight create/ensure calls were dropped; six
# require_relative lines and persistence_capabilities were dropped. SQL lines verbatim.
require "json"
require "fileutils"

require_relative "sql_query_builder"
require_relative "sqlite/schema_builder"
require_relative "sqlite/codec"

module Hecks
  module Adapters
    # The SQLite store: one table per aggregate head, an append-only entry table beside it.
    # Supplies SQLite's dialect to the shared SqlQueryBuilder.
    class Sqlite
      include SqlQueryBuilder
      include SchemaBuilder
      include Codec

      SQL_TYPES = { "Integer" => "INTEGER", "Float" => "REAL" }.freeze

      attr_reader :aggregate, :path

      # Opens (creating if absent) the database file and its aggregate, journal, event, saga
      # and outbox tables.
      def initialize(aggregate:, settings: {}, root: nil)
        # Lazy so a domain that never wires Sqlite does not need the gem installed.
        require "sqlite3"

        @aggregate = aggregate
        @path      = resolve_path(settings, root)
        @domain = (settings[:domain] || settings["domain"] || aggregate.name).to_s

        FileUtils.mkdir_p(File.dirname(@path))
        @db = SQLite3::Database.new(@path)
        @db.results_as_hash = true
        # The append is the recovery commit point, so the fsync policy is explicit.
        @db.execute("PRAGMA synchronous = FULL") # expect: static

        create_aggregate_table!
        create_entry_table!
        create_event_table!
        create_outbox_table!
        create_checkpoint_table!
      end

      # Runs the block inside one SQLite transaction, joining an already-open one.
      #
      # Re-entrant because `atomic_put` and `Interpreting#run_dispatch_order` both open one,
      # and SQLite3 refuses a BEGIN inside a BEGIN.
      def transaction(&)
        return yield if @db.transaction_active?

        @db.transaction(&)
      end

      # Names the aggregate's table; the journal table and outbox rows are keyed off it.
      def table = @aggregate.storage_name

      # Reads the current row for one aggregate identity.
      def find(id)
        row = @db.get_first_row("SELECT * FROM #{quoted_table} WHERE id = ?", [id.to_s]) # expect: dynamic
        return nil unless row

        Runtime::Instance.new(aggregate: @aggregate, id: row["id"], state: decode(row))
      end

      # Lists every stored record, ordered by id unless an ordering attribute is given.
      #
      # order_by is a runtime value, so it is checked against the aggregate before use.
      def all(order_by: nil, direction: :asc)
        order_sql = "ORDER BY id" # expect: fragment
        if order_by
          name = order_by.to_s.split(".").first
          unless @aggregate.lifecycle&.field.to_s == name || @aggregate.attribute(name)
            raise Runtime::WiringError,
                  "#{@aggregate.name} has no attribute #{order_by.inspect} to order by"
          end

          spec = QuerySpecification::Common::OrderBy.new(field: order_by, direction: direction)
          order_sql = "ORDER BY #{order_clause(spec, nil)}" # expect: fragment
        end

        @db.execute("SELECT * FROM #{quoted_table} #{order_sql}").map do |row| # expect: dynamic
          Runtime::Instance.new(aggregate: @aggregate, id: row["id"], state: decode(row))
        end
      end

      # Counts the rows in the aggregate's table, deleted records excluded.
      def count = @db.get_first_value("SELECT COUNT(*) FROM #{quoted_table}").to_i # expect: dynamic

      # Inserts one journal row, outside any transaction of its own.
      def append(entry)
        @db.execute(
          "INSERT INTO #{quoted_entry_table} (aggregate_id, operation, state, mirrors) VALUES (?, ?, ?, ?)", # expect: dynamic
          # `mirrors` is nullable: an absent hash must bind SQL NULL, not the JSON text "null".
          [entry.id, entry.operation, JSON.generate(Ports::Persistence::StateCodec.encode(@aggregate, entry.state)),
           entry.mirrors && JSON.generate(entry.mirrors)]
        )
        entry.sequence = @db.last_insert_row_id
        entry
      end

      # Replaces or deletes the aggregate's row for one journal entry.
      def project(entry)
        advance_checkpoint!(entry.sequence) if entry.sequence
        return @db.execute("DELETE FROM #{quoted_table} WHERE id = ?", [entry.id]) if entry.delete? # expect: dynamic

        instance = Runtime::Instance.new(aggregate: @aggregate, id: entry.id, state: entry.state)
        columns = (["id"] + persisted_fields.map { |field| field[:name].to_s }).map { |c| quote_ident(c) }
        values  = [instance.id.to_s] + persisted_fields.map { |field| encode_field(field, instance[field[:name]]) }
        slots   = Array.new(columns.size, "?").join(", ")

        @db.execute(
          "INSERT OR REPLACE INTO #{quoted_table} (#{columns.join(', ')}) VALUES (#{slots})", # expect: dynamic
          values
        )
        instance
      end

      # Reads the whole journal back in append order, for `AppendOnly#recover!` to replay.
      def entries
        entries_matching(
          "SELECT aggregate_id, operation, state, mirrors, sequence FROM #{quoted_entry_table} ORDER BY sequence" # expect: dynamic
        )
      end

      # Reads only the journal rows past a given `sequence`, for `AppendOnly#recover!` to replay
      # after a checkpoint instead of the whole journal.
      def entries_since(sequence)
        entries_matching( # expect-next: dynamic
          "SELECT aggregate_id, operation, state, mirrors, sequence FROM #{quoted_entry_table} " \
          "WHERE sequence > ? ORDER BY sequence",
          [sequence]
        )
      end

      # Reads the highest journal `sequence` this table has already had projected into it.
      def checkpoint
        @db.get_first_value("SELECT last_sequence FROM hecks_checkpoints WHERE aggregate_table = ?", [table]).to_i # expect: static
      end

      # Reads the highest journal `sequence` compaction has already deleted from this table.
      def compacted_through
        @db.get_first_value("SELECT compacted_through FROM hecks_checkpoints WHERE aggregate_table = ?", [table]).to_i # expect: static
      end

      # Deletes every journal row at or before `through` and records it, so a `:strict`
      # projection catch-up can tell whether it still has the history it needs.
      def compact_entries!(through:)
        @db.execute("DELETE FROM #{quoted_entry_table} WHERE sequence <= ?", [through]) # expect: dynamic
        removed = @db.changes
        @db.execute( # expect-next: static
          "INSERT INTO hecks_checkpoints (aggregate_table, compacted_through) VALUES (?, ?) " \
          "ON CONFLICT (aggregate_table) DO UPDATE SET " \
          "compacted_through = MAX(compacted_through, excluded.compacted_through)",
          [table, through]
        )
        removed
      end

      # Deletes every row of the aggregate's table and its journal; events, saga rows and
      # outbox rows are left in place.
      def reset!
        @db.execute("DELETE FROM #{quoted_table}") # expect: dynamic
        @db.execute("DELETE FROM #{quoted_entry_table}") # expect: dynamic
        self
      end

      # Stores an entry and reports whether it inserted, replaced or conflicted.
      def atomic_put(entry, insert_only: false)
        status = nil
        transaction do
          exists = !@db.get_first_value("SELECT 1 FROM #{quoted_table} WHERE id = ?", [entry.id.to_s]).nil? # expect: dynamic
          if insert_only && exists
            status = :conflicted
            next
          end
          status = exists ? :replaced : :inserted
          append(entry)
          project(entry)
        end
        status
      end

      # Inserts an emitted event into the database's shared `events` table.
      def record_event(event)
        @db.execute(
          "INSERT INTO events (name, aggregate, aggregate_id, payload, occurred_at) VALUES (?, ?, ?, ?, ?)", # expect: static
          [event.name, event.aggregate, event.id.to_s, JSON.generate(event.payload), event.occurred_at]
        )
      end

      # Reads back every recorded event in insertion order — the database file's whole
      # `events` table, not only this aggregate's rows.
      def events
        @db.execute("SELECT * FROM events ORDER BY id").map do |row| # expect: static
          Runtime::Event.new(
            name:        row["name"],
            aggregate:   row["aggregate"],
            id:          row["aggregate_id"],
            payload:     JSON.parse(row["payload"], symbolize_names: true),
            occurred_at: row["occurred_at"]
          )
        end
      end

      # Inserts new outbox rows as pending, skipping any whose `delivery_id` already exists.
      def outbox_enqueue(rows)
        rows.filter_map do |row|
          @db.execute( # expect-next: static
            "INSERT OR IGNORE INTO hecks_outbox (delivery_id, event_uid, aggregate, domain, kind, consumer, event, " \
            "status, attempts, enqueued_at) VALUES (?, ?, ?, ?, ?, ?, ?, 'pending', 0, ?)",
            [row.delivery_id, row.event_uid, row.aggregate, row.domain, row.kind, row.consumer,
             JSON.generate(row.event), Time.now.utc.iso8601]
          )
          next nil if @db.changes.zero?

          row.id = @db.last_insert_row_id
          row.status = "pending"
          row
        end
      end

      # Claims a pending outbox row with a compare-and-set update, counting the attempt.
      def outbox_claim(id)
        @db.execute( # expect-next: static
          "UPDATE hecks_outbox SET status = 'claimed', attempts = attempts + 1, claimed_at = ? " \
          "WHERE id = ? AND status = 'pending'",
          [Time.now.utc.iso8601, id]
        )
        @db.changes == 1
      end

      # Records a delivery outcome and its settle time on an outbox row, whatever status it
      # held.
      def outbox_settle(id, status:, error: nil)
        @db.execute(
          "UPDATE hecks_outbox SET status = ?, error = ?, settled_at = ? WHERE id = ?", # expect: static
          [status.to_s, error, Time.now.utc.iso8601, id]
        )
        @db.changes == 1
      end

      private

      # Shared decode step for `entries`/`entries_since` — runs a query already selecting
      # `aggregate_id, operation, state, mirrors, sequence` and builds one Entry per row.
      def entries_matching(sql, binds = [])
        @db.execute(sql, binds).map do |row|
          state = JSON.parse(row["state"])
          Ports::Persistence::Entry.new(
            operation: row["operation"] || "save",
            id:        row["aggregate_id"],
            state:     Ports::Persistence::StateCodec.decode(@aggregate, state),
            mirrors:   row["mirrors"] && JSON.parse(row["mirrors"]),
            sequence:  row["sequence"].to_i
          )
        end
      end
    end
  end
end
