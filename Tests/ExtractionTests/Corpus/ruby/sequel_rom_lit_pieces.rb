# Sources (the index gave no repository names; open with read_file id=…):
#   (a) id 38819764046: Service::Places::Search, a Sequel-based place-search service object
#       (Console.logger, query tokens "city:~…").
#   (b) id 71504045066: a ROM::SQL (Sequel) migration creating `suggestion_edits` with CHECK
#       constraints and an enum type.
#   (c) id 22378463561: a Sequel migration creating `domains_history`.
# Classes: Sequel fragments: where(Sequel.lit("#{field} ilike ?", "%#{value}%")) (condition
# whose column is interpolated, `?` bind; twice), table-level CHECK constraints
# constraint :name, Sequel.lit("…") (fragments, like add_check_constraint); column defaults
# Sequel.lit('gen_random_uuid()') / Sequel.lit('CURRENT_TIMESTAMP') (bare values, unlabelled:
# Round 5 decision 6); decoys: Sequel.asc(:name), where(field: value), create_enum value list
# %w[pending accepted rejected stale], default: "pending", Sequel::CURRENT_TIMESTAMP, regexes
# /^~/ and gsub(/-/, " "), logger texts.
# Adaptations: three files concatenated; the `# frozen_string_literal: true` of (a) kept after
# this header (inert there), those of (b) and (c) dropped. Code otherwise verbatim.
# frozen_string_literal: true

# ---- (a) id 38819764046
module Service
  module Places
    class Search

      def initialize(query:, offset:, limit:)
        @query = query
        @offset = offset
        @limit = limit

        @struct = Struct.new(:code, :places, :errors)
      end

      def call
        struct = @struct.new(0, [], [])

        Console.logger.info(self, "#{Thread.current[:rid]} query #{@query}")

        begin
          struct_tokens = ::Service::Database::QueryTokens.new(
            query: @query
          ).call

          tokens = struct_tokens.tokens
          query = ::Model::Place

          tokens.each do |object|
            field = object[:field]
            value = object[:value]

            if ["city"].include?(field)
              if value[/^~/]
                value = value.gsub(/~/, '')
                query = query.where(Sequel.lit("#{field} ilike ?", "%#{value}%")) # expect: fragment
              else
                value = value.gsub(/-/, " ").split(" ").map{ |s| s.capitalize }.join(" ")
                query = query.where(field: value)
              end
            elsif ["name"].include?(field)
              if value[/^~/]
                value = value.gsub(/~/, '')
                query = query.where(Sequel.lit("#{field} ilike ?", "%#{value}%")) # expect: fragment
              else
                value = value.gsub(/-/, " ").split(" ").map{ |s| s.capitalize }.join(" ")
                query = query.where(field: value)
              end
            end
          end

          struct.places = query.order(Sequel.asc(:name)).offset(@offset).limit(@limit).all
        rescue => e
          struct.code = 500
          struct.errors.push(e.message)

          Console.logger.failure(self, e)
        end

        struct
      end

    end
  end
end

# ---- (b) id 71504045066
ROM::SQL.migration do
  up do
    create_enum :suggestion_edit_status, %w[pending accepted rejected stale]

    create_table :suggestion_edits do
      primary_key :id
      foreign_key :suggestion_id, :suggestions, null: false, on_delete: :cascade
      column :position, :integer, null: false
      column :part, :integer
      column :original, :non_blank_text, null: false
      column :replacement, :text, null: false
      column :reason, :non_blank_text, null: false
      column :status, :suggestion_edit_status, null: false, default: "pending"
      column :created_at, :timestamptz, null: false, default: Sequel::CURRENT_TIMESTAMP
      column :updated_at, :timestamptz, null: false, default: Sequel::CURRENT_TIMESTAMP

      constraint :suggestion_edits_part_check, Sequel.lit("part IS NULL OR part > 0") # expect: fragment
      constraint :suggestion_edits_position_check, Sequel.lit('"position" > 0') # expect: fragment

      index %i[suggestion_id position], unique: true
      index %i[suggestion_id status]
    end
  end

  down do
    drop_table :suggestion_edits

    drop_enum :suggestion_edit_status
  end
end

# ---- (c) id 22378463561
Sequel.migration do
  up do
    create_table(:domains_history) do
      uuid :id, primary_key: true, default: Sequel.lit('gen_random_uuid()')
      String :external_domain_id, size: 255, null: false
      foreign_key :domain_id, :domains, null: false, on_delete: :cascade, type: :uuid
      String :name, size: 255, null: false
      Boolean :archived, default: false, null: false
      DateTime :created_at, default: Sequel.lit('CURRENT_TIMESTAMP')
      DateTime :updated_at, default: Sequel.lit('CURRENT_TIMESTAMP')
    end
  end

  down do
    drop_table(:domains_history)
  end
end
