# Sources: five small Rails migrations found with find_string (index ids 16522089739,
# 24980640244, 31355099764, 48266685709, 8009449); the index did not return their repository
# names. Each class is a complete file; adapted only by concatenating them here.
# Classes: wrappers called without parentheses with lower-case SQL (execute "update ... set"),
#          short one-line UPDATEs, statements ending with ";" inside the literal, decoys
#          (commented-out ActiveRecord code, column names passed to add_column).

class AddStatusToMsg < ActiveRecord::Migration
  def self.up
    add_column :msgs, :status, :integer, :default=>0
    remove_column :msgs, :gateway_status_string
    execute "update msgs set status = 0" # expect: static
  end

  def self.down
    remove_column :users, :status
    add_column :msgs, :gateway_status_string, :string
    execute "update msgs set gateway_status_string = ''" # expect: static
  end
end

class UpdateOldPictureOrdnum < ActiveRecord::Migration
  def self.up
    execute "update picture_album_pictures set ordnum = 1 where ordnum=0" # expect: static
  end

  def self.down
  end
end

class ChangeTypeIds < ActiveRecord::Migration
  def up
    #Price.where(:type_id => 1).each{|price| price.update_attribute :type_id,6}
    #Price.where(:type_id => 11).each{|price| price.update_attribute :type_id,1}
    execute "update prices set type_id=7 where type_id = 1" # expect: static
    execute "update prices set type_id=1 where type_id = 11" # expect: static
  end

  def down
    execute "update prices set type_id=11 where type_id = 1" # expect: static
    execute "update prices set type_id=1 where type_id = 6" # expect: static
    #Price.where(:type_id => 1).each{|price| price.update_attribute :type_id,11}
    #Price.where(:type_id => 6).each{|price| price.update_attribute :type_id,1}
  end
end

class Passwords < ActiveRecord::Migration
  def self.up
    add_column :people, :password, :string, :default=>'', :null=>false
    execute "update people set password='pd07' where grade='99'" # expect: static
    execute "update people set password='fss07' where grade='98'" # expect: static
  end

  def self.down
    remove_column :people, :password
  end
end

class RedesignEmbargoType < ActiveRecord::Migration[7.0]
  def change
    add_column :embargoes, :kind, :integer, null: true
    execute "UPDATE embargoes SET kind = 0 WHERE full_access = true;" # expect: static
    execute "UPDATE embargoes SET kind = 1 WHERE download = true;" # expect: static
    change_column_null :embargoes, :kind, false
    remove_column :embargoes, :download
    remove_column :embargoes, :full_access
  end
end
