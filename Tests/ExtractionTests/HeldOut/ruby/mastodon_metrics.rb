# Source: mastodon/mastodon (AGPL-3.0) — app/lib/admin/metrics/measure/instance_statuses_measure.rb,
# app/lib/admin/metrics/measure/new_users_measure.rb, app/lib/admin/metrics/measure/query_helper.rb,
# app/models/account_suggestions/friends_of_friends_source.rb, app/lib/annual_report/percentiles.rb
# (find_string id 570878153). Files concatenated, bodies verbatim.
# Classes: <<-SQL.squish heredocs, select_all with $n binds, :name::cast, Arel.sql fragments,
#          conditions returned as strings, reorder/pluck fragments, decoys (keys, redis).
class Admin::Metrics::Measure::InstanceStatusesMeasure < Admin::Metrics::Measure::BaseMeasure
  def self.with_params?
    true
  end

  def key
    'instance_statuses'
  end

  def perform_total_query
    Status.joins(:account).merge(Account.where(domain: params[:domain])).count
  end

  def perform_data_query
    sql = <<-SQL.squish # expect: static
      SELECT axis.*, (
        WITH new_statuses AS (
          SELECT statuses.id
          FROM statuses
          INNER JOIN accounts ON accounts.id = statuses.account_id
          WHERE statuses.id BETWEEN $3 AND $4
            AND accounts.domain = $5::text
            AND date_trunc('day', statuses.created_at)::date = axis.period
        )
        SELECT count(*) FROM new_statuses
      ) AS value
      FROM (
        SELECT generate_series(date_trunc('day', $1::timestamp)::date, date_trunc('day', $2::timestamp)::date, interval '1 day') AS period
      ) AS axis
    SQL

    rows = ActiveRecord::Base.connection.select_all(sql, nil, [[nil, @start_at], [nil, @end_at], [nil, Mastodon::Snowflake.id_at(@start_at, with_random: false)], [nil, Mastodon::Snowflake.id_at(@end_at, with_random: false)], [nil, params[:domain]]])

    rows.map { |row| { date: row['period'], value: row['value'].to_s } }
  end

  def params
    @params.permit(:domain)
  end
end

class Admin::Metrics::Measure::NewUsersMeasure < Admin::Metrics::Measure::BaseMeasure
  def key
    'new_users'
  end

  def perform_total_query
    User.where(created_at: time_period).count
  end

  def perform_data_query
    sql = <<-SQL.squish # expect: static
      SELECT axis.*, (
        WITH new_users AS (
          SELECT users.id
          FROM users
          WHERE date_trunc('day', users.created_at)::date = axis.period
        )
        SELECT count(*) FROM new_users
      ) AS value
      FROM (
        SELECT generate_series(date_trunc('day', $1::timestamp)::date, date_trunc('day', $2::timestamp)::date, interval '1 day') AS period
      ) AS axis
    SQL

    rows = ActiveRecord::Base.connection.select_all(sql, nil, [[nil, @start_at], [nil, @end_at]])

    rows.map { |row| { date: row['period'], value: row['value'].to_s } }
  end
end

module Admin::Metrics::Measure::QueryHelper
  protected

  def perform_data_query
    measurement_data_rows.map { |row| { date: row['period'], value: row['value'].to_s } }
  end

  def measurement_data_rows
    ActiveRecord::Base.connection.select_all(sanitized_sql_string)
  end

  def sanitized_sql_string
    ActiveRecord::Base.sanitize_sql_array(sql_array)
  end

  def generated_series_days
    Arel.sql(
      <<~SQL.squish # expect: static
        SELECT generate_series(:start_at::timestamp, :end_at::timestamp, '1 day')::date AS period
      SQL
    )
  end

  def account_domain_sql(include_subdomains)
    if include_subdomains
      "accounts.domain IN (SELECT domain FROM instances WHERE reverse('.' || domain) LIKE reverse('.' || :domain::text))" # expect: fragment
    else
      'accounts.domain = :domain::text' # expect: fragment
    end
  end
end

class AccountSuggestions::FriendsOfFriendsSource < AccountSuggestions::Source
  def get(account, limit: DEFAULT_LIMIT)
    source_query(account, limit)
      .map { |id, _frequency, _followers_count| [id, key] }
  end

  def source_query(account, limit)
    first_degree = account.following.where.not(hide_collections: true).select(:id).reorder(nil)
    base_account_scope(account)
      .joins(:account_stat)
      .where(id: Follow.where(account_id: first_degree).select(:target_account_id))
      .group('accounts.id, account_stats.id')
      .reorder('frequency DESC, followers_count DESC') # expect: fragment
      .limit(limit)
      .pluck(Arel.sql('accounts.id, COUNT(*) AS frequency, followers_count')) # expect: fragment
  end

  private

  def key
    :friends_of_friends
  end
end

class AnnualReport::Percentiles < AnnualReport::Source
  def generate
    {
      percentiles: {
        followers: (total_with_fewer_followers / (total_with_any_followers + 1.0)) * 100,
        statuses: (total_with_fewer_statuses / (total_with_any_statuses + 1.0)) * 100,
      },
    }
  end

  private

  def followers_gained
    @followers_gained ||= @account.passive_relationships.where("date_part('year', follows.created_at) = ?", @year).count # expect: fragment
  end

  def statuses_created
    @statuses_created ||= @account.statuses.where(id: year_as_snowflake_range).count
  end

  def total_with_fewer_followers
    @total_with_fewer_followers ||= Follow.find_by_sql([<<~SQL.squish, { year: @year, comparison: followers_gained }]).first.total # expect: static
      WITH tmp0 AS (
        SELECT follows.target_account_id
        FROM follows
        INNER JOIN accounts ON accounts.id = follows.target_account_id
        WHERE date_part('year', follows.created_at) = :year
          AND accounts.domain IS NULL
        GROUP BY follows.target_account_id
        HAVING COUNT(*) < :comparison
      )
      SELECT count(*) AS total
      FROM tmp0
    SQL
  end
end
