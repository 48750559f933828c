# Source: diaspora/diaspora — db/migrate/20110328202414_post_visibilities_on_contacts.rb
# (read_file id 27770852770, commit 2f473cadc39d3bc5872baa901ebac7a94fcb8008)
# Rails 3 migration with raw MySQL: a FROM … INNER JOIN … WHERE piece kept in a variable from a plain
# <<SQL heredoc and spliced with #{} into an INSERT … SELECT and a multi-table DELETE (fragment +
# 2 dynamic); `execute <<SQL` without parentheses (multi-table UPDATE … SET, SELECT … GROUP BY …
# HAVING), `execute('DELETE …')`, and an interpolating heredoc DELETE … LIMIT #{count-1} inside a loop.
# Decoys: create_table/add_index/add_foreign_key/remove_column calls with table and column symbols.
# Whole file, unchanged apart from this header and the label comments.
class PostVisibilitiesOnContacts < ActiveRecord::Migration
  def self.move_author_pvs_to_aspect_pvs
    where_clause = <<SQL # expect: fragment
      FROM post_visibilities as pv 
        INNER JOIN aspects ON aspects.id = pv.aspect_id
        INNER JOIN posts ON posts.id = pv.post_id
          INNER JOIN people ON posts.author_id = people.id
      WHERE people.owner_id = aspects.user_id
SQL

    execute("INSERT into aspect_visibilities SELECT pv.id, pv.post_id, pv.aspect_id, pv.created_at, pv.updated_at #{where_clause}") # expect: dynamic

    execute("DELETE pv #{where_clause}") # expect: dynamic
  end

  def self.set_pv_contact_ids
    execute <<SQL # expect: static
    UPDATE post_visibilities as pv
      INNER JOIN posts ON posts.id = pv.post_id
        INNER JOIN people ON posts.author_id = people.id
      INNER JOIN aspects ON aspects.id = pv.aspect_id
        INNER JOIN users ON users.id = aspects.user_id
          INNER JOIN contacts ON contacts.user_id = users.id
    SET pv.contact_id = contacts.id
    WHERE people.id = contacts.person_id
SQL
  end

  def self.delete_duplicate_pvs
    execute('DELETE FROM post_visibilities WHERE post_visibilities.contact_id = 0') # expect: static

    duplicate_rows = execute <<SQL # expect: static
      SELECT COUNT(pv.contact_id), pv.contact_id, pv.post_id from post_visibilities AS pv
        GROUP BY pv.contact_id, pv.post_id
          HAVING COUNT(*)>1;
SQL
    duplicate_rows.each do |row|
      count = row.first
      contact_id = row[1]
      post_id = row.last

      execute <<SQL # expect: dynamic
        DELETE FROM post_visibilities
        WHERE post_visibilities.contact_id = #{contact_id} AND post_visibilities.post_id = #{post_id}
        LIMIT #{count-1}
SQL
    end
  end

  def self.up
    create_table :aspect_visibilities do |t|
      t.integer :post_id, :null => false
      t.integer :aspect_id, :null => false
      t.timestamps
    end
    add_index :aspect_visibilities, [:post_id, :aspect_id], :unique => true
    add_index :aspect_visibilities, [:aspect_id]
    add_index :aspect_visibilities, [:post_id]
    add_foreign_key :aspect_visibilities, :aspects, :dependent => :delete
    add_foreign_key :aspect_visibilities, :posts, :dependent => :delete

    add_column :post_visibilities, :contact_id, :integer, :null => false

    move_author_pvs_to_aspect_pvs
    set_pv_contact_ids

    delete_duplicate_pvs

    remove_index :post_visibilities, [:aspect_id, :post_id]
    remove_column :post_visibilities, :aspect_id

    add_index :post_visibilities, [:contact_id, :post_id], :unique => true
    add_index :post_visibilities, [:contact_id]
    add_foreign_key :post_visibilities, :contacts, :dependent => :delete
    add_foreign_key :post_visibilities, :posts, :dependent => :delete
  end

  def self.down
    raise ActiveRecord::IrreversibleMigration
  end
end
