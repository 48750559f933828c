# Sources (the index gave no repository names; open with read_file id=…):
#   (a) id 58690834118: Guests::GuestQuery of a hotel-management Rails app (query object).
#   (b) id 5871825998: SocialMessage model (app/models) of a booking/LINE-messaging Rails app.
# Classes: ActiveRecord fragments: select("guests.*, COALESCE(MAX(…)) AS …") select expression,
# where("… :hotel_id …", hotel_id: …) named binds, where( on one line with the condition string
# on the next line, jsonb `@>` / `->` / `'[]'::jsonb` conditions, having("COUNT(…) > 1"),
# order(Arel.sql("… DESC NULLS LAST")), a scope whose multi-line Arel.sql CASE string opens at
# the end of its line (expect-next on the previous line); decoys: group("guests.id") (bare
# identifier), "%#{raw_query}%" LIKE pattern, hash conditions where(country: …), where.not(…),
# enum values, the annotate "Schema Information" comment block with column types and index names.
# Adaptations: two files concatenated; `# frozen_string_literal: true` of (a) kept as its first
# line after this header (inert there), the one of (b) dropped; an `# expect-next` label (fragment)
# appended to the `scope :handleable` line. Code otherwise verbatim.
# frozen_string_literal: true

# ---- (a) id 58690834118
module Guests
  class GuestQuery
  def initialize(hotel:, params:)
    @hotel = hotel
    @params = params
  end

  def call
    scope = Guest.kept
      .select("guests.*, COALESCE(MAX(bookings.checked_out_at), MAX(bookings.check_out::timestamp)) AS last_stay_at") # expect: fragment
      .left_joins(:bookings)
      .where("bookings.hotel_id = :hotel_id OR guests.created_by_hotel_id = :hotel_id", hotel_id: @hotel.id) # expect: fragment

    scope = apply_filters(scope)

    scope
      .group("guests.id")
      .order(Arel.sql("COALESCE(MAX(bookings.checked_out_at), MAX(bookings.check_out::timestamp), guests.created_at) DESC NULLS LAST")) # expect: fragment
  end

  def country_options
    Guest.kept
      .left_joins(:bookings)
      .where("bookings.hotel_id = :hotel_id OR guests.created_by_hotel_id = :hotel_id", hotel_id: @hotel.id) # expect: fragment
      .where.not(country: [ nil, "" ])
      .distinct
      .order(:country)
      .pluck(:country)
  end

  private

  def apply_filters(scope)
    if @params[:query].present?
      raw_query = @params[:query].to_s.downcase.strip
      query = "%#{raw_query}%"

      search_conditions = Guest.where(
        "LOWER(guests.name) LIKE :query OR LOWER(bookings.guest_email) LIKE :query OR bookings.guest_phone LIKE :query", # expect: fragment
        query: query
      )

      # Support exact matches on encrypted guest fields (requires deterministic encryption)
      search_conditions = search_conditions.or(Guest.where(email: raw_query))
                                           .or(Guest.where(phone: raw_query))
                                           .or(Guest.where(government_id: raw_query))

      scope = scope.merge(search_conditions)
    end

    scope = scope.where(country: @params[:country]) if @params[:country].present?

    if @params[:tag].present?
      case @params[:tag].to_s
      when "vip"
        scope = scope.where(vip: true).where(
          "guests.metadata @> :h_json OR (COALESCE(guests.metadata->'vip_hotel_ids', '[]'::jsonb) = '[]'::jsonb AND (guests.created_by_hotel_id IS NULL OR guests.created_by_hotel_id = :h_id))", # expect: fragment
          h_json: { vip_hotel_ids: [ @hotel.id ] }.to_json,
          h_id: @hotel.id
        )
      when "blacklisted", "banned"
        scope = scope.where(blacklisted: true).where(
          "guests.metadata @> :h_json OR (COALESCE(guests.metadata->'blacklisted_hotel_ids', '[]'::jsonb) = '[]'::jsonb AND (guests.created_by_hotel_id IS NULL OR guests.created_by_hotel_id = :h_id))", # expect: fragment
          h_json: { blacklisted_hotel_ids: [ @hotel.id ] }.to_json,
          h_id: @hotel.id
        )
      when "repeat"
        scope = scope.where(id: BookingGuest.group(:guest_id).having("COUNT(booking_id) > 1").select(:guest_id)) # expect: fragment
                     .where(id: BookingGuest.joins(:booking).where(bookings: { status: "completed" }).select(:guest_id))
      end
    end

    scope
  end
  end
end

# ---- (b) id 5871825998
# == Schema Information
#
# Table name: social_messages
#
#  id                 :bigint           not null, primary key
#  channel            :string
#  content_type       :string
#  message_type       :integer          default("bot")
#  raw_content        :text
#  readed_at          :datetime
#  schedule_at        :datetime
#  sent_at            :datetime
#  created_at         :datetime         not null
#  updated_at         :datetime         not null
#  broadcast_id       :integer
#  customer_id        :integer
#  social_account_id  :integer
#  social_customer_id :integer
#  staff_id           :integer
#  user_id            :integer
#
# Indexes
#
#  index_social_messages_on_broadcast_id             (broadcast_id)
#  index_social_messages_on_customer_id_and_channel  (customer_id,channel)
#  index_social_messages_on_user_id_and_channel      (user_id,channel)
#  social_message_customer_index                     (social_account_id,social_customer_id)
#

class SocialMessage < ApplicationRecord
  include MalwareScannable

  belongs_to :social_account, optional: true
  belongs_to :social_customer, optional: true, touch: true
  belongs_to :user, optional: true
  belongs_to :customer, optional: true
  belongs_to :staff, optional: true
  belongs_to :broadcast, optional: true
  has_one_attached :image
  scan_attachment :image

  scope :unread, -> { where(readed_at: nil) }
  # Sometimes user's line account got some issue, message couldn't be sent successfully.
  # In that case, sent at is null and schedule_at is null as well
  scope :legal, -> { where("sent_at is NOT NULL or schedule_at is NOT NULL") } # expect: fragment
  scope :handleable, -> { includes(social_customer: :customer).where.not(social_customers: { customer_id: nil }) } # expect-next: fragment
  scope :ordered, -> { order(Arel.sql("(CASE
                                        WHEN social_messages.sent_at IS NOT NULL THEN social_messages.sent_at
                                        WHEN social_messages.schedule_at IS NOT NULL THEN social_messages.schedule_at
                                        ELSE social_messages.created_at END) DESC, social_messages.id DESC"))  }
  scope :from_customer, -> { where(message_type: [SocialMessage.message_types[:customer], SocialMessage.message_types[:customer_reply_bot]]) }

  enum message_type: {
    bot: 0,
    staff: 1,
    customer: 2,
    customer_reply_bot: 3
  }

  enum channel: {
    line: "line",
    sms: "sms",
    email: "email"
  }

  def unread?
    readed_at.nil?
  end
end
