# Source: a Rails controller "TobuysController" (InheritedResources; found with find_string,
# index id 839822895; the index did not return the repository name). Complete file.
# Classes: fragments (order('created_at DESC'), order("created_at DESC"), where with the
#          array form ["user_id= ?", id]), decoys (a commented-out where(...), flash text,
#          permitted parameter names).
class TobuysController < InheritedResources::Base
  def index
     if current_user.admin?
       @tobuys = Tobuy.all.order('created_at DESC') # expect: fragment
     else
      #@tobuys = Tobuy.order("created_at DESC").where("user_id LIKE 11")
      @tobuys = Tobuy.order("created_at DESC").where(["user_id= ?", current_user.id]) # expect: fragment
    end

  end

  def new
    @tobuy = Tobuy.new
  end

  def create
    @tobuy = Tobuy.new(tobuy_params)
    @tobuy.user_id = current_user.id
    if @tobuy.save
        # #  redirect_to :action => :index
        # flash[:success] = "Welcome to the Sample App!"
        redirect_to @tobuy
      # Handle a successful save.
    else
      render 'new'
    end
  end

  private

    def tobuy_params
      params.require(:tobuy).permit(:name, :desctiption, :quantity, :user_id)
    end
end
