# Source: six Rails apps found with find_string "find_by_sql([<<~SQL" (ids 71148223588,
# 69609174302, 60045491753, 70421423146, 8206046562, 66420945899, 12566229760, 38258493896);
# repository names not returned. Excerpts verbatim, concatenated.
# Classes: find_by_sql([<<~SQL, ...]) with ? and :name binds, select_rows, execute <<~SQL with two
#          statements, #{} holes (dynamic), .select(<<~SQL) / .order / .where fragments, string
#          condition kept in a variable (fragment), decoys (Japanese status value, slug).
module AgentRuns
  module ExpansionOwnership
    module_function

    def descendants(node)
      AgentRunTask.find_by_sql([<<~SQL, { root: node.id, loop: node.agent_run_id }]) # expect: static
        WITH RECURSIVE generated(id) AS (
          SELECT id FROM agent_run_tasks WHERE expansion_parent_id = :root
            AND agent_run_id = :loop
          UNION ALL
          SELECT child.id FROM agent_run_tasks child
            JOIN generated ON child.expansion_parent_id = generated.id
            WHERE child.agent_run_id = :loop
        )
        SELECT agent_run_tasks.* FROM agent_run_tasks
          JOIN generated ON generated.id = agent_run_tasks.id
        ORDER BY agent_run_tasks.id
      SQL
    end
  end
end

class UserListing
  def upcoming_schedules
    @upcoming_schedules ||= begin
      ids = users.select { |user| user.switch == '募集中' }.map(&:id).uniq
      if ids.empty?
        {}
      else
        Schedule.find_by_sql([<<~SQL, ids, DateTime.yesterday]).group_by(&:user_id) # expect: static
          SELECT upcoming.*
          FROM (SELECT id FROM users WHERE id IN (?)) AS listing_users
          CROSS JOIN LATERAL (
            SELECT schedules.* FROM schedules
            WHERE schedules.user_id = listing_users.id AND schedules.day > ?
            ORDER BY schedules.day ASC, schedules.id ASC
            LIMIT 2
          ) AS upcoming
          ORDER BY upcoming.user_id ASC, upcoming.day ASC, upcoming.id ASC
        SQL
      end
    end
  end

  def grouped
    per_group = params[:per_group].to_i
    per_group = 12 if per_group <= 0
    rows = Wine.find_by_sql([<<~SQL, per_group]) # expect: static
      SELECT sub.* FROM (
        SELECT wines.*, COALESCE(wc.category_id, 0) AS grouped_cat_id,
               ROW_NUMBER() OVER (
                 PARTITION BY COALESCE(wc.category_id, 0)
                 ORDER BY wines.name
               ) AS rn
        FROM wines
        LEFT JOIN wine_categories wc ON wc.wine_id = wines.id
      ) sub
      WHERE sub.rn <= ?
    SQL
    wine_ids = rows.map(&:id).uniq
    Wine.where(id: wine_ids).includes(producer: [], grapes: [], regions: [], wine_categories: :category)
  end
end

class AddSearchToArticles < ActiveRecord::Migration[7.2]
  def up
    execute <<~SQL # expect: static
      ALTER TABLE articles ADD COLUMN search tsvector GENERATED ALWAYS AS (to_tsvector('english', coalesce(title, '') || ' ' || coalesce(body, ''))) STORED;
      CREATE INDEX articles_search ON articles USING gin (search); -- expect: static
    SQL
  end
end

class Article < ApplicationRecord
  def self.search(term)
    find_by_sql([<<~SQL, term]) # expect: static
      SELECT id, title FROM articles WHERE search @@ plainto_tsquery('english', ?) ORDER BY published_at DESC
    SQL
  end

  def self.monthly_counts
    rows = connection.select_rows(<<~SQL) # expect: static
      SELECT date_trunc('month', published_at) AS month, count(*) FROM articles WHERE published_at IS NOT NULL GROUP BY 1 ORDER BY 1
    SQL
    rows.to_h
  end

  def self.by_author(name)
    find_by_sql(<<~SQL) # expect: dynamic
      SELECT * FROM articles WHERE author = '#{name}'
    SQL
  end
end

module DailyChart
  class Stats
    def daily
      Submission.find_by_sql([<<~SQL, @chart.id]).map { |s| [s.weekday, s.percent] } # expect: dynamic
        WITH last_seven_days(date) AS (
          VALUES #{daily_date_range.map { |d| "('#{d}'::varchar)"}.join(",")}
        )
        SELECT COALESCE(score, 0) AS score, COALESCE(data, '{}'::json) AS data, lsd.date
        FROM submissions AS s
        RIGHT OUTER JOIN last_seven_days lsd ON s.date = lsd.date
        AND chart_id = ?
        ORDER by lsd.date
      SQL
    end
  end
end

class LatestEditLoader
  def fetch(model_ids)
    edit_class = UserContentEditable.edit_class_for(user_content_type).constantize
    column_name = edit_class.attribute_aliases["user_content_id"] || "user_content_id"
    quoted_table_name = edit_class.quoted_table_name

    bind_vars = [model_ids]
    user_content_condition = ""
    if edit_class == UserContentEdit
      bind_vars << user_content_type
      user_content_condition = "AND user_content_type = ?" # expect: fragment
    end

    results = edit_class.find_by_sql([<<~SQL, *bind_vars]) # expect: dynamic
      SELECT #{quoted_table_name}.*
      FROM #{quoted_table_name}
      INNER JOIN (
        SELECT #{column_name}, MAX(id) AS max_id
        FROM #{quoted_table_name}
        WHERE #{column_name} IN (?) #{user_content_condition}
        GROUP BY #{column_name}
      ) AS maxt ON #{quoted_table_name}.id = maxt.max_id
    SQL
    results
  end
end

class Definition < ApplicationRecord
  pg_search_scope :fuzzy_match_by_word, against: :word, using: { trigram: { threshold: 0.6 } }
  scope :with_tag, ->(tag) { where(id: DefinitionTag.where(tag: tag).pluck(:definition_id)) }

  class << self
    def top_definitions(word = nil)
      if word.blank?
        find_by_sql(<<~SQL.squish) # expect: static
          SELECT DISTINCT ON (word) *
          FROM definitions
          ORDER BY word, score DESC ;
        SQL
      else
        find_by_sql([<<~SQL.squish, "%#{word}%"]) # expect: static
          SELECT DISTINCT ON (word) *
          FROM definitions
          WHERE word ILIKE ?
          ORDER BY word, score DESC ;
        SQL
      end
    end
  end

  def slug
    "#{word.underscore.dasherize}-#{id}" if persisted?
  end

  def author_name
    author.username.presence || "Unknown author"
  end
end

class CongressionalDistrict < ApplicationRecord
  def self.leaderboard
    joins(:ysws_projects)
    .group(:id)
    .select(<<~SQL) # expect: fragment
      congressional_districts.*,
      COALESCE(SUM((ysws_projects.fields->>'YSWS–Weighted Project Contribution')::float), 0) as project_count,
      congressional_districts.high_school_enrollment,
      congressional_districts.median_household_income
    SQL
    .order('project_count DESC, state ASC, district_number ASC') # expect: fragment
  end

  def self.find_by_location(point)
    find_by_sql([<<~SQL, point.to_s, point.to_s]).first # expect: static
      SELECT cd.*
      FROM congressional_districts cd
      WHERE cd.boundary && ST_GeographyFromText(?)
      AND ST_Contains(cd.boundary::geometry, ST_GeometryFromText(?, 4326))
      LIMIT 1
    SQL
  end
end
