# Sources (the index gave no repository names; read_file / find_string index ids):
#   4559704500   app/models/event.rb of a conference-planning Rails app (frab-style Event model:
#                state machine, event_ratings, conflicts, ticket server)
#   45509135115  StopType model of a Rails public-transport app (schema version 20100707152350)
# Classes: ActiveRecord `connection.select_rows("…")` with `#{}` interpolation (dynamic) and with
# multi-line double-quoted literals whose opening line ends inside the string (expect-next on the
# line before), `where('speaker_count = 0')` scope fragments, conditions kept in a variable
# (`conditions = 'stop_type in (?)'`, fragments) returned with their params; decoys: state-machine
# events named accept/reject/cancel, `where("event_people.person_id": …)` hash keys, Arel
# predicates (`arel_table[:start_time].gteq(…)`), `delete_all` calls, %w state lists, the
# annotate-style schema comment (`# Table name: stop_types`), "FIXME native SQL" comment,
# `group(:person_id, :id)`, conflict type strings.
# Adaptations: two files concatenated; event.rb was cut: some associations, attachments and
# validations, the `notify` state-machine event and the instance methods without SQL (notifiable,
# track_name, end_time, feedback/rating averages, notifications, slug, static_url,
# possible_start_times, overlap?, conflict_person_has_no_availabilities, …) were dropped.
# Otherwise verbatim.

# frozen_string_literal: true
class Event < ActiveRecord::Base
  include ActiveRecord::Transitions
  include ActionView::Helpers::TextHelper

  before_create :generate_guid

  TYPES = %i(lecture workshop podium lightning_talk meeting film concert djset performance other).freeze

  has_one :ticket, as: :object, dependent: :destroy
  has_many :conflicts_as_conflicting, class_name: 'Conflict', foreign_key: 'conflicting_event_id', dependent: :destroy
  has_many :conflicts, dependent: :destroy
  has_many :event_people, dependent: :destroy
  has_many :event_ratings, dependent: :destroy
  has_many :people, through: :event_people

  belongs_to :conference
  belongs_to :track
  belongs_to :room

  validates :title, :time_slots, presence: true

  after_save :update_conflicts

  scope :accepted, -> { where(self.arel_table[:state].in(%w(accepting unconfirmed confirmed scheduled))) }
  scope :associated_with, ->(person) { joins(:event_people).where("event_people.person_id": person.id) }
  scope :candidates, -> { where(state: %w(new review accepting unconfirmed confirmed scheduled)) }
  scope :confirmed, -> { where(state: %w(confirmed scheduled)) }
  scope :no_conflicts, -> { includes(:conflicts).where("conflicts.event_id": nil) }
  scope :is_public, -> { where(public: true) }
  scope :scheduled_on, ->(day) { where(self.arel_table[:start_time].gteq(day.start_date.to_datetime)).where(self.arel_table[:start_time].lteq(day.end_date.to_datetime)).where(self.arel_table[:room_id].not_eq(nil)) }
  scope :scheduled, -> { where(self.arel_table[:start_time].not_eq(nil).and(self.arel_table[:room_id].not_eq(nil))) }
  scope :unscheduled, -> { where(self.arel_table[:start_time].eq(nil).or(self.arel_table[:room_id].eq(nil))) }
  scope :without_speaker, -> { where('speaker_count = 0') } # expect: fragment
  scope :with_speaker, -> { where('speaker_count > 0') } # expect: fragment
  scope :with_more_than_one_speaker, -> { where('speaker_count > 1') } # expect: fragment

  has_paper_trail

  state_machine do
    state :new
    state :review
    state :withdrawn
    state :canceled
    state :rejecting
    state :rejected
    state :accepting
    state :unconfirmed
    state :confirmed
    state :scheduled

    event :start_review do
      transitions to: :review, from: :new
    end
    event :withdraw do
      transitions to: :withdrawn, from: [:new, :review, :accepting, :unconfirmed]
    end
    event :accept do
      transitions to: :unconfirmed, from: [:new, :review], on_transition: :process_acceptance, :guard => lambda {|event, transition| !event.conference.bulk_notification_enabled }
      transitions to: :accepting, from: [:new, :review], on_transition: :process_acceptance, :guard => lambda {|event, transition| event.conference.bulk_notification_enabled }
    end
    event :confirm do
      transitions to: :confirmed, from: [:accepting, :unconfirmed]
    end
    event :cancel do
      transitions to: :canceled, from: [:accepting, :unconfirmed, :confirmed]
    end
    event :reject do
      transitions to: :rejected, from: [:new, :review], on_transition: :process_rejection, :guard => lambda {|event, transition| !event.conference.bulk_notification_enabled }
      transitions to: :rejecting, from: [:new, :review], on_transition: :process_rejection, :guard => lambda {|event, transition| event.conference.bulk_notification_enabled }
    end
  end

  def self.ids_by_least_reviewed(conference, reviewer)
    # FIXME native SQL
    already_reviewed = self.connection.select_rows("SELECT events.id FROM events JOIN event_ratings ON events.id = event_ratings.event_id WHERE events.conference_id = #{conference.id} AND event_ratings.person_id = #{reviewer.id}").flatten.map(&:to_i) # expect: dynamic
    least_reviewed = self.connection.select_rows("SELECT events.id FROM events LEFT OUTER JOIN event_ratings ON events.id = event_ratings.event_id WHERE events.conference_id = #{conference.id} GROUP BY events.id ORDER BY COUNT(event_ratings.id) ASC, events.id ASC").flatten.map(&:to_i) # expect: dynamic
    least_reviewed -= already_reviewed
    least_reviewed
  end

  def accepted?
    self.state == 'accepting' or self.state == 'unconfirmed' or self.state == 'confirmed' or self.state == 'scheduled'
  end

  def update_conflicts
    self.conflicts.delete_all
    self.conflicts_as_conflicting.delete_all
    if self.accepted? and self.room and self.start_time and self.time_slots
      update_event_conflicts
      update_people_conflicts
    end
    self.conflicts
  end

  def conflict_level
    return 'fatal' if self.conflicts.any? { |c| c.severity == 'fatal' }
    return 'warning' if self.conflicts.any? { |c| c.severity == 'warning' }
    nil
  end

  private

  def generate_guid
    self.guid = SecureRandom.uuid
  end

  # check if room has been assigned multiple times for the same slot
  def update_event_conflicts
    conflicting_event_candidates =
      self.class.accepted
          .where(room_id: self.room.id)
          .where(self.class.arel_table[:start_time].gteq(self.start_time.beginning_of_day))
          .where(self.class.arel_table[:start_time].lteq(self.start_time.end_of_day))
          .where(self.class.arel_table[:id].not_eq(self.id))

    conflicting_event_candidates.each do |conflicting_event|
      if self.overlap?(conflicting_event)
        Conflict.create(event: self, conflicting_event: conflicting_event, conflict_type: 'events_overlap', severity: 'fatal')
        Conflict.create(event: conflicting_event, conflicting_event: self, conflict_type: 'events_overlap', severity: 'fatal')
      end
    end
  end

  # check wether person has availability and is available at scheduled time
  def update_people_conflicts
    self.event_people.presenter.group(:person_id, :id).each do |event_person|
      next if conflict_person_has_no_availabilities(event_person)
      conflict_person_not_available(event_person)
    end
  end

  def conflict_person_not_available(event_person)
    return if event_person.available_between?(self.start_time, self.end_time)
    Conflict.create(event: self, person: event_person.person, conflict_type: 'person_unavailable', severity: 'warning')
  end
end

# == Schema Information
# Schema version: 20100707152350
#
# Table name: stop_types
#
#  id          :integer         not null, primary key
#  code        :string(255)
#  description :string(255)
#  on_street   :boolean
#  point_type  :string(255)
#  version     :float
#  created_at  :datetime
#  updated_at  :datetime
#  sub_type    :string(255)
#

class StopType < ActiveRecord::Base
  has_many :transport_mode_stop_types
  has_many :transport_modes, :through => :transport_mode_stop_types
  @@modes_by_code = {}
  @@codes_by_mode = {}
  
  def self.codes # expect-next: static
    connection.select_rows("SELECT DISTINCT description, code 
                            FROM stop_types 
                            ORDER BY code")
  end
  
  def self.sub_types # expect-next: static
    connection.select_rows("SELECT DISTINCT point_type, sub_type 
                            FROM stop_types
                            WHERE code = 'BCT'
                            ORDER BY sub_type")
  end
  
  def self.codes_for_transport_mode(transport_mode_id)
    calculate_hashes if @@codes_by_mode.empty? 
    codes = @@codes_by_mode[transport_mode_id]
  end
  
  def self.conditions_for_transport_mode(transport_mode_id)
    if transport_mode_id == TransportMode.find_by_name("Tram/Metro").id
      conditions = 'metro_stop = ?' # expect: fragment
      params = [true]
    else
      codes = codes_for_transport_mode(transport_mode_id)
      conditions = 'stop_type in (?)' # expect: fragment
      params = [codes.uniq]
    end
    return [conditions, params]
  end
  
  def self.calculate_hashes
    transport_mode_stop_types = TransportModeStopType.find(:all, :include => :stop_type)
    transport_mode_stop_types.each do |tmst|
      if ! @@codes_by_mode[tmst.transport_mode_id]
        @@codes_by_mode[tmst.transport_mode_id] = []
      end
      @@codes_by_mode[tmst.transport_mode_id] << tmst.stop_type.code
      if ! @@modes_by_code[tmst.stop_type.code]
        @@modes_by_code[tmst.stop_type.code] = []
      end
      @@modes_by_code[tmst.stop_type.code] << tmst.transport_mode_id
    end
  end
  
  def self.transport_modes_for_code(code)
    calculate_hashes if @@modes_by_code.empty?
    @@modes_by_code[code]
  end
  
end
