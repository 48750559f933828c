# Source: a Rails app model "Subject" (uses PgSearch; found with find_string, index id
# 28259738415; the index did not return the repository name).
# Excerpt: datatable (filtering part), check_exist, active_subjects, current, revisions,
# first_revision, older, active_older, field_history (first half), status_options. Unchanged.
# Classes: fragments (ActiveRecord where("... LIKE ?", v), order("created_at DESC"), a where
#          with #{...} interpolated into the SQL itself), decoys (select-box labels such as
#          "Delete Pending", HTML snippets, SQL-looking code inside Ruby comments).
# Rule used here: a bare identifier passed to order() ("created_at", "subjects.name") is not
# labelled — it is a column name, not a SQL fragment worth reporting.
class Subject < ActiveRecord::Base
  include PgSearch

  def self.datatable(params, user)
    @records = self.main_subjects

    if params[:status].present?
      if params[:status] == "pending"
        @records = @records.where("subjects.status LIKE ?","%_pending]%") # expect: fragment
      elsif params[:status] == "approved" # for approved
        @records = @records.where("subjects.annoucing_user_ids LIKE ?", "%[#{user.id}%]") # expect: fragment
      else
        @records = @records.where("subjects.status LIKE ?","%[#{params[:status]}]%") # expect: fragment
      end
    end

    if !params[:status].present? || params[:status] != "deleted"
      @records = @records.where("subjects.status NOT LIKE ?","%[deleted]%") # expect: fragment
    end

    @records = @records.search(params["search"]["value"]) if !params["search"]["value"].empty?

    if !params["order"].nil?
      case params["order"]["0"]["column"]
      when "0"
        order = "subjects.name"
      when "2"
        order = "subjects.created_at"
      else
        order = "subjects.name"
      end
      order += " "+params["order"]["0"]["dir"]
    else
      order = "subjects.name"
    end

    @records = @records.order(order) if !order.nil?

    if params["course_types"].present? && params["search"]["value"].empty?
      @records = @records.joins(:course_types)
      @records = @records.where("course_types.id IN (#{params["course_types"].join(",")})") # expect: fragment
    end

    total = @records.count
    @records = @records.limit(params[:length]).offset(params["start"])
    data = []
    @records.each do |item|
      item = [
              item.name,
              '<div class="text-center">'+item.programs_name+"</div>",
              '<div class="text-center">'+item.created_at.strftime("%Y-%m-%d")+"</div>",
            ]
      data << item
    end
    return {result: data, items: @records}
  end

  def check_exist
    return false if draft?

    exist = Subject.main_subjects.where("subjects.status NOT LIKE ?", "%[deleted]%").where("name = ?", # expect: fragment
                          self.name
                        )

    if self.id.nil? && exist.length > 0
      errors.add(:base, "Subject exists")
    end
  end

  def self.active_subjects
    self.main_subjects.where("subjects.status IS NOT NULL AND subjects.status LIKE ?", "%[active]%") # expect: fragment
  end

  def current
    return drafts.order("created_at DESC").first # expect: fragment
  end

  def revisions
    drafts.where("status LIKE ?", "%[active]%") # expect: fragment
  end

  def first_revision
    revisions.order("created_at").first
  end

  def older
    if !draft?
      return drafts.order("created_at DESC").second # expect: fragment
    else
      return parent.drafts.where("created_at < ?", self.created_at).order("created_at DESC").first # expect: fragment
    end
  end

  def active_older
    if !draft?
      olders = drafts.order("created_at DESC").where("status LIKE ?", "%[active]%") # expect: fragment
      return statuses.include?("active") ? olders.second : olders.first
    else
      return parent.drafts.where("created_at < ?", self.created_at).where("status LIKE ?", "%[active]%").order("created_at DESC").first # expect: fragment
    end
  end

  def field_history(type,value=nil)
    return [] if !self.current.nil? && self.current.statuses.include?("active")

    if self.draft?
      drafts = self.parent.drafts #.where("contacts.status LIKE ?","%[active]%")
      drafts = drafts.where("created_at >= ?", self.created_at) # expect: fragment
    else
      drafts = self.drafts

      drafts = drafts.where("created_at <= ?", self.current.created_at) if self.current.present? # expect: fragment
      drafts = drafts.where("created_at >= ?", self.active_older.created_at) if !self.active_older.nil? # expect: fragment
      drafts = drafts.order("created_at")
    end
    drafts
  end

  def self.status_options
    [
      ["All",""],
      ["Pending...","pending"],
      ["New Approved...","approved"],
      ["Active","active"],
      ["Update Pending","update_pending"],
      ["Delete Pending","delete_pending"],
      ["Deleted","deleted"]
    ]
  end
end
