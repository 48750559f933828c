# Sources (four complete Rails migrations, one class each, unchanged apart from labels):
#   shaktigurung/GoogleClone — db/migrate/20181024015312_add_pg_trgm_module.rb
#   communitiesuk/epb-data-warehouse — db/migrate/20241128095332_enable_trigram_ext.rb (MIT)
#   Kawsay/open_calendar — db/migrate/20220407122516_install_pg_trigram_extension_if_not_exists.rb
#   jpmobiletanaka/holidays-api — backend/db/migrate/20191216214219_create_trgm_extension.rb
# Adapted: concatenated into one file.
# Classes: wrappers called without parentheses (execute "..."), short (CREATE/DROP EXTENSION,
#          a lower-case DO $$ ... $$ block in a multi-line double-quoted string), heredocs
#          (<<-SQL), an unusual but valid "CREATE EXTENSION ... WITH" with an empty option list.
# Hard case: GoogleClone's down migration runs "CREATE EXTENSION IF EXISTS pg_trgm", which is
#            not valid PostgreSQL (a bug in the source). It is still a statement the code sends,
#            so it is labelled static; a parser-based scanner may miss it.

class AddPgTrgmModule < ActiveRecord::Migration[5.2]
  def up
    execute "CREATE EXTENSION IF NOT EXISTS pg_trgm" # expect: static
  end
  def down
    execute "CREATE EXTENSION IF EXISTS pg_trgm" # expect: static
  end
end

class EnableTrigramExt < ActiveRecord::Migration[7.0]
  def self.up
    # expect-next: static
    execute "do $$
              BEGIN
              IF NOT EXISTS (SELECT * FROM  pg_extension WHERE extname = 'pg_trgm') THEN
              CREATE EXTENSION pg_trgm;
              END IF;
              END
              $$"
  end
end

class InstallPgTrigramExtensionIfNotExists < ActiveRecord::Migration[6.1]
  def up
    execute <<-SQL # expect: static
      CREATE EXTENSION IF NOT EXISTS "pg_trgm";
    SQL
  end

  def down
    execute <<-SQL # expect: static
      DROP EXTENSION IF EXISTS "pg_trgm";
    SQL
  end
end

class CreateTrgmExtension < ActiveRecord::Migration[5.2]
  def up
    execute('CREATE EXTENSION IF NOT EXISTS pg_trgm WITH') # expect: static
  end

  def down
    execute('DROP EXTENSION pg_trgm') # expect: static
  end
end
