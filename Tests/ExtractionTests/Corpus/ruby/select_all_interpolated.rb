# Sources (the index did not return the repository names):
#   1. CorrectGachaPoolRegistrations, a Rails 8 data migration of a Granblue Fantasy companion app
#      (find_string "connection.select_all(", read_file id 71629653124), complete file;
#   2. ImportHelper, a Rails helper that copies a legacy MySQL schema and data (find_string "connection.select_all(",
#      read_file id 17811583939), complete file.
# Adaptation: concatenated; code unchanged apart from labels.
# Classes: short (execute 'LOCK TABLE … IN SHARE ROW EXCLUSIVE MODE' without parentheses), dynamic
#          (execute "UPDATE #{table} SET #{assignments.join(', ')} WHERE id = #{connection.quote(…)}",
#          connection.select_all with the literal on the line after the call, "SELECT #{columns} FROM #{table} …",
#          MySQL SHOW TABLES LIKE '#{prefix}%' / SHOW COLUMNS FROM #{table_name} (hard cases), "SELECT * FROM
#          #{table_name};"), fragments (SET assignments collected in an array and <<, spliced later: Round 3
#          decision 1), decoys (column lists 'id, name_en, recruits, promotions', TABLES/names hashes, raise texts
#          "Expected exactly one …", "Recruitment mismatch …", IrreversibleMigration message, generated Ruby
#          migration code "    create_table :#{…} do |t|" / "      t.#{type} :#{field} " / ", null: false",
#          regexes /bigint\(/ and /varchar\((\d+)\)/, log "Importing mysql table #{table_name}").

# ---- 1. CorrectGachaPoolRegistrations (id 71629653124) ----
# frozen_string_literal: true

# Reviewed pool corrections for character weapons and summons. Each weapon
# entry names the character it must recruit and each summon entry names the
# summon, so a drifted row aborts the whole run instead of moving the wrong item.
class CorrectGachaPoolRegistrations < ActiveRecord::Migration[8.0]
  PREMIUM = 1
  CLASSIC = 2
  CLASSIC_II = 3
  FLASH = 4
  LEGEND = 5
  SUMMER = 7
  ORDINARY = [1, 4, 5, 6, 7, 8, 9].freeze
  TABLES = { 'Weapon' => 'weapons', 'Summon' => 'summons' }.freeze

  # Summons the wiki lists as Classic II only.
  CLASSIC_II_SUMMONS = {
    '2040263000' => 'Tsukuyomi',
    '2040253000' => 'Adramelech',
    '2040249000' => 'Snow White',
    '2040233000' => 'Ankusha',
    '2040229000' => 'Zaoshen',
    '2040221000' => 'Garula, Shining Hawk',
    '2040216000' => 'Aphrodite',
    '2040212000' => 'Nacht',
    '2040105000' => 'Rose Queen',
    '2040180000' => 'Typhon',
    '2040177000' => 'Setekh',
    '2040173000' => 'Tezcatlipoca',
    '2040171000' => 'Sethlans'
  }.freeze

  CHANGES = [
    # Octavia joins the Flash Gala pool.
    { type: 'Weapon', granblue_id: '1040918400', recruits: '3040644000', add: [FLASH] },
    # Payila joins the Legend Gala pool.
    { type: 'Weapon', granblue_id: '1040119000', recruits: '3040502000', add: [LEGEND] },
    # Indala was last year's year spirit and leaves every pool.
    { type: 'Weapon', granblue_id: '1040028100', recruits: '3040569000', clear: true },
    # Swan recruits Vane (Grand), not Vane (SSR), and stays in the Legend Gala pool.
    { type: 'Weapon', granblue_id: '1040318400', recruits: '3040117000', recruits_after: '3040551000', add: [LEGEND] },
    *CLASSIC_II_SUMMONS.map do |granblue_id, name|
      { type: 'Summon', granblue_id: granblue_id, name: name, remove: ORDINARY, add: [CLASSIC_II] }
    end,
    # Morrigna and Prometheus are Classic, not Classic II.
    { type: 'Summon', granblue_id: '2040122000', name: 'Morrigna', remove: [CLASSIC_II], add: [CLASSIC] },
    { type: 'Summon', granblue_id: '2040125000', name: 'Prometheus', remove: [CLASSIC_II], add: [CLASSIC] },
    # Ms. Tart Man is a summer-limited summon.
    { type: 'Summon', granblue_id: '2040461000', name: 'Ms. Tart Man', add: [SUMMER] }
  ].freeze

  def up
    transaction do
      execute 'LOCK TABLE weapons, summons IN SHARE ROW EXCLUSIVE MODE' # expect: static
      preview.each do |entry|
        next if entry[:before] == entry[:after] && entry[:recruits_before] == entry[:recruits_after]

        assignments = ["promotions = ARRAY[#{entry[:after].join(',')}]::integer[]"] # expect: fragment
        assignments << "recruits = #{connection.quote(entry[:recruits_after])}" if entry[:table] == 'weapons' # expect: fragment
        execute "UPDATE #{entry[:table]} SET #{assignments.join(', ')} WHERE id = #{connection.quote(entry[:id])}" # expect: dynamic
      end
    end
  end

  # Resolves every item before any mutation; usable from rails runner to
  # review exact before/after values.
  def preview
    CHANGES.map do |change|
      table = TABLES.fetch(change[:type])
      columns = table == 'weapons' ? 'id, name_en, recruits, promotions' : 'id, name_en, promotions'
      rows = connection.select_all(
        "SELECT #{columns} FROM #{table} WHERE granblue_id = #{connection.quote(change[:granblue_id])}" # expect: dynamic
      ).to_a
      raise "Expected exactly one #{change[:type]} #{change[:granblue_id]}; found #{rows.length}" unless rows.length == 1

      row = rows.first
      recruits_after = change.fetch(:recruits_after, change[:recruits])
      if table == 'weapons' && ![change[:recruits], recruits_after].include?(row['recruits'])
        raise "Recruitment mismatch for #{change[:granblue_id]}: #{row['recruits'].inspect}"
      end
      if change[:name] && row['name_en'] != change[:name]
        raise "Name mismatch for #{change[:granblue_id]}: #{row['name_en'].inspect}"
      end

      before = ActiveRecord::Type.lookup(:integer, array: true, adapter: :postgresql).deserialize(row['promotions']) || []
      after = change[:clear] ? [] : ((before - change.fetch(:remove, [])) + change.fetch(:add, [])).uniq.sort

      { table: table, id: row['id'], granblue_id: change[:granblue_id], name: row['name_en'], before: before,
        after: after, recruits_before: row['recruits'], recruits_after: recruits_after }
    end
  end

  def down
    raise ActiveRecord::IrreversibleMigration, 'Restore previous pool membership from a reviewed backup.'
  end
end

# ---- 2. ImportHelper (id 17811583939) ----
module ImportHelper
  class << self

    def generate_mysql_migration(output_file_name, prefix, namespace)
      db_conn_hash = {    host:     ENV["#{namespace.upcase}_MYSQL_HOST"],
                          port:     ENV["#{namespace.upcase}_MYSQL_PORT"],
                          database: ENV["#{namespace.upcase}_MYSQL_DB"],
                          username: ENV["#{namespace.upcase}_MYSQL_UID"],
                          password: ENV["#{namespace.upcase}_MYSQL_PWD"],
                          adapter:  'mysql2',
                          encoding: 'utf8',
                          pool:     5,
                          timeout:  5000 }

      connection = ActiveRecord::Base.establish_connection(db_conn_hash).connection

      output_file_path = Rails.root.join('tmp', output_file_name).to_s
      output_file = File.open(output_file_path, "w")

      table_results = connection.select_all("SHOW TABLES LIKE '#{prefix}%';") # expect: dynamic
      table_results.each do |tr|
        table_name = tr.values.first

        column_results = connection.select_all("SHOW COLUMNS FROM #{table_name};") # expect: dynamic

        output_file.puts "    create_table :#{namespace}_#{table_name[prefix.length..-1].pluralize} do |t|"
        column_results.each do |cr|
          field = cr["Field"]
          type = cr["Type"]
          null = cr["Null"]
          key = cr["Key"]
          default = cr["Default"]
          extra = cr["Extra"]

          # log cr.inspect

          column_type, limit = convert_mysql_column_type(type)

          if field == 'id'
            field = generate_id_field_name(table_name)
          end

          column_definition = "      t.#{column_type.to_s} :#{field} "
          column_definition += ", limit: #{limit}" if limit
          column_definition += ", null: false" if null == "NO"

          output_file.puts column_definition
        end
        output_file.puts "    end"
        output_file.puts ""

      end

      output_file.close
      log "Successfully finished generating schema into #{output_file_path}"
    end

    def convert_mysql_column_type(t)
      return [:integer, 8] if /bigint\(/.match(t)
      return [:integer, nil] if /int\(/.match(t)
      return [:boolean, nil] if /bit\(1\)/.match(t)
      return [:datetime, nil] if /datetime/.match(t)
      return [:timestamp, nil] if /timestamp/.match(t)
      return [:text, nil] if /longtext/.match(t)
      return [:float, nil] if /double/.match(t)

      m = /varchar\((\d+)\)/.match(t)
      if m.present?
        return [:string, m[1].to_i]
      end

      m = /char\((\d+)\)/.match(t)
      if m.present?
        return [:string, m[1].to_i]
      end

      raise "unable to find type for #{t}"
    end

    def generate_id_field_name(table_name)
      "#{table_name.tableize.singularize}_id"
    end

    def import_mysql_data(prefix, namespace)
      db_conn_hash = {    host:     ENV["#{namespace.upcase}_MYSQL_HOST"],
                          port:     ENV["#{namespace.upcase}_MYSQL_PORT"],
                          database: ENV["#{namespace.upcase}_MYSQL_DB"],
                          username: ENV["#{namespace.upcase}_MYSQL_UID"],
                          password: ENV["#{namespace.upcase}_MYSQL_PWD"],
                          adapter:  'mysql2',
                          encoding: 'utf8',
                          pool:     5,
                          timeout:  5000 }

      connection = ActiveRecord::Base.establish_connection(db_conn_hash).connection

      table_names = []

      require "csv"

      table_results = connection.select_all("SHOW TABLES LIKE '#{prefix}%';") # expect: dynamic
      table_results.each do |tr|
        table_names << tr.values.first
      end

      connection.close

      table_names.each do |table_name|
        log "Importing mysql table #{table_name}"
        import_mysql_table(prefix, table_name, namespace)
      end

    end

    def import_mysql_table(prefix, table_name, namespace)
      db_conn_hash = {    host:     ENV["#{namespace.upcase}_MYSQL_HOST"],
                          port:     ENV["#{namespace.upcase}_MYSQL_PORT"],
                          database: ENV["#{namespace.upcase}_MYSQL_DB"],
                          username: ENV["#{namespace.upcase}_MYSQL_UID"],
                          password: ENV["#{namespace.upcase}_MYSQL_PWD"],
                          adapter:  'mysql2',
                          encoding: 'utf8',
                          pool:     5,
                          timeout:  5000 }

      connection = ActiveRecord::Base.establish_connection(db_conn_hash).connection

      require "csv"

      csv_file_path = "tmp/#{table_name}.csv"

      row_results = connection.select_all("SELECT * FROM #{table_name};") # expect: dynamic

      CSV.open(csv_file_path, "wb") do |csv|
        if row_results.count > 0
          csv << row_results.first.keys.map { |x| x == 'id' ? generate_id_field_name(table_name) : x }
        end
        row_results.each do |row|
          csv << row.values
        end
      end

      connection.close

      app_db = YAML.load_file(File.join(Rails.root, "config", "database.yml"))[Rails.env.to_s] 
      connection = ActiveRecord::Base.establish_connection(app_db).connection

      class_name = "#{namespace.classify}::#{table_name[prefix.length..-1].singularize.classify}".constantize

      csv = CSV.read(csv_file_path)

      headers = csv.first

      records = []
      n_errors = 0
      csv.drop(1).each_with_index do |row, n|
        if n_errors >= 100
          log "Too may errors #{n_errors}, exiting!"
          records = []
          break
        end
        z = {}
        headers.each_with_index do |k,i| 
          v = row[i]
          z[k.underscore.to_sym] = v
        end
        records << class_name.new(z)

        if records.size >= 10000
          class_name.import records
          log "Imported #{records.size} records from #{table_name}"
          records = []
        end
      end
      if records.size > 0
        class_name.import records
        log "Imported #{records.size} records from #{table_name}"
      end
      log "#{n_errors} errors with #{table_name}" if n_errors > 0
      log "Finished importing #{table_name}"

      connection.close
    end


    def log(m)
      puts "#{Time.now} - #{m}"
    end




  end
end
