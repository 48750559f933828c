# Source: huginn/huginn — db/migrate/20260403000000_change_agents_options_and_events_payload_to_native_json.rb
# (read_file id 53154798343, commit e36f802cbc532d8e75e4cfa2805f4c181c975e66)
# Rails 8 migration with per-adapter branches: change_column … using: "CASE WHEN … THEN '{}'::jsonb ELSE
# col::jsonb END" and using: "col::text" (USING expressions handed to the schema DSL: fragments);
# `execute <<~SQL` UPDATEs without parentheses (static); an interpolating squiggly heredoc UPDATE with
# #{quote(JSON.dump(options))} and #{id} (dynamic); select_rows("SELECT …") (static).
# Decoys: "Unsupported adapter: #{…}" error texts, adapter_name regexes /mysql/i /postgres/i,
# "Unable to convert services.options …", start_with?("{", "["), change_column type symbols.
# Whole file, unchanged apart from this header and the label comments.
class ChangeAgentsOptionsAndEventsPayloadToNativeJson < ActiveRecord::Migration[8.1]
  def up
    case ActiveRecord::Base.connection.adapter_name
    when /mysql/i
      normalize_blank_json_strings
      convert_service_options_to_json_strings

      change_column :agents, :options, :json
      change_column :agents, :memory, :json
      change_column :events, :payload, :json
      change_column :services, :options, :json
    when /postgres/i
      convert_service_options_to_json_strings

      change_column :agents, :options, :jsonb,
                    using: "CASE WHEN options IS NULL OR btrim(options) = '' THEN '{}'::jsonb ELSE options::jsonb END" # expect: fragment
      change_column :agents, :memory, :jsonb,
                    using: "CASE WHEN memory IS NULL OR btrim(memory) = '' THEN '{}'::jsonb ELSE memory::jsonb END" # expect: fragment
      change_column :events, :payload, :jsonb,
                    using: "CASE WHEN payload IS NULL OR btrim(payload) = '' THEN '{}'::jsonb ELSE payload::jsonb END" # expect: fragment
      change_column :services, :options, :jsonb,
                    using: "CASE WHEN options IS NULL OR btrim(options) = '' THEN '{}'::jsonb ELSE options::jsonb END" # expect: fragment
    else
      raise NotImplementedError, "Unsupported adapter: #{ActiveRecord::Base.connection.adapter_name}"
    end
  end

  def down
    case ActiveRecord::Base.connection.adapter_name
    when /mysql/i
      change_column :agents, :options, :text
      change_column :agents, :memory, :text, limit: 4.gigabytes - 1
      change_column :events, :payload, :text, limit: 16.megabytes - 1
      change_column :services, :options, :text
    when /postgres/i
      change_column :agents, :options, :text, using: "options::text" # expect: fragment
      change_column :agents, :memory, :text, using: "memory::text" # expect: fragment
      change_column :events, :payload, :text, using: "payload::text" # expect: fragment
      change_column :services, :options, :text, using: "options::text" # expect: fragment
    else
      raise NotImplementedError, "Unsupported adapter: #{ActiveRecord::Base.connection.adapter_name}"
    end
  end

  private

  def normalize_blank_json_strings
    execute <<~SQL # expect: static
      UPDATE agents
      SET options = '{}'
      WHERE options IS NULL OR TRIM(options) = ''
    SQL

    execute <<~SQL # expect: static
      UPDATE agents
      SET memory = '{}'
      WHERE memory IS NULL OR TRIM(memory) = ''
    SQL

    execute <<~SQL # expect: static
      UPDATE events
      SET payload = '{}'
      WHERE payload IS NULL OR TRIM(payload) = ''
    SQL
  end

  def convert_service_options_to_json_strings
    each_service_option do |id, options|
      execute <<~SQL # expect: dynamic
        UPDATE services
        SET options = #{quote(JSON.dump(options))}
        WHERE id = #{id}
      SQL
    end
  end

  def each_service_option
    select_rows("SELECT id, options FROM services").each do |id, raw_options| # expect: static
      yield id, parse_service_options(raw_options)
    end
  end

  def parse_service_options(raw_options)
    return {} if raw_options.blank?

    parsed =
      if raw_options.lstrip.start_with?("{", "[")
        JSON.parse(raw_options)
      else
        YAML.safe_load(raw_options, permitted_classes: [Symbol], aliases: true)
      end

    (parsed || {}).deep_stringify_keys
  rescue JSON::ParserError, Psych::Exception
    raise "Unable to convert services.options for native JSON storage"
  end
end
