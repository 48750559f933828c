# Source: constructed for dbooster (not an excerpt): a helper module wrapping the ActiveRecord
# connection, defined apart from its callers in ruby/crossfile_reports.rb. This file holds no SQL
# of its own.
# Classes: wrappers (cross-file).
module Db
  module_function

  def run_sql(sql, binds = [])
    ActiveRecord::Base.connection.exec_query(sql, "SQL", binds)
  end
end
