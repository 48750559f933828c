# Sources (found with find_string "connection.exec_query(<<~SQL"; the index did not return the
# repository names):
#   1. a forum app's UsersController (index id 53247219446) — complete file, unchanged apart
#      from labels;
#   2. a Loomio-like app's RecordCounts module (index id 70905155232) — complete file;
#   3. a core-data-connector place-import job (index id 61959805572) — duplicate_report and
#      log_error, verbatim, placed in `class PlaceImportDuplicates` (class name invented; the
#      original class and module wrappers are outside the excerpt).
# Classes: dynamic heredocs (exec_query(<<~SQL) with #{posts_sql} UNION ALL #{replies_sql} and
#          LIMIT #{per + 1}; UPDATE #{quote_table_name} SET #{assignments.join(', ')} …
#          RETURNING; NOT IN (#{id_list}) with ST_DWithin and ::geography), heredocs labelled on
#          the opening line, fragments (select("'post' AS kind, id, created_at") select lists,
#          a SET assignment "#{quoted} = COALESCE(#{quoted}, 0) + #{Integer(delta)}" kept for
#          splicing, lock('FOR NO KEY UPDATE')), decoys (flash texts "Not authorized.",
#          "Current password is incorrect", r["kind"] == "post", comments mentioning
#          "update_all/insert_all/delete_all" and "UPDATE RETURNING", 'sample' / 'more' keys,
#          logger message).

# ---- 1. UsersController ----

class UsersController < ApplicationController
  before_action :require_login,    only: [ :edit, :update ]
  before_action :set_profile_user, only: [ :show, :edit, :update ]
  before_action :require_owner,    only: [ :edit, :update ]

  def new
    redirect_to(root_path) and return if logged_in?
    @user = User.new
  end

  def create
    @user = User.new(user_params)
    @user.provider_id = Provider::INTERNAL
    if @user.save
      reset_session
      session[:user_id] = @user.id
      redirect_to root_path, notice: "Welcome, #{@user.name}!"
    else
      render :new, status: :unprocessable_entity
    end
  end

  def edit
  end

  def update
    permitted = params.require(:user).permit(:name, :bio, :current_password, :password, :password_confirmation)

    if permitted[:password].present?
      unless @profile_user.authenticate(permitted[:current_password].to_s)
        @profile_user.errors.add(:base, "Current password is incorrect")
        render :edit, status: :unprocessable_entity and return
      end
      attrs = permitted.except(:current_password).to_h
    else
      attrs = permitted.slice(:name, :bio).to_h
    end

    if @profile_user.update(attrs)
      redirect_to user_path(@profile_user), notice: "Profile updated."
    else
      render :edit, status: :unprocessable_entity
    end
  end

  def show
    page = [ (params[:page] || 1).to_i, 1 ].max
    per  = 20

    rows      = fetch_activity_rows(@profile_user, page: page, per: per)
    @has_more = rows.size > per
    rows      = rows.first(per)

    post_ids   = rows.select { |r| r["kind"] == "post"  }.map { |r| r["id"].to_i }
    reply_ids  = rows.select { |r| r["kind"] == "reply" }.map { |r| r["id"].to_i }

    posts_by_id   = Post.includes(:category).where(id: post_ids).index_by(&:id)
    replies_by_id = Reply.includes(:post).where(id: reply_ids).index_by(&:id)

    @activity = rows.map do |r|
      if r["kind"] == "post"
        { type: :post,  record: posts_by_id[r["id"].to_i],   created_at: r["created_at"] }
      else
        { type: :reply, record: replies_by_id[r["id"].to_i], created_at: r["created_at"] }
      end
    end

    @post_count  = @profile_user.posts.visible.count
    @reply_count = @profile_user.replies.visible.count
    @page        = page
  end

  private

  def set_profile_user
    @profile_user = User.find(params[:id])
  end

  def require_owner
    unless @profile_user == current_user
      redirect_to root_path, alert: "Not authorized."
    end
  end

  def fetch_activity_rows(user, page:, per:)
    offset      = (page - 1) * per
    posts_sql   = Post.visible.where(user: user).select("'post' AS kind, id, created_at").to_sql # expect: fragment
    replies_sql = Reply.visible.where(user: user).select("'reply' AS kind, id, created_at").to_sql # expect: fragment

    # LIMIT and OFFSET are computed Ruby integers (never user-supplied strings) — safe to interpolate.
    # .to_sql embeds the user_id literal from ActiveRecord — no injection vector.
    ActiveRecord::Base.connection.exec_query(<<~SQL).to_a # expect: dynamic
      (#{posts_sql}) UNION ALL (#{replies_sql})
      ORDER BY created_at DESC
      LIMIT #{per + 1} OFFSET #{offset}
    SQL
  end

  def user_params
    params.require(:user).permit(:email, :name, :password, :password_confirmation)
  end
end

# ---- 2. RecordCounts ----

module RecordCounts
  # Callback-free writes (update_all/insert_all/delete_all/import) must refresh
  # their derived counts in the same transaction. Counted sources: memberships,
  # polls, discussions, poll_templates, groups.parent_id,
  # topic_items.parent_id, topic_readers.topic_id/last_read_at, and versions.
  # Use the corresponding owner recount helpers for bulk writes.

  # Apply deltas in the caller's transaction. RETURNING synchronizes loaded
  # owners without saving their unrelated dirty attributes or touching them.
  # Sort owners so transfers acquire their row locks in a consistent order.
  def self.adjust!(model, deltas, records: [])
    connection = model.connection
    records_by_id = records.compact.group_by(&:id)
    deltas.keys.compact.sort.each do |id|
      changes = deltas.fetch(id).reject { |_, delta| delta.zero? }
      next if changes.empty?

      columns = changes.keys.map { |column| connection.quote_column_name(column) }
      assignments = changes.map do |column, delta|
        quoted = connection.quote_column_name(column)
        "#{quoted} = COALESCE(#{quoted}, 0) + #{Integer(delta)}" # expect: fragment
      end
      # exec_query marks this as a write and clears Rails' query cache. A
      # select_one with UPDATE RETURNING could cache an identical increment.
      counts = connection.exec_query(<<~SQL.squish).first # expect: dynamic
        UPDATE #{connection.quote_table_name(model.table_name)}
        SET #{assignments.join(', ')} WHERE id = #{Integer(id)}
        RETURNING #{columns.join(', ')}
      SQL
      next unless counts

      records_by_id.fetch(id, []).each do |record|
        record.assign_attributes(counts)
        record.clear_attribute_changes(counts.keys)
      end
    end
  end

  # Update a count using its before/after owner IDs. Subtract the old
  # contribution and add the new one; nil means the record does not count.
  # An unchanged contribution issues no SQL.
  def self.update!(model, column, before:, after:, records: [])
    return if before == after

    deltas = {}
    deltas[before] = { column => -1 } if before
    deltas[after] = { column => 1 } if after
    adjust!(model, deltas, records: records)
  end

  # Bulk writers cannot use per-record deltas. Lock before reading so a recount
  # cannot overwrite a concurrent delta with an older snapshot of the children.
  def self.recount!(record)
    record.class.transaction do
      return unless record.class.where(id: record.id).lock('FOR NO KEY UPDATE').pick(:id) # expect: fragment

      record.update_columns(yield)
    end
  end
end

# ---- 3. place import duplicates ----

class PlaceImportDuplicates
    def duplicate_report(imported_place_ids)
      # Bound the check: an enormous import samples its first slice rather
      # than running an unbounded spatial self-join. The ids are integers
      # from this run's own inserts, so inlining them is safe.
      ids = imported_place_ids.first(2000).map(&:to_i)
      return nil if ids.empty?

      id_list = ids.join(',')

      rows = ActiveRecord::Base.connection.exec_query(<<~SQL, 'place_import_duplicates') # expect: dynamic
        SELECT pn1.name, p1.id AS imported_id, p2.id AS existing_id
        FROM core_data_connector_places p1
        JOIN core_data_connector_place_names pn1
          ON pn1.place_id = p1.id AND pn1."primary"
        JOIN core_data_connector_place_geometries g1
          ON g1.place_id = p1.id
        JOIN core_data_connector_places p2
          ON p2.project_model_id = p1.project_model_id
         AND p2.id NOT IN (#{id_list})
        JOIN core_data_connector_place_names pn2
          ON pn2.place_id = p2.id AND pn2."primary"
         AND lower(pn2.name) = lower(pn1.name)
        JOIN core_data_connector_place_geometries g2
          ON g2.place_id = p2.id
        WHERE p1.id IN (#{id_list})
          AND ST_DWithin(g1.geometry::geography, g2.geometry::geography, #{DUPLICATE_DISTANCE_METERS})
        LIMIT #{DUPLICATE_SAMPLE_LIMIT + 1}
      SQL

      return nil if rows.empty?

      {
        'sample' => rows.to_a.first(DUPLICATE_SAMPLE_LIMIT),
        'more' => rows.length > DUPLICATE_SAMPLE_LIMIT
      }
    end

    def log_error(error)
      Rails.logger.error(["#{self.class} - #{error.class}: #{error.message}", error.backtrace].join("\n"))
    end
end
