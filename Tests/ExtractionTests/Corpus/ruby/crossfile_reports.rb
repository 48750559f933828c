# Source: constructed for dbooster (not an excerpt): report queries handed to Db.run_sql of
# ruby/crossfile_db.rb in lower case; flash_message is no wrapper, so its text stays a decoy.
# Classes: wrappers (cross-file), decoys.
class Reports
  def self.customer_names
    Db.run_sql("select name from customers") # expect: static
  end

  def self.clear_carts
    flash_message("delete from cart done")
    Db.run_sql("delete from carts") # expect: static
  end
end
