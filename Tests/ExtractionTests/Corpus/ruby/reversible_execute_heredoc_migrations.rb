# Sources (the index gave no repository names; read_file / find_string index ids):
#   4260763276   ChangeEventIdToRunIdInTickets      (convention/ticketing Rails app, migration 7.0)
#   31247267739  AddEventIdToTicketTypes            (same domain: ticket_types, conventions, events)
#   21860249219  ConvertAllowWaitlistToFallbackAction (same domain: user_con_profiles, 8.0)
#   21880487915  AddAutomationActionToSignupRounds  (same domain: signup_rounds, 8.0)
#   47794031778  EnforceRankedChoiceOrderForRankedChoiceSignupRounds (same domain, 8.0)
#   1403757861   CreateStudents                     (Brazilian school app: cpf, boleto, 6.1)
#   71315611002  AddRulesAndOutcomeToBallotageBallots (voting app, 7.2)
#   58283507441  CreateVoiceCoPresences             (chat/voice app, 8.0)
# Classes: ActiveRecord migrations with `reversible do |dir|` / `reversible { |dir| dir.up { execute
# <<~SQL } }`: a squiggly heredoc opened inside a block on the same line, its body on the following
# lines (labelled on the opening line, convention 2's Ruby exception), `dir.down { execute <<~SQL }`,
# UPDATE … FROM, UPDATE … SET col = (CASE … END), ADD CONSTRAINT … CHECK with casts and IN lists,
# `add_check_constraint :t, "…"` with the condition on a line of its own (fragment); decoys:
# add_column/add_reference/add_index/create_table options (`default: "waitlist"`,
# `name: "idx_…"`, `%i[user_id_1 user_id_2 date]`), the value 'execute_ranked_choice', comments.
# Adaptations: eight small migration files concatenated, each as found (magic comments
# `# frozen_string_literal: true` kept where the file had them, now inert). Otherwise verbatim.

class ChangeEventIdToRunIdInTickets < ActiveRecord::Migration[7.0]
  def change
    add_reference :tickets, :run, null: true, foreign_key: true

    reversible do |dir|
      dir.up { execute <<~SQL } # expect: static
          UPDATE tickets
          SET run_id = runs.id
          FROM runs
          WHERE runs.event_id = tickets.event_id AND tickets.event_id IS NOT NULL
        SQL

      dir.down { execute <<~SQL } # expect: static
          UPDATE tickets
          SET event_id = runs.event_id
          FROM runs
          WHERE runs.run_id = tickets.run_id AND tickets.run_id IS NOT NULL
        SQL
    end

    remove_reference :tickets, :event, null: true, foreign_key: true
  end
end

class AddEventIdToTicketTypes < ActiveRecord::Migration[7.0]
  def change
    add_reference :ticket_types, :event, null: true, foreign_key: true

    reversible do |dir|
      dir.up { execute <<~SQL } # expect: static
          ALTER TABLE ticket_types
          ADD CONSTRAINT ticket_types_parent_exclusive_arc
          CHECK (((convention_id IS NOT NULL)::integer + (event_id IS NOT NULL)::integer) = 1)
        SQL

      dir.down { execute <<~SQL } # expect: static
          ALTER TABLE ticket_types
          DROP CONSTRAINT ticket_types_parent_exclusive_arc
        SQL
    end
  end
end

class ConvertAllowWaitlistToFallbackAction < ActiveRecord::Migration[8.0]
  def change
    add_column :user_con_profiles, :ranked_choice_fallback_action, :text, default: "waitlist", null: false

    reversible do |dir|
      dir.up { execute <<~SQL } # expect: static
          UPDATE user_con_profiles SET ranked_choice_fallback_action = (
            CASE ranked_choice_allow_waitlist
            WHEN true THEN 'waitlist'
            ELSE 'none'
            END
          )
        SQL

      dir.down { execute <<~SQL } # expect: static
          UPDATE user_con_profiles SET ranked_choice_allow_waitlist = (ranked_choice_fallback_action = 'waitlist')
        SQL
    end

    remove_column :user_con_profiles, :ranked_choice_allow_waitlist, :boolean, default: true, null: false
  end
end

class AddAutomationActionToSignupRounds < ActiveRecord::Migration[8.0]
  def change
    add_column :signup_rounds, :automation_action, :text

    reversible { |dir| dir.up { execute <<~SQL } } # expect: static
          UPDATE signup_rounds SET automation_action = 'execute_ranked_choice'
          FROM conventions
          WHERE signup_rounds.convention_id = conventions.id
          AND conventions.signup_automation_mode = 'ranked_choice'
        SQL
  end
end

class EnforceRankedChoiceOrderForRankedChoiceSignupRounds < ActiveRecord::Migration[8.0]
  def change
    reversible { |dir| dir.up { execute <<~SQL } } # expect: static
          UPDATE signup_rounds
          SET ranked_choice_order = 'asc'
          WHERE automation_action = 'execute_ranked_choice' AND ranked_choice_order IS NULL
        SQL

    add_check_constraint :signup_rounds,
                         "automation_action != 'execute_ranked_choice' OR ranked_choice_order IS NOT NULL", # expect: fragment
                         name: "require_order_for_ranked_choice_rounds"
  end
end

class CreateStudents < ActiveRecord::Migration[6.1]
  def change
    create_table :students do |t|
      t.string :name, null: false
      t.string :cpf, null: false, index: { unique: true }
      t.date :birthdate, null: true
      t.string :payment_method, null: false
      t.timestamps
    end

    reversible do |dir|
      dir.up { execute <<~SQL } # expect: static
        ALTER TABLE students
        ADD CONSTRAINT check_payment_method
          CHECK (payment_method IN (
            'credit_card',
            'boleto'
          ));
      SQL

      dir.down { execute <<~SQL } # expect: static
        ALTER TABLE students DROP CONSTRAINT check_payment_method;
      SQL
    end
  end
end

# frozen_string_literal: true

# Ballot kinds with their decision rule, result visibility, and the outcome
# frozen when a ballot closes (it survives finalizing). The *_at columns make
# the notification job idempotent.
class AddRulesAndOutcomeToBallotageBallots < ActiveRecord::Migration[7.2]
  def change
    add_column :ballotage_ballots, :kind, :string, null: false, default: "admission"
    add_column :ballotage_ballots, :abstain_count, :integer, null: false, default: 0
    add_column :ballotage_ballots, :rejection_threshold, :integer, null: false, default: 1
    add_column :ballotage_ballots, :approval_rule, :string, null: false, default: "majority"
    add_column :ballotage_ballots, :quorum_percent, :integer
    add_column :ballotage_ballots, :result_visibility, :string, null: false, default: "overseers"
    add_column :ballotage_ballots, :keep_counts, :boolean, null: false, default: false
    add_column :ballotage_ballots, :outcome, :string
    add_column :ballotage_ballots, :closed_voter_count, :integer
    add_column :ballotage_ballots, :closed_eligible_count, :integer
    add_column :ballotage_ballots, :opened_notified_at, :datetime
    add_column :ballotage_ballots, :reminded_at, :datetime
    add_column :ballotage_ballots, :closed_at, :datetime

    # Existing ballots predate notifications: mark what already happened as done
    # so the first job run doesn't notify about the past. Closed legacy ballots
    # have no rules, so they get no outcome either.
    reversible { |dir| dir.up { execute <<~SQL } } # expect: static
          UPDATE ballotage_ballots
          SET opened_notified_at = CASE WHEN starts_at <= NOW() THEN NOW() END,
              reminded_at = CASE WHEN ends_at <= NOW() + INTERVAL '24 hours' THEN NOW() END,
              closed_at = CASE WHEN ends_at <= NOW() THEN NOW() END
        SQL
  end
end

# frozen_string_literal: true

class CreateVoiceCoPresences < ActiveRecord::Migration[8.0]
  def change
    create_table :voice_co_presences do |t|
      t.integer :user_id_1, null: false
      t.integer :user_id_2, null: false
      t.date :date, null: false
      t.integer :total_seconds, null: false, default: 0
      t.integer :session_count, null: false, default: 0
      t.timestamps
    end

    add_foreign_key :voice_co_presences, :users, column: :user_id_1
    add_foreign_key :voice_co_presences, :users, column: :user_id_2

    add_index :voice_co_presences,
              %i[user_id_1 user_id_2 date],
              unique: true,
              name: "idx_voice_co_presences_unique"
    add_index :voice_co_presences, %i[user_id_1 date]
    add_index :voice_co_presences, %i[user_id_2 date]

    reversible { |dir| dir.up { execute <<~SQL } } # expect: static
          ALTER TABLE voice_co_presences
          ADD CONSTRAINT chk_voice_co_presences_user_order
          CHECK (user_id_1 < user_id_2)
        SQL
  end
end
