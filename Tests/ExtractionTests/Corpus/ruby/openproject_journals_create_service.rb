# Source: opf/openproject, app/services/journals/create_service.rb (read_file id 70129276572,
# commit 03f8d538e3df2311eb64ebc6c174ed7de3eb1349). CUT: one contiguous block of the 26,869-character
# file, from `def create_journal_sql` to the end of `data_changes_condition_sql` (335 source
# lines). Left out: the license block, `module Journals` / `class CreateService`, `call`,
# `create_journal` and the long design comment before the cut, and the column/helper methods after
# it. The kept methods stand at top level, so the file parses (`ruby -c`) without added `end`s.
# Classes: one journaling statement assembled from Ruby heredocs: a `WITH #{ctes} SELECT ...` whose
# CTE list (`max_journals AS (...), changes AS (...), ...`) is itself a heredoc kept for splicing
# (fragment); complete SELECT / UPDATE ... RETURNING / INSERT ... SELECT ... RETURNING statements
# returned by methods and spliced in as CTE bodies, with `#{table}` / `#{condition_sql}` holes
# (dynamic) or only `:name` binds filled by ActiveRecord's sanitize (static); `sql += <<~SQL` FULL
# JOIN piece (unlabelled); `<<~SQL.squish` expressions kept for splicing (COALESCE(...),
# GREATEST(..., ... + interval '1 microsecond')) and per-column IS DISTINCT FROM / != conditions
# built in `map` blocks (fragments); `return "SELECT 1"` as a no-op CTE body. Decoys: comments
# describing the SQL, `data_changes.join(" OR ")`, `'statement_timestamp()'` passed as an argument,
# cleanup_predecessor_for(..., data_table_name, :id, :data_id). Hard cases: every heredoc needs its
# #{...} holes neutralised; `:name` binds; tstzrange(..., '[)'); `NULL::timestamp with time zone`.
    def create_journal_sql(predecessor, notes, internal, cause)
      journal_modifications = journal_modification_sql(predecessor, notes, internal, cause)
      relation_modifications = relation_modifications_sql(predecessor, notes, cause)

      journal_cte_clauses = [journal_modifications]
      journal_cte_clauses << relation_modifications if relation_modifications.any?

      <<~SQL # expect: dynamic
        WITH #{journal_cte_clauses.join(',')}
        SELECT * from inserted_journal
      SQL
    end

    def journal_modification_sql(predecessor, notes, internal, cause)
      <<~SQL # expect: fragment
        max_journals AS (
          #{select_max_journal_sql}
        ), changes AS (
          #{select_changed_sql}
        ), cleanup_predecessor_data AS (
          #{cleanup_predecessor_data_sql(predecessor, notes, cause)}
        ), touch_journable AS (
          #{touch_journable_sql(notes, cause)}
        ), fetch_time AS (
          #{fetch_time_sql}
        ), insert_data AS (
          #{insert_data_sql(notes, cause)}
        ), update_predecessor AS (
          #{update_predecessor_sql(predecessor, notes, cause)}
        ), inserted_journal AS (
          #{update_or_insert_journal_sql(predecessor, notes, internal, cause)}
        )
      SQL
    end

    def relation_modifications_sql(predecessor, notes, cause)
      associations.map do |association|
        association_modifications_sql(association, predecessor, notes, cause)
      end
    end

    def association_modifications_sql(association, predecessor, notes, cause)
      <<~SQL # expect: fragment
        cleanup_predecessor_#{association.name} AS (
          #{association.cleanup_predecessor(predecessor, notes, cause)}
        ), insert_#{association.name} AS (
          #{association.insert_sql}
        )
      SQL
    end

    def select_max_journal_sql
      sanitize(<<~SQL, journable_id:, journable_type:) # expect: static
        SELECT
          :journable_id journable_id,
          :journable_type journable_type,
          updated_at,
          COALESCE(journals.version, fallback.version) AS version,
          COALESCE(journals.id, 0) id,
          COALESCE(journals.data_id, 0) data_id
        FROM
          journals
        RIGHT OUTER JOIN
          (SELECT 0 AS version) fallback
        ON
          journals.journable_id = :journable_id
          AND journals.journable_type = :journable_type
          AND journals.version IN (
            SELECT MAX(version)
            FROM journals
            WHERE journable_id = :journable_id
            AND journable_type = :journable_type
          )
      SQL
    end

    def select_changed_sql
      sql = <<~SQL # expect: dynamic
        SELECT
           *
        FROM
          (#{changes_data_sql}) data_changes
      SQL

      associations.each do |association|
        sql += <<~SQL
          FULL JOIN
            (#{association.changes_sql}) #{association.name}_changes
          ON
            #{association.name}_changes.journable_id = data_changes.journable_id
        SQL
      end

      sql
    end

    def cleanup_predecessor_data_sql(predecessor, notes, cause)
      cleanup_predecessor_for(predecessor,
                              notes,
                              cause,
                              data_table_name,
                              :id,
                              :data_id)
    end

    # Updates the updated_at timestamp of the journable.
    #
    # Whenever an attribute is updated on the journable before creating the journal, the updated_at timestamp
    # will already have been increased so nothing needs to be done.
    # But if any of the associated data is updated or if only a cause or note is added, the journable would
    # otherwise not have received an updated timestamp.
    #
    # Therefore, this is only carried out if:
    # * if there are changes or a note or a cause
    # * AND the journable doesn't already have a newer timestamp than the most recent journal
    def touch_journable_sql(notes, cause)
      if journable.class.aaj_options[:timestamp].to_sym == :updated_at
        sql = <<~SQL # expect: dynamic
          UPDATE
            #{journable_table_name}
          SET
            updated_at = #{after_latest_journal_sql('statement_timestamp()')}
          WHERE
            id = :id
            #{only_on_changed_or_forced_condition_sql(notes, cause)}
            AND NOT updated_at > (SELECT updated_at FROM max_journals)
          RETURNING updated_at
        SQL

        sanitize(sql,
                 id: journable.id)
      else
        <<~SQL # expect: static
          SELECT NULL::timestamp with time zone AS updated_at
        SQL
      end
    end

    # Fetches the timestamp to be used by all subsequent SQL statements e.g. for
    # * setting the created_at and updated_at timestamps of the newly created journal
    # * setting the updated_at timestamp on an updated (aggregated with) journal
    # * setting the validity_period (upper bound) of the preceding journal.
    def fetch_time_sql
      timestamp = <<~SQL.squish # expect: fragment
        COALESCE(
          (SELECT updated_at FROM touch_journable),
          (SELECT #{journable_timestamp_column} FROM #{journable_table_name} WHERE id = :journable_id)
        )
      SQL

      sanitize(<<~SQL, journable_id:) # expect: dynamic
        SELECT #{after_latest_journal_sql(timestamp)} AS updated_at
      SQL
    end

    # Ensures the timestamp to insert is newer than the timestamp of the most recent journal.
    #
    # The journals of a journable have to be strictly ordered in time as the timestamp used here becomes the upper
    # bound of the predecessor's validity_period, whose lower bound is the predecessor's own timestamp.
    #
    # Neither of the two clocks the timestamp may come from ensures that:
    #  1) the database clock behind statement_timestamp() can be behind the application clock that
    #     wrote the most recent journal
    #
    #  2) the journable's timestamp attribute MAY be stale
    #     (because the record has been touched elsewhere since it was loaded).
    #
    # As a result, we use GREATEST to ensure the timestamp is newer than the most recent journal.
    def after_latest_journal_sql(timestamp)
      <<~SQL.squish # expect: fragment
        GREATEST(
          #{timestamp},
          (SELECT updated_at FROM max_journals) + interval '1 microsecond'
        )
      SQL
    end

    def insert_data_sql(notes, cause)
      sanitize(<<~SQL, journable_id:) # expect: dynamic
        INSERT INTO
          #{data_table_name} (
            #{data_sink_columns}
          )
        SELECT
          #{data_source_columns}
        FROM #{journable_table_name}
        #{journable_data_sql_addition}
        WHERE
          #{journable_table_name}.id = :journable_id
          #{only_on_changed_or_forced_condition_sql(notes, cause)}
        RETURNING *
      SQL
    end

    # Sets the validity_period's upper boundary of the preceding journal to the created_at timestamp of the inserted journal.
    # The upper bound set is not included.
    # If there is a predecessor (meaning we are aggregating/updating an existing journal), nothing is done.
    # In that case, the preceding journal is the one we are currently aggregating with so it will still remain
    # the most recent one.
    def update_predecessor_sql(predecessor, notes, cause)
      return "SELECT 1" if predecessor.present? # expect: static

      <<~SQL # expect: dynamic
        UPDATE
          journals
        SET
          validity_period = tstzrange(lower(validity_period), (SELECT updated_at FROM fetch_time), '[)')
        WHERE
          id = (SELECT id from max_journals)
          #{only_on_changed_or_forced_condition_sql(notes, cause)}
      SQL
    end

    def update_or_insert_journal_sql(predecessor, notes, internal, cause)
      if predecessor
        update_journal_sql(predecessor, notes, cause)
      else
        insert_journal_sql(notes, internal, cause)
      end
    end

    def update_journal_sql(predecessor, notes, cause)
      # If there is a predecessor, we don't want to create a new one, we simply rewrite it.
      # The original data of that predecessor (data e.g. work_package_journals, customizable_journals, attachable_journals)
      # has been deleted before but the notes need to be taken over and the timestamps updated as if the
      # journal would have been created.
      #
      # A lot of the data does not need to be set anew, since we only aggregate if that data stays the same
      # (e.g. the user_id).
      #
      # In case there is no change at all, the journal will not need to be modified. But even
      # without a change, having notes or a cause will require to have the journal written.
      sql = <<~SQL # expect: dynamic
        UPDATE
          journals
        SET
          notes = :notes,
          updated_at = (SELECT updated_at FROM fetch_time),
          data_id = insert_data.id,
          cause = :cause
        FROM insert_data
        WHERE journals.id = :predecessor_id
        #{only_on_changed_or_forced_condition_sql(notes, cause)}
        RETURNING
          journals.*
      SQL

      sanitize(sql,
               notes: notes.presence || predecessor.notes,
               predecessor_id: predecessor.id,
               cause: cause_sql(cause))
    end

    def insert_journal_sql(notes, internal, cause)
      sql = <<~SQL # expect: static
        INSERT INTO
          journals (
            journable_id,
            journable_type,
            version,
            user_id,
            notes,
            restricted,
            created_at,
            updated_at,
            data_id,
            data_type,
            cause,
            validity_period
          )
        SELECT
          :journable_id,
          :journable_type,
          COALESCE(max_journals.version, 0) + 1,
          :user_id,
          :notes,
          :restricted,
          (SELECT updated_at FROM fetch_time),
          (SELECT updated_at FROM fetch_time),
          insert_data.id,
          :data_type,
          :cause,
          tstzrange((SELECT updated_at FROM fetch_time), NULL)
        FROM max_journals, insert_data
        RETURNING *
      SQL

      sanitize(sql,
               notes:,
               restricted: internal,
               cause: cause_sql(cause),
               journable_id:,
               journable_type:,
               user_id: user.id,
               data_type: journable.class.journal_class.name)
    end

    def changes_data_sql
      sanitize(<<~SQL, journable_id:) # expect: dynamic
        SELECT
          #{journable_table_name}.id journable_id
        FROM
          (SELECT * FROM #{journable_table_name} #{journable_data_sql_addition}) #{journable_table_name}
        LEFT JOIN
          (SELECT * FROM max_journals
           JOIN
             #{data_table_name}
           ON
             #{data_table_name}.id = max_journals.data_id) #{data_table_name}
        ON
          #{journable_table_name}.id = #{data_table_name}.journable_id
        WHERE
          #{journable_table_name}.id = :journable_id AND (#{data_changes_condition_sql})
      SQL
    end

    def data_changes_condition_sql
      data_table = data_table_name
      journable_table = journable_table_name

      data_changes = (journable.journaled_columns_names - text_column_names).map do |column_name|
        <<~SQL # expect: fragment
          (#{journable_table}.#{column_name} IS DISTINCT FROM #{data_table}.#{column_name})
        SQL
      end

      data_changes += text_column_names.map do |column_name|
        <<~SQL # expect: fragment
          #{normalize_newlines_sql("#{journable_table}.#{column_name}")} !=
           #{normalize_newlines_sql("#{data_table}.#{column_name}")}
        SQL
      end

      data_changes.join(" OR ")
    end
