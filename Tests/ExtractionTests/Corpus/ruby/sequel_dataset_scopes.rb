# Sources (two Sequel code bases; the index did not return the repository names):
#   1. Service::Places::Search of a places API on Sequel + PostGIS (find_string 'Sequel.lit("', read_file id 38975820572),
#      complete file;
#   2. a Lux-framework app's Sequel::Model.dataset_module convenience scopes (find_string 'Sequel.lit("',
#      read_file id 54570669302), complete file.
# Adaptation: concatenated; code unchanged apart from labels.
# Classes: fragments handed to Sequel — where(Sequel.lit("city ilike ?", …)) conditions, a PostGIS && condition built
#          with #{} holes, Sequel.lit("#{field} @> ?") opening with a hole, xwhere("#{table}.is_deleted = false")
#          conditions, ORDER BY pieces with a direction built with % ('%s.%s desc' % […]), a condition built with %
#          in a block ('?=any(%s)' % field); dynamic (all_tags: a SELECT built with "…" + sqlq, then wrapped as a
#          derived table in a second SELECT, both executed through DB.fetch — each labelled once, like Round 3
#          decision 7); decoys (sql.split(' FROM ') separator, clauses.join(' or '), Console.logger texts,
#          raise ArgumentError "city invalid" / "field #{field} invalid", comment examples
#          `Task.where(user_ref: @user.ref)`, `scope(:default) { not_deleted }`, Sequel.desc(:updated_at) symbols).

# ---- 1. Service::Places::Search (id 38975820572) ----
# frozen_string_literal: true

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

            if ["city"].include?(field) # e.g city:chicago
              if value[/^~/]
                value = value.gsub(/~/, '')
                query = query.where(Sequel.lit("city ilike ?", "%#{value}%")) # expect: fragment
              else
                value = value.gsub(/-/, " ").split(" ").map{ |s| s.downcase }.join(" ")
                query = query.where(Sequel.lit("lower(city) like ?", "#{value}%")) # expect: fragment
              end
            elsif ["name"].include?(field)
              if value[/^~/]
                value = value.gsub(/~/, '')
                query = query.where(Sequel.lit("name ilike ?", "%#{value}%")) # expect: fragment
              else
                value = value.gsub(/-/, " ").split(" ").map{ |s| s.downcase }.join(" ")
                query = query.where(Sequel.lit("lower(name) like ?", "#{value}%")) # expect: fragment
              end
            elsif ["near"].include?(field) # e.g. near:chicago
              # find city
              city = ::Model::City.where(Sequel.lit("lower(name) like ?", "#{value}%")).first # expect: fragment
              if not city
                raise ArgumentError, "city invalid"
              end
              # make point from db geo fields and box using city's bounding box values
              query = query.where(
                Sequel.lit("ST_SetSRID(ST_MakePoint(lon, lat), 4326) && ST_SetSRID(ST_MakeBox2D(ST_Point(#{city.lon_min}, #{city.lat_min}), ST_Point(#{city.lon_max}, #{city.lat_max})), 4326)") # expect: fragment
              )
            elsif ["tag", "tags"].include?(field)
              values = value.split(",").map{ |s| s.to_s.strip.downcase }
              query = query.tagged_with_any(values)
            else
                raise ArgumentError, "field #{field} invalid"
            end
          end

          struct.places = query.order(Sequel.asc(:name)).offset(@offset).limit(@limit).all
        rescue ArgumentError => e
          struct.code = 422
          struct.errors.push(e.message)

          Console.logger.failure(self, e)
        rescue StandardError => e
          struct.code = 500
          struct.errors.push(e.message)

          Console.logger.failure(self, e)
        end

        struct
      end

    end
  end
end

# ---- 2. Sequel::Model.dataset_module scopes (id 54570669302) ----
# frozen_string_literal: true

# Convenience scopes layered on top of the query-builder primitives in
# `dataset_methods.rb`. Grouped by intent:
#
#   * ref-based scope        : for / where_ref
#   * ordering / extraction  : last_updated / desc / asc / latest / last / refs / pluck / ids
#   * array / tag search     : all_tags / where_any / where_all
#   * soft-delete / active   : not_deleted / deleted / activated / deactivated

Sequel::Model.dataset_module do
  # -- base default scope --------------------------------------------------

  # The unfiltered dataset. Reverse `link` (e.g. `link :comments`) resolves
  # through `RelatedModel.default`, so every model answers it out of the box.
  # Override per-model for custom default filtering/ordering:
  #   scope(:default) { not_deleted }
  def default
    self
  end

  # -- ref-based scope -----------------------------------------------------

  # Scope dataset to rows that point at obj through any recognised
  # *_ref / *_refs / parent_key / parent_type+parent_ref column.
  # See Sequel::Plugins::RefLinker.scope for the full shape table.
  #   Task.dataset.for(@user)        -> Task.where(user_ref: @user.ref)
  #   Note.dataset.where_ref(@user)  -> Note.where(parent_type:..., parent_ref:...)
  def for obj
    Sequel::Plugins::RefLinker.scope(self, obj)
  end
  alias :where_ref :for

  # -- ordering / extraction -----------------------------------------------

  # Card.last_updated
  # Card.last_updated epic_ref: @epic.ref
  def last_updated rules = nil
    field = model.db_schema[:updated_at] && :updated_at
    field ||= model.db_schema[:created_at] && :created_at
    field ||= :ref
    base = rules ? xwhere(rules) : self
    base.order(Sequel.desc(field)).first
  end

  def desc field = nil
    field ||= :created_at
    xorder('%s.%s desc' % [model.to_s.tableize, field]) # expect: fragment
  end

  def asc
    xorder('%s.created_at asc' % model.to_s.tableize) # expect: fragment
  end

  def latest
    order(Sequel.desc(:updated_at))
  end

  def last num = nil
    base = xorder('%s desc' % :created_at) # expect: fragment
    num ? base.limit(num).all : base.first
  end

  # Bare list of :ref values. Uses select_map (no model instantiation).
  #   Board.active.refs       -> ['abc...', 'def...', ...] (capped at 1000)
  #   Board.active.refs(50)   -> at most 50
  def refs cnt = nil
    limit(cnt || 1000).select_map(:ref)
  end

  def pluck field
    select_map field
  end

  # -- array / tag search --------------------------------------------------

  # Bucket.can.all_tags -> all_tags mora biti zadnji
  def all_tags opts = {}
    opts = {tags: opts} if opts.class == Symbol
    limit = opts[:limit] || 20
    field = opts[:tags] || :tags
    sqlq = sql.split(' FROM ')[1]
    sqlq = "select lower(unnest(#{field})) as tag FROM " + sqlq # expect: dynamic
    sqlq = "select tag as name, count(tag) as cnt from (#{sqlq}) as tags group by tag order by cnt desc limit #{limit}" # expect: dynamic
    DB.fetch(sqlq).map(&:to_lux_hash).or([])
  end

  # Example: Job.where_any(@location.id, :location_ids).count
  def where_any data, field = :tags
    if data.present?
      data = [data] unless data.is_a?(Array)

      clauses = data.map { '?=any(%s)' % field } # expect: fragment
      params  = data.map { |v| v.to_s }

      where(Sequel.lit(clauses.join(' or '), *params))
    else
      self
    end
  end

  # Filter records that have ALL specified tags (AND logic)
  # Example: Job.where_all(['ruby', 'remote'], :tags)
  def where_all data, field = :tags
    if data.present?
      data = [data] unless data.is_a?(Array)
      where(Sequel.lit("#{field} @> ?", Sequel.pg_array(data))) # expect: fragment
    else
      self
    end
  end

  # -- soft-delete / active state -----------------------------------------

  def not_deleted
    model.db_schema[:is_deleted] ? xwhere("#{model.to_s.tableize}.is_deleted = false") : self # expect: fragment
  end

  def deleted
    model.db_schema[:is_deleted] ? xwhere("#{model.to_s.tableize}.is_deleted = true") : self # expect: fragment
  end

  def activated
    model.db_schema[:is_active] ? xwhere("#{model.to_s.tableize}.is_active = true") : self # expect: fragment
  end

  def deactivated
    model.db_schema[:is_active] ? xwhere("#{model.to_s.tableize}.is_active = false") : self # expect: fragment
  end
end
