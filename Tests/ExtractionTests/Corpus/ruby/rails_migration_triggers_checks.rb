# Sources (the index gave no repository names; open with read_file id=…):
#   (a) id 31645661283: AddIndexToPhoneOnSupporter, Rails migration of a nonprofit CRM
#       (AGPL-3.0-or-later WITH Web-Template-Output-Additional-Permission licence line, as in
#       the CommitChange/Houdini code base).
#   (b) id 62295016528: HardenSourceDocumentDetections, Rails 8.1 migration of a
#       receipt/document-parsing app.
#   (c) id 71493768073: CreateExcelExports, Rails 8.1 migration.
# Classes: Rails migrations: execute(<<-'EOSQL'.strip) / execute(<<-EOSQL.strip) heredocs with
# two statements each (plpgsql function + trigger; DROP FUNCTION + DROP TRIGGER; the second
# statement labelled inside the heredoc with `-- expect:`), `execute <<~SQL` without
# parentheses, `execute "…"` one-liners, add_index … where: "…" partial-index condition and
# add_check_constraint conditions (fragments; three of them spread over two backslash-joined
# literals, labelled with `# expect-next:` on the `add_check_constraint :table,` line because
# Ruby allows no comment after `\`); decoys: schema builder (t.string … default: "pending",
# t.jsonb default: {}), constraint names, remove_check_constraint with names only, RAISE
# EXCEPTION text inside the function body (part of its statement).
# Adaptations: three files concatenated; an in-literal `-- expect` label (static) added at the end of the first line
# of each heredoc's second statement; `# expect-next:` comments appended to the
# `add_check_constraint :source_document_detections,` lines. Code otherwise verbatim.

# ---- (a) id 31645661283
# License: AGPL-3.0-or-later WITH Web-Template-Output-Additional-Permission-3.0-or-later
class AddIndexToPhoneOnSupporter < ActiveRecord::Migration
  def change
    add_column :supporters, :phone_index, :string
    reversible do |dir|
      dir.up do
        execute(<<-'EOSQL'.strip) # expect: static
          CREATE FUNCTION update_phone_index_on_supporters() RETURNS TRIGGER AS $$
            BEGIN
              new.phone_index = (regexp_replace(new.phone, '\D','', 'g'));
              RETURN new;
            END
          $$ LANGUAGE plpgsql;
    
          CREATE TRIGGER update_supporters_phone_index BEFORE INSERT OR UPDATE -- expect: static
            ON supporters FOR EACH ROW EXECUTE PROCEDURE update_phone_index_on_supporters();
        EOSQL
      end

      dir.down do
        execute(<<-EOSQL.strip) # expect: static
          DROP FUNCTION update_phone_index_on_supporters () CASCADE;
          DROP TRIGGER IF EXISTS update_supporters_phone_index ON supporters; -- expect: static
        EOSQL
      end
    end

    add_index :supporters, [:nonprofit_id, :phone_index, :deleted], where: "phone IS NOT NULL AND phone != ''" # expect: fragment
  end
end

# ---- (b) id 62295016528
class HardenSourceDocumentDetections < ActiveRecord::Migration[8.1]
  def up
    add_check_constraint :source_document_detections, # expect-next: fragment
                         "status <> 'classified' OR " \
                           "(store_id IS NOT NULL AND parser_format IS NOT NULL)",
                         name: "source_document_detections_classified_source_present"

    add_check_constraint :source_document_detections, # expect-next: fragment
                         "(parser_format IS NULL AND parser_confidence = 'none') OR " \
                           "(parser_format IS NOT NULL AND parser_confidence <> 'none')",
                         name: "source_document_detections_parser_confidence_consistent"

    add_check_constraint :source_document_detections, # expect-next: fragment
                         "(store_id IS NULL AND store_confidence = 'none') OR " \
                           "(store_id IS NOT NULL AND store_confidence <> 'none')",
                         name: "source_document_detections_store_confidence_consistent"

    execute <<~SQL # expect: static
      CREATE FUNCTION prevent_source_document_detection_evidence_update()
      RETURNS trigger
      LANGUAGE plpgsql
      AS $$
      BEGIN
        RAISE EXCEPTION 'source_document_detections evidence columns are immutable';
      END;
      $$;
    SQL

    execute <<~SQL # expect: static
      CREATE TRIGGER source_document_detections_evidence_immutable
      BEFORE UPDATE OF source_document_id,
                       text_extraction_id,
                       status,
                       parser_format,
                       parser_confidence,
                       store_id,
                       store_confidence,
                       evidence
      ON source_document_detections
      FOR EACH ROW
      EXECUTE FUNCTION prevent_source_document_detection_evidence_update();
    SQL
  end

  def down
    execute "DROP TRIGGER IF EXISTS source_document_detections_evidence_immutable ON source_document_detections" # expect: static
    execute "DROP FUNCTION IF EXISTS prevent_source_document_detection_evidence_update()" # expect: static

    remove_check_constraint :source_document_detections,
                            name: "source_document_detections_store_confidence_consistent"
    remove_check_constraint :source_document_detections,
                            name: "source_document_detections_parser_confidence_consistent"
    remove_check_constraint :source_document_detections,
                            name: "source_document_detections_classified_source_present"
  end
end

# ---- (c) id 71493768073
class CreateExcelExports < ActiveRecord::Migration[8.1]
  def change
    create_table :excel_exports do |t|
      t.date :export_date, null: false
      t.date :end_date, null: false
      t.string :status, null: false, default: "pending"
      t.integer :transaction_count, null: false, default: 0
      t.string :storage_key
      t.references :generated_by, foreign_key: { to_table: :users }
      t.datetime :generated_at
      t.text :error_message
      t.jsonb :metadata, null: false, default: {}
      t.timestamps
    end
    add_index :excel_exports, :export_date
    add_check_constraint :excel_exports, "end_date >= export_date", name: "excel_exports_date_range" # expect: fragment
    add_check_constraint :excel_exports, "status IN ('pending', 'processing', 'completed', 'failed')", name: "excel_exports_status_check" # expect: fragment
  end
end
