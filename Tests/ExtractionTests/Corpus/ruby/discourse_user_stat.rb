# Source: discourse/discourse — app/models/user_stat.rb (GPL-2.0)
# Excerpt (method bodies verbatim): refresh_bounce_score!, update_view_counts,
# update_distinct_badge_count, update_draft_count, calc_topic_reply_count!, update_time_read!.
# Classes: heredocs (<<~SQL: the label sits on the line where the heredoc opens), wrappers
#          (Discourse's own DB.exec / DB.query_single mini_sql wrapper, also called WITHOUT
#          parentheses: "DB.exec <<~SQL", "DB.exec sql"), placeholders (:name, :user_id::bigint
#          — a named parameter immediately followed by a cast, ?), dynamic (#{...} holes inside
#          the heredoc), fragments (update_all(["time_read = time_read + ?", diff])),
#          decoys (MessageBus channel names, redis keys, warning messages).
# frozen_string_literal: true
class UserStat < ActiveRecord::Base
  belongs_to :user
  after_save :trigger_badges

  UPDATE_UNREAD_MINUTES_AGO = 10
  UPDATE_UNREAD_USERS_LIMIT = 10_000

  def self.refresh_bounce_score!(user_id)
    return if user_id.blank?

    DB.exec(<<~SQL, user_id:) # expect: static
      UPDATE user_stats
      SET bounce_score = COALESCE(email_bounce_scores.bounce_score, 0),
          reset_bounce_score_after = email_bounce_scores.reset_bounce_score_after
      FROM (VALUES (:user_id::bigint)) AS seed(user_id)
      LEFT JOIN user_emails
        ON user_emails.user_id = seed.user_id AND user_emails.primary
      LEFT JOIN email_bounce_scores
        ON email_bounce_scores.email = lower(user_emails.email)
      WHERE user_stats.user_id = seed.user_id
        AND (
          user_stats.bounce_score
            IS DISTINCT FROM COALESCE(email_bounce_scores.bounce_score, 0) OR
          user_stats.reset_bounce_score_after
            IS DISTINCT FROM email_bounce_scores.reset_bounce_score_after
        )
    SQL
  end

  # Updates the denormalized view counts for all users
  def self.update_view_counts(last_seen = 1.hour.ago)
    # Update denormalized topics_entered
    DB.exec(<<~SQL, seen_at: last_seen) # expect: static
      UPDATE user_stats SET topics_entered = X.c
       FROM
      (SELECT v.user_id, COUNT(topic_id) AS c
       FROM topic_views AS v
       WHERE v.user_id IN (
          SELECT u1.id FROM users u1 where u1.last_seen_at > :seen_at
       )
       GROUP BY v.user_id) AS X
      WHERE
        X.user_id = user_stats.user_id AND
        X.c <> topics_entered
    SQL

    # Update denormalized posts_read_count
    DB.exec(<<~SQL, seen_at: last_seen) # expect: static
      WITH filtered_users AS (
        SELECT id FROM users u
        JOIN user_stats ON user_id = u.id
        WHERE last_seen_at > :seen_at
        AND posts_read_count < 10000
      )
      UPDATE user_stats SET posts_read_count = X.c
      FROM (SELECT pt.user_id, COUNT(*) as c
            FROM filtered_users AS u
            JOIN post_timings AS pt ON pt.user_id = u.id
            JOIN topics t ON t.id = pt.topic_id
            WHERE t.archetype = 'regular'
            AND t.deleted_at IS NULL
            GROUP BY pt.user_id
           ) AS X
      WHERE X.user_id = user_stats.user_id
      AND X.c <> posts_read_count
    SQL
  end

  def self.update_distinct_badge_count(user_ids = [])
    user_ids = user_ids.join(", ")

    sql = <<~SQL # expect: dynamic
      UPDATE user_stats
      SET distinct_badge_count = x.distinct_badge_count
      FROM (
        SELECT users.id user_id, COUNT(distinct user_badges.badge_id) distinct_badge_count
        FROM users
        LEFT JOIN user_badges ON user_badges.user_id = users.id
                              AND (user_badges.badge_id IN (SELECT id FROM badges WHERE enabled))
        GROUP BY users.id
      ) x
      WHERE user_stats.user_id = x.user_id AND user_stats.distinct_badge_count <> x.distinct_badge_count
      #{"AND user_stats.user_id IN (#{user_ids})" if !user_ids.empty?}
    SQL

    DB.exec sql
  end

  def self.update_draft_count(user_id = nil)
    if user_id.present?
      draft_count = DB.query_single(<<~SQL, user_id: user_id).first # expect: static
        UPDATE user_stats
        SET draft_count = (SELECT COUNT(*) FROM drafts WHERE user_id = :user_id)
        WHERE user_id = :user_id
        RETURNING draft_count
      SQL

      MessageBus.publish(
        "/user-drafts/#{user_id}",
        { draft_count: draft_count },
        user_ids: [user_id],
      )
    else
      DB.exec <<~SQL # expect: static
        UPDATE user_stats
        SET draft_count = new_user_stats.draft_count
        FROM (SELECT user_stats.user_id, COUNT(drafts.id) draft_count
              FROM user_stats
              LEFT JOIN drafts ON user_stats.user_id = drafts.user_id
              GROUP BY user_stats.user_id) new_user_stats
        WHERE user_stats.user_id = new_user_stats.user_id
          AND user_stats.draft_count <> new_user_stats.draft_count
      SQL
    end
  end

  # topic_reply_count is a count of posts in other users' topics
  def calc_topic_reply_count!(start_time = nil)
    sql = <<~SQL # expect: dynamic
      SELECT COUNT(DISTINCT posts.topic_id) AS count
      FROM posts
      INNER JOIN topics ON topics.id = posts.topic_id
      WHERE posts.user_id = ?
      AND topics.user_id <> posts.user_id
      AND posts.deleted_at IS NULL AND topics.deleted_at IS NULL
      AND topics.archetype <> 'private_message'
      AND posts.post_type <> #{Post.types[:small_action]}
      #{start_time.nil? ? "" : "AND posts.created_at > ?"}
    SQL
    if start_time.nil?
      DB.query_single(sql, user_id).first
    else
      DB.query_single(sql, user_id, start_time).first
    end
  end

  MAX_TIME_READ_DIFF = 100
  # attempt to add total read time to user based on previous time this was called
  def self.update_time_read!(id)
    if last_seen = last_seen_cached(id)
      diff = (Time.now.to_f - last_seen.to_f).round
      if diff > 0 && diff < MAX_TIME_READ_DIFF
        update_args = ["time_read = time_read + ?", diff] # expect: fragment
        UserStat.where(user_id: id).update_all(update_args)
        UserVisit.where(user_id: id, visited_at: Time.zone.now.to_date).update_all(update_args)
      end
    end
    cache_last_seen(id, Time.now.to_f)
  end

  def self.last_seen_key(id)
    # frozen
    -"user-last-seen:#{id}"
  end
end
