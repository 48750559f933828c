# Source: ProductSeriesController of a Rails catalogue site (brands, products, product series,
# PaperTrail versions, Kaminari paging); read_file / find_string index id 69308005008 (the index
# gave no repository name).
# Classes: 7-decoys (a controller that is mostly not SQL: route helpers, I18n keys such as
# 'product_series.assign.where_none', the comment '"scope" is a reserved I18n option, so the
# placeholder is "where"', a `where:` keyword argument to I18n.t, 'noindex, follow',
# sort key 'release_date_asc', order(:name).select(:id, :name, :slug) identifiers, rescue
# ActiveRecord::RecordNotUnique, comments naming an index), 8-fragments (reorder(Arel.sql(...))
# with directions, a where string with a named bind :q used twice), 4-placeholders
# (find_by_sql([<<~SQL.squish, id]) with ?).
# Adaptations: excerpt: new, edit, create, update, changelog, set_active_menu, series_params,
# canonical_url, assignment_changes and the report/notice helpers are left out.
# Heredoc labelled on its opening line (convention 2). Labelled by hand, blind.
# frozen_string_literal: true

# Product series pages: /brands/:brand_id/series/:id. See docs/product-series.md.
#
# "series" is uncountable in Rails, so the route helpers are brand_series_index_path (the JSON
# list the product form reads) and brand_series_path (one series).
class ProductSeriesController < ApplicationController
  include FilterParamsBuilder

  # Products of the brand per page in the product list of the edit page. Also the upper limit of
  # product changes per submit.
  PRODUCTS_PER_PAGE = 50
  MAX_ASSIGNMENTS_PER_SUBMIT = 100

  before_action :set_paper_trail_whodunnit, only: [:create, :update]
  before_action :authenticate_user!, only: [:new, :create, :edit, :update]
  before_action :set_noindex_meta_robots, only: [:new, :edit, :create, :update, :changelog]
  before_action :set_active_menu
  before_action :load_brand
  before_action :load_series, only: [:show, :edit, :update, :changelog]
  before_action :redirect_to_canonical_series_path, only: [:show]

  # The series of a brand, for the series field of the product form. Few rows per brand, so the
  # form loads all of them and needs no search on the server.
  def index
    respond_to do |format|
      format.json do
        render json: { series: @brand.product_series.order(:name).select(:id, :name, :slug) }
      end
      format.html { redirect_to brand_path(id: @brand.friendly_id), status: :moved_permanently }
    end
  end

  def show
    @filter_applied = active_filters.except(:sort)
    filter_service = ProductFilterService.new(
      filters: active_filters.reverse_merge(sort: 'release_date_asc'),
      brands: [@brand],
      series: @series
    )
    products = filter_service.filter.products.includes(:brand)
    total_count = filter_service.total_count

    @products = PrecomputedTotalCount.attach(products.page(params[:page]), total_count)
    @products = PrecomputedTotalCount.attach(products.page(1), total_count) if @products.out_of_range?
    @products = ProductItem.preload_list_possession_images(@products)
    @products = ProductItem.preload_sub_category_names(@products)

    @products_query = params.dig(:products, :query)&.strip
    @contributors = contributors

    @meta_robots = 'noindex, follow' if @filter_applied.present? || @series.products_count.zero?
    @canonical_url = canonical_url
    page_title(@series.display_label, @series.meta_desc)
  end

  private

  def set_noindex_meta_robots
    @meta_robots = 'noindex, follow'
  end

  def load_brand
    @brand = Brand.friendly.find(params[:brand_id])
  end

  def load_series
    @series = @brand.product_series.friendly.find(params[:series_id] || params[:id])
  end

  # An old brand slug or an old series slug answers with a 301 to the current URL, as FriendlyFinder
  # does for brands and products.
  def redirect_to_canonical_series_path
    return unless request.get?
    return if params[:brand_id] == @brand.friendly_id && params[:id] == @series.friendly_id

    redirect_to brand_series_path(brand_id: @brand.friendly_id, id: @series.friendly_id,
                                  **request.query_parameters.symbolize_keys),
                status: :moved_permanently
  end

  # The uniqueness validation is not atomic. Two submits of the same name can still reach the
  # unique index; then the second one shows the validation error instead of a 500.
  def save_series(series)
    series.save
  rescue ActiveRecord::RecordNotUnique
    series.errors.add(:name, :taken)
    false
  end

  def allowed_filter_params
    params.permit(:sort, products: [:status, :query, :diy_kit])
  end

  def active_filters
    @active_filters ||= build_filters(allowed_filter_params).merge(build_product_filters(allowed_filter_params))
  end

  def contributors
    User.find_by_sql([<<~SQL.squish, @series.id]) # expect: static
      SELECT DISTINCT users.id, users.user_name, users.profile_visibility
      FROM users
      JOIN versions ON users.id = CAST(versions.whodunnit AS integer)
      WHERE versions.item_id = ? AND versions.item_type = 'ProductSeries'
    SQL
  end

  # The products of the brand for the checkbox list of the edit page, by name, 50 per page, with
  # an optional search on name and model no. The list shows the brand's products only, so the
  # query uses index_products_on_brand_id_and_product_series_id's leading column.
  def load_brand_products
    @query = params[:query].to_s.strip.presence
    products = @brand.products.reorder(Arel.sql('LOWER(products.name) ASC, products.id ASC')) # expect: fragment
                     .includes(:product_series)
    if @query
      products = products.where('products.name ILIKE :q OR products.model_no ILIKE :q', # expect: fragment
                                q: "%#{Product.sanitize_sql_like(@query)}%")
    end
    @products = products.page(params[:page]).per(PRODUCTS_PER_PAGE)
  end

  def skipped_message(entry)
    if entry.conflict.nil?
      return I18n.t('product_series.assign.skipped_invalid_html', name: entry.product.name,
                                                                  errors: entry.errors)
    end

    link = helpers.link_to(entry.conflict.display_name, product_path(id: entry.conflict.friendly_id))
    # "scope" is a reserved I18n option, so the placeholder is "where".
    I18n.t('product_series.assign.skipped_conflict_html', name: entry.product.name, link:,
                                                          where: conflict_where(entry.conflict))
  end

  # Where the other product sits: in a series of its own, or in no series.
  def conflict_where(conflict)
    series = conflict.product_series
    return I18n.t('product_series.assign.where_none') if series.nil?

    I18n.t('product_series.assign.where_series', series: series.label)
  end

  # The checkboxes keep what the user checked (@selected_ids), not the saved state.
  def render_edit_with_errors
    load_brand_products
    page_title(I18n.t('edit_record', name: @series.display_name))
    render :edit, status: :unprocessable_content
  end
end
