# Source: zammad/zammad, lib/selector/sql.rb (read_file id 16071777261, commit 0628b78d90e090339d286dbaed153002576153bc).
# Licence: AGPL-3.0 (Zammad). Internal testing only.
# Cut: one contiguous part of class Selector::Sql, from `def condition_sql(block_condition)` to the end of the
# `pre_condition == 'current_user.id'` branch of the `'is'` operator (the method continues in the source, so
# the part does not parse alone).
# Classes: a helpdesk rule/trigger selector compiled to SQL for ActiveRecord: JOIN clauses collected in `tables`
# (some with #{} holes), WHERE conditions pushed into `query` per operator (constant '1 = 0' / '1 = 1',
# interpolated "#{attribute} #{like} (?)", IN / NOT IN sub-SELECTs, a multi-line sub-SELECT opening at line
# end), a condition template with a ###QUERY### marker, a ' WHERE state_id IN (?)' piece spliced into another
# condition; decoys: operator names, raise texts, LIKE bind values, bare column names, OR/AND joiners.

  def condition_sql(block_condition)
    current_user = options[:current_user]
    current_user_id = UserInfo.current_user_id
    if current_user
      current_user_id = current_user.id
    end

    raise InvalidCondition, "No block condition #{block_condition.inspect}" if block_condition.blank?
    raise InvalidCondition, "No block condition name #{block_condition.inspect}" if block_condition[:name].blank?

    # remember query and bind params
    query                           = []
    tables                          = []
    bind_params                     = []
    like                            = Rails.application.config.db_like
    attribute_table, attribute_name = block_condition[:name].split('.')

    # get tables to join
    return if !attribute_name
    return if !attribute_table

    sql_helper = SqlHelper.new(object: target_class)
    if attribute_table && %w[execution_time ticket_owner ticket_customer].exclude?(attribute_table) && attribute_table != target_name && tables.exclude?(attribute_table) && !(attribute_table == 'ticket' && attribute_name != 'mention_user_ids') && !(attribute_table == 'ticket' && attribute_name == 'mention_user_ids' && block_condition[:pre_condition] == 'not_set') && !(attribute_table == 'article' && attribute_name == 'action')
      case attribute_table
      when 'customer'
        tables         |= ["INNER JOIN users customers ON #{target_table}.customer_id = customers.id"] # expect: fragment
        sql_helper      = SqlHelper.new(object: User, table_name: 'customers')
      when 'organization'
        tables         |= ["LEFT JOIN organizations ON #{target_table}.organization_id = organizations.id"] # expect: fragment
        sql_helper      = SqlHelper.new(object: Organization)
      when 'owner'
        tables         |= ['INNER JOIN users owners ON tickets.owner_id = owners.id'] # expect: fragment
        sql_helper      = SqlHelper.new(object: User, table_name: 'owners')
      when 'article'
        tables         |= ['INNER JOIN ticket_articles articles ON tickets.id = articles.ticket_id'] # expect: fragment
        sql_helper      = SqlHelper.new(object: Ticket::Article, table_name: 'articles')
      when 'ticket_state'
        tables         |= ['INNER JOIN ticket_states ON tickets.state_id = ticket_states.id'] # expect: fragment
        sql_helper      = SqlHelper.new(object: Ticket::State)
      else
        raise "invalid selector #{attribute_table}, #{attribute_name}"
      end
    end

    validate_operator! block_condition

    validate_pre_condition_blank! block_condition

    validate_pre_condition_values! block_condition

    is_json_column = sql_helper.json_column?(attribute_name)

    # get attributes
    attribute = is_json_column ? sql_helper.json_db_column_with_key(attribute_name, 'value') : sql_helper.db_column(attribute_name)

    # magic block_condition
    if attribute_table == 'ticket' && attribute_name == 'out_of_office_replacement_id'
      attribute = "#{ActiveRecord::Base.connection.quote_table_name("#{attribute_table}s")}.#{ActiveRecord::Base.connection.quote_column_name('owner_id')}"
    end

    if attribute_table == 'ticket' && attribute_name == 'tags'
      block_condition[:value] = block_condition[:value].split(',').collect(&:strip)
    end

    # Performance: use left join instead of sub select if tags value is only one element and contains all is used
    if attribute_table == 'ticket' && attribute_name == 'tags' && block_condition[:operator] == 'contains all' && block_condition[:value].count == 1
      block_condition[:operator] = 'contains one'
    end

    # User customer tickets last_contact_at
    query_wrap = nil
    if attribute_table == 'ticket_customer' && attribute_name == 'last_contact_at'
      attribute = 'last_contact_at'
      query_wrap = 'users.id IN (SELECT DISTINCT tickets.customer_id FROM tickets WHERE ###QUERY###)' # expect: fragment
    end

    # User customer tickets last_contact_agent_at
    if attribute_table == 'ticket_customer' && attribute_name == 'last_contact_agent_at'
      attribute = 'last_contact_agent_at'
      query_wrap = 'users.id IN (SELECT DISTINCT tickets.customer_id FROM tickets WHERE ###QUERY###)' # expect: fragment
    end

    # User customer tickets last_contact_customer_at
    if attribute_table == 'ticket_customer' && attribute_name == 'last_contact_customer_at'
      attribute = 'last_contact_customer_at'
      query_wrap = 'users.id IN (SELECT DISTINCT tickets.customer_id FROM tickets WHERE ###QUERY###)' # expect: fragment
    end

    # User customer tickets updated_at
    if attribute_table == 'ticket_customer' && attribute_name == 'updated_at'
      attribute = 'updated_at'
      query_wrap = 'users.id IN (SELECT DISTINCT tickets.customer_id FROM tickets WHERE ###QUERY###)' # expect: fragment
    end

    #
    # checks
    #
    #

    if attribute_table == 'article' && options.key?(:article_id) && options[:article_id].blank? && attribute_name != 'action'
      query << '1 = 0' # expect: fragment
    elsif block_condition[:operator].include?('in working time')
      raise __('Please enable execution_time feature to use it (currently only allowed for triggers and schedulers)') if !options[:execution_time]

      biz = Calendar.lookup(id: block_condition[:value])&.biz
      query << if biz.present? && attribute_name == 'calendar_id' && ((block_condition[:operator] == 'is in working time' && !biz.in_hours?(Time.zone.now)) || (block_condition[:operator] == 'is not in working time' && biz.in_hours?(Time.zone.now)))
                 '1 = 0' # expect: fragment
               else
                 '1 = 1' # expect: fragment
               end

    elsif block_condition[:operator] == 'has changed'
      query << if changed_attributes[ block_condition[:name] ]
                 '1 = 1' # expect: fragment
               else
                 '1 = 0' # expect: fragment
               end

    elsif block_condition[:operator] == 'has reached'
      query << if time_based_trigger?(block_condition, warning: false)
                 '1 = 1' # expect: fragment
               else
                 '1 = 0' # expect: fragment
               end

    elsif block_condition[:operator] == 'has reached warning'
      query << if time_based_trigger?(block_condition, warning: true)
                 '1 = 1' # expect: fragment
               else
                 '1 = 0' # expect: fragment
               end

    elsif attribute_table == 'ticket' && attribute_name == 'action'
      check = options[:ticket_action] == block_condition[:value] ? 1 : 0

      query << if update_action_requires_changed_attributes?(block_condition, check)
                 '1 = 0' # expect: fragment
               elsif block_condition[:operator] == 'is'
                 "1 = #{check}" # expect: fragment
               else
                 "0 = #{check}" # is not # expect: fragment
               end

    elsif attribute_table == 'article' && attribute_name == 'action'
      check = options[:article_id] ? 1 : 0

      query << if block_condition[:operator] == 'is'
                 "1 = #{check}" # expect: fragment
               else
                 "0 = #{check}" # is not # expect: fragment
               end

    elsif attribute_table == 'article' && attribute_name == 'time_accounting'
      tables |= ["LEFT JOIN ticket_time_accountings ON ticket_time_accountings.ticket_article_id = #{options[:article_id].to_i}"] # expect: fragment
      query << if block_condition[:operator] == 'is set'
                 'ticket_time_accountings.id IS NOT NULL' # expect: fragment
               else
                 'ticket_time_accountings.id IS NULL' # not set # expect: fragment
               end

    # because of no grouping support we select not_set by sub select for mentions
    elsif attribute_table == 'ticket' && attribute_name == 'mention_user_ids'
      if block_condition[:pre_condition] == 'not_set'
        tables |= ["LEFT JOIN mentions ON tickets.id = mentions.mentionable_id AND mentions.mentionable_type = 'Ticket'"] # expect: fragment
        query << if block_condition[:operator] == 'is'
                   'mentions.user_id IS NULL' # expect: fragment
                 else
                   'mentions.user_id IS NOT NULL' # expect: fragment
                 end
      else
        query << if block_condition[:operator] == 'is'
                   tables |= ["LEFT JOIN mentions ON tickets.id = mentions.mentionable_id AND mentions.mentionable_type = 'Ticket'"] # expect: fragment
                   'mentions.user_id IN (?)' # expect: fragment
                 else
                   "tickets.id NOT IN (SELECT mentionable_id FROM mentions WHERE mentionable_type = 'Ticket' AND user_id IN (?))" # expect: fragment
                 end
        if block_condition[:pre_condition] == 'current_user.id'
          bind_params.push current_user_id
        else
          bind_params.push block_condition[:value]
        end
      end
    elsif attribute_table == 'user' && attribute_name == 'role_ids'
      query << if block_condition[:operator] == 'is' # expect-next: fragment
                 "users.id IN (
                        SELECT
                          roles_users.user_id
                        FROM
                          roles, roles_users
                        WHERE
                          roles.id = roles_users.role_id
                          AND roles.id IN (?)
                        GROUP BY
                          roles_users.user_id
                      )"

               else # expect-next: fragment
                 "users.id NOT IN (
                        SELECT
                          roles_users.user_id
                        FROM
                          roles, roles_users
                        WHERE
                          roles.id = roles_users.role_id
                          AND roles.id IN (?)
                        GROUP BY
                          roles_users.user_id
                      )"

               end
      bind_params.push block_condition[:value]
    elsif attribute_table == 'organization' && attribute_name == 'members_existing'
      query << if (block_condition[:operator] == 'is' && block_condition[:value].to_s == 'true') || (block_condition[:operator] == 'is not' && block_condition[:value].to_s != 'true')
                 'organizations.id IN (SELECT DISTINCT organizations.id FROM organizations, users WHERE organizations.id = users.organization_id)' # expect: fragment
               else
                 'organizations.id NOT IN (SELECT DISTINCT organizations.id FROM organizations, users WHERE organizations.id = users.organization_id)' # expect: fragment
               end
    elsif %w[ticket_customer ticket_owner].include?(attribute_table) && %w[existing open_existing].include?(attribute_name)
      distinct_column = if attribute_table == 'ticket_customer'
                          'customer_id'
                        else
                          'owner_id'
                        end

      query_where = ''
      if attribute_name == 'open_existing'
        query_where = ' WHERE state_id IN (?)' # expect: fragment
        bind_params.push Ticket::State.by_category_ids(:open)
      end

      query << if (block_condition[:operator] == 'is' && block_condition[:value].to_s == 'true') || (block_condition[:operator] == 'is not' && block_condition[:value].to_s != 'true')
                 "users.id IN (SELECT DISTINCT #{distinct_column} FROM tickets#{query_where})" # expect: fragment
               else
                 "users.id NOT IN (SELECT DISTINCT #{distinct_column} FROM tickets#{query_where})" # expect: fragment
               end
    elsif block_condition[:operator] == 'starts with'
      query << "#{attribute} #{like} (?)" # expect: fragment
      bind_params.push "#{SqlHelper.quote_like(block_condition[:value])}%"
    elsif block_condition[:operator] == 'starts with one of'
      block_condition[:value] = Array.wrap(block_condition[:value])

      sub_query = []
      block_condition[:value].each do |value|
        sub_query << "#{attribute} #{like} (?)" # expect: fragment
        bind_params.push "#{SqlHelper.quote_like(value)}%"
      end
      query << "(#{sub_query.join(' OR ')})" if sub_query.present?
    elsif block_condition[:operator] == 'ends with'
      query << "#{attribute} #{like} (?)" # expect: fragment
      bind_params.push "%#{SqlHelper.quote_like(block_condition[:value])}"
    elsif block_condition[:operator] == 'ends with one of'
      block_condition[:value] = Array.wrap(block_condition[:value])

      sub_query = []
      block_condition[:value].each do |value|
        sub_query << "#{attribute} #{like} (?)" # expect: fragment
        bind_params.push "%#{SqlHelper.quote_like(value)}"
      end
      query << "(#{sub_query.join(' OR ')})" if sub_query.present?
    elsif block_condition[:operator] == 'is any of'
      block_condition[:value] = Array.wrap(block_condition[:value])

      block_condition[:value] = block_condition[:value].empty? ? [''] : block_condition[:value]

      sub_query = []
      block_condition[:value].each do |value|
        sub_query << "#{attribute} IN (?)" # expect: fragment
        bind_params.push value
      end

      query << "(#{sub_query.join(' OR ')})" if sub_query.present?
    elsif block_condition[:operator] == 'is none of'
      block_condition[:value] = Array.wrap(block_condition[:value])

      block_condition[:value] = block_condition[:value].empty? ? [''] : block_condition[:value]

      sub_query = []
      block_condition[:value].each do |value|
        sub_query << "#{attribute} NOT IN (?)" # expect: fragment
        bind_params.push value
      end

      query << "(#{sub_query.join(' AND ')})" if sub_query.present?
    elsif block_condition[:operator] == 'is'
      if block_condition[:pre_condition] == 'not_set'
        if attribute_name.match?(%r{^(created_by|updated_by|owner|customer|user)_id})
          query << "(#{attribute} IS NULL OR #{attribute} IN (?))" # expect: fragment
          bind_params.push 1
        else
          query << "#{attribute} IS NULL" # expect: fragment
        end
      elsif block_condition[:pre_condition] == 'current_user.id'
        raise "Use current_user.id in block_condition, but no current_user is set #{block_condition.inspect}" if !current_user_id

        query << "#{attribute} IN (?)" # expect: fragment
        if attribute_name == 'out_of_office_replacement_id'
          bind_params.push User.find(current_user_id).out_of_office_agent_of.pluck(:id)
        else
          bind_params.push current_user_id
        end
