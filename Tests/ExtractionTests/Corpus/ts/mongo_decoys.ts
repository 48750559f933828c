// Sources (two Express/Mongoose controllers found with find_string; the index did not return
// their repository names):
//   getPlatformAnalytics (index id 69045038671)  — a marketplace admin controller
//   getUsers / banUser   (index id 12317169631)  — a user admin controller (request-body part)
// Adapted: both excerpts are gathered in one module; code unchanged.
// A DECOY-ONLY file: it must produce no finding.
// Classes: decoys (MongoDB queries and aggregation pipelines — { $match: ... }, { $group: ... },
//          countDocuments({ role: 'FARMER' }), findOneAndUpdate — which are database queries but
//          not SQL; role/status constants 'ACTIVE', 'COMPLETED'; messages such as "User fetched
//          successfully", "Please provide a username", "User not found").

export const getPlatformAnalytics = async (req: AuthRequest, res: Response) => {
  try {
    const [totalUsers, totalFarmers, totalBuyers, totalProducts, totalOrders, revenueResult] = await Promise.all([
      User.countDocuments(),
      User.countDocuments({ role: 'FARMER' }),
      User.countDocuments({ role: { $in: ['BUYER', 'BUSINESS_BUYER'] } }),
      Product.countDocuments({ status: 'ACTIVE' }),
      Order.countDocuments(),
      Order.aggregate([{ $match: { status: 'COMPLETED' } }, { $group: { _id: null, total: { $sum: '$platformFee' } } }]),
    ])
    res.json({
      success: true,
      data: {
        totalUsers, totalFarmers, totalBuyers, totalProducts, totalOrders,
        totalRevenue: revenueResult[0]?.total ?? 0,
      },
    })
  } catch (err: any) {
    res.status(500).json({ success: false, message: err.message })
  }
}

const getUsers = asyncHandler(async (req, res) => {
  const { username, email, role, isSubscribed } = req.body;
  console.log(req.body);

  if (!username && !email && !role && !isSubscribed) {
    throw new ApiError(400, "Please provide at least one user field");
  }
  const matchCriteria = {};
  if (username) matchCriteria.username = username;
  if (email) matchCriteria.email = email;
  if (role) matchCriteria.role = role;
  if (isSubscribed !== undefined) matchCriteria.isSubscribed = isSubscribed;
  matchCriteria.isbanned = false;
  const users = await User.aggregate([{ $match: matchCriteria }]);

  return res
    .status(200)
    .json(new ApiResponse(200, users, "User fetched successfully"));
});

const banUser = asyncHandler(async (req, res) => {
  const { username } = req.body;
  if (!username) {
    throw new ApiError(400, "Please provide a username");
  }

  const user = await User.findOneAndUpdate(
    { username: username },
    { isbanned: true }
  );

  if (!user) {
    throw new ApiError(404, "User not found");
  }

  return res.status(200).json(new ApiResponse(200, user, "User banned"));
});
