# Source: a Japanese smoking-friendly shop directory — app/controllers/admin/shops_controller.rb
# (found with find_string 'Arel.sql("', index id 61366547963; the index did not return the
# repository name). Excerpt: the methods index, holds, smoking_unverified and
# hold_phone_check, verbatim; the rest of the 45 000-character controller is dropped.
# Classes: fragments (where.not("COALESCE(…) LIKE ?"), joins("LEFT JOIN …"), a multi-line
#          where("… LIKE :like OR …", like: like) whose string opens on the line after
#          `scope.where(`, select("shops.*, COUNT(…) AS click_count"), reorder/order(Arel.sql(
#          "COUNT(…) DESC, …"))), bare identifiers NOT labelled (group("shops.id"), count(:id),
#          except(:select, :group, :order)), decoys (status values "tabelog_missing" /
#          "unverified", "%#{…}%" LIKE pattern built in Ruby, "https://not-found.local/%", Japanese
#          flash messages, column_names.include?("source")).
class Admin::ShopsController < Admin::BaseController
  def index
    @status = params[:status].presence || "pending"
    @source = params[:source].to_s.presence
    @q = params[:q].to_s.strip

    @per = (params[:per].presence || 50).to_i
    @per = 50 if @per <= 0
    @per = 500 if @per > 500

    @page = params[:page].to_i
    @page = 1 if @page <= 0

    scope = Shop.order(created_at: :desc)

    case @status
    when "rejected"
      scope = scope.where(rejected: true)
    when "all"
      # all
    when "unverified"
      scope = scope.where(smoking_unverified: true)
    when "hold"
      scope = scope.where(on_hold: true)
    when "tabelog_suspect"
      scope = scope.where.not(tabelog_candidate_url: [nil, ""])
    when "tabelog_missing"
      scope = scope
        .where(approved: true)
        .where(tabelog_affiliate_url: [nil, ""])
        .where.not("COALESCE(tabelog_url, '') LIKE ?", "https://not-found.local/%") # expect: fragment
        .joins("LEFT JOIN shop_clicks ON shop_clicks.shop_id = shops.id") # expect: fragment
        .group("shops.id")
        .reorder(Arel.sql("COUNT(shop_clicks.id) DESC, shops.created_at DESC")) # expect: fragment
    else
      scope = scope.where(approved: false).where(rejected: [false, nil]).where(on_hold: [false, nil])
    end

    if @source.present? && Shop.column_names.include?("source")
      scope = scope.where(source: @source)
    end

    if @q.present?
      like = "%#{ActiveRecord::Base.sanitize_sql_like(@q)}%"
      scope = scope.where(
        "shops.name LIKE :like OR shops.address LIKE :like OR shops.area LIKE :like OR shops.nearest_station LIKE :like OR shops.phone LIKE :like", # expect: fragment
        like: like
      )
    end

    @total_count =
      if @status == "tabelog_missing"
        scope.except(:select, :group, :order).distinct.count(:id)
      else
        scope.count
      end

    @total_pages = (@total_count.to_f / @per).ceil
    @total_pages = 1 if @total_pages <= 0

    offset = (@page - 1) * @per
    @shops = scope.offset(offset).limit(@per)

    @duplicate_states = build_duplicate_states_for(@shops)
  end

  def holds
    @shops = Shop
      .where(on_hold: true)
      .order(held_at: :desc, updated_at: :desc)
  end

  def hold_phone_check
    shop = Shop.find(params[:id])

    shop.update!(
      phone_check_on_hold: true,
      updated_at: Time.current
    )

    redirect_to smoking_unverified_admin_shops_path(per: params[:per], page: params[:page], open_now: params[:open_now]),
                flash: { admin_notice: "電話確認保留に移動しました：#{shop.name}" }
  rescue ActiveRecord::RecordInvalid => e
    redirect_to smoking_unverified_admin_shops_path(per: params[:per], page: params[:page], open_now: params[:open_now]),
                flash: { admin_alert: "電話確認保留への移動に失敗しました：#{e.record.errors.full_messages.join(' / ')}" }
  end

  def smoking_unverified
    @per = (params[:per].presence || 100).to_i
    @per = 100 if @per <= 0
    @per = 500 if @per > 500

    @page = params[:page].to_i
    @page = 1 if @page <= 0

    @open_now = params[:open_now] == "1"
    @phone_check_hold = params[:phone_check_hold] == "1"

    scope = Shop
      .where(approved: true)
      .where(smoking_unverified: true)

    scope =
      if @phone_check_hold
        scope.where(phone_check_on_hold: true)
      else
        scope.where(phone_check_on_hold: [false, nil])
      end

    if @open_now
      scope = scope.select { |shop| shop.respond_to?(:open_now?) && shop.open_now? }
      shop_ids = scope.map(&:id)

      scope = Shop.where(id: shop_ids)
    end

    scope = scope
      .joins("LEFT JOIN shop_clicks ON shop_clicks.shop_id = shops.id") # expect: fragment
      .select("shops.*, COUNT(shop_clicks.id) AS click_count") # expect: fragment
      .group("shops.id")
      .order(Arel.sql("COUNT(shop_clicks.id) DESC, shops.updated_at DESC")) # expect: fragment

    @total_count = scope.except(:select, :group, :order).distinct.count(:id)
    @total_pages = (@total_count.to_f / @per).ceil
    @total_pages = 1 if @total_pages <= 0

    @shops = scope.offset((@page - 1) * @per).limit(@per)
  end
end
