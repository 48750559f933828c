class User < ApplicationRecord
  # SELECT * FROM users; a comment only
  def self.with_orders(min_total)
    find_by_sql([<<~SQL, min_total]) # expect: static
      SELECT users.*
      FROM users
      JOIN orders ON orders.user_id = users.id
      WHERE orders.total > ?
    SQL
  end

  def self.totals
    connection.select_all("SELECT user_id, sum(total) FROM orders GROUP BY user_id") # expect: static
  end

  def self.touch_all(ids)
    connection.exec_query("UPDATE users SET updated_at = now() WHERE id = ANY($1)", "touch", [ids]) # expect: static
  end

  def self.by_column(column)
    find_by_sql("SELECT * FROM users ORDER BY #{column}") # expect: dynamic
  end

  def self.cleanup
    connection.execute(<<-SQL) # expect: static
      DELETE FROM sessions WHERE expires_at < now()
    SQL
  end

  def notice
    flash[:notice] = "Update your profile to continue"
    puts "Select a file"
    "Delete account"
  end
end
