// Source: a DAO of a Java browser-game server (castle_building / castle_soldier tables,
// DbOperation helper), found with find_string 'db.executeUpdate("' (index id 18905293060);
// repository name not returned. Excerpt of a 85 000-character file: the methods from
// updateUserCivil to updateHiddenSoldierCount(CastleArmyBean), verbatim and in order, inside a
// class declaration (the class name is ours); getBuildingBeanById and getBuildingBean(ResultSet)
// were left out. The Chinese Javadoc comments are kept.
// Classes: wrappers (DbOperation.prepareStatement / executeQuery / executeUpdate taking SQL text),
//          static statements with ? placeholders kept in a String variable, dynamic ("…" + cid +
//          "…" concatenation, a statement mixing ? placeholders with a concatenated uid, a column
//          name built from "count" + type, a WHERE clause handed in by the caller "… WHERE " +
//          cond, StringBuilder statements whose first append is "UPDATE castle_soldier SET " and
//          whose later appends ("count", ",hero=", " WHERE id=") carry no label), MySQL
//          "limit 1", decoys (rs.getInt("build_pos") / rs.getInt("count" + i) column names,
//          the commented-out //int[] count = army.getCount(); line, Javadoc text).
public class CastleBuildingDao {

	public boolean updateUserCivil(CastleUserBean bean) {
		DbOperation db = new DbOperation(5);
		String query = "UPDATE castle_user SET civil_time = ?, civil = ?, civil_speed = ?,people=? WHERE uid = " + bean.getUid(); // expect: dynamic
		if(!db.prepareStatement(query)) {
			db.release();
			return false;
		}
		PreparedStatement pstmt = db.getPStmt();
		try{
			pstmt.setLong(1, bean.getCivilTime());
			pstmt.setInt(2, bean.getCivil());
			pstmt.setInt(3, bean.getCivilSpeed());
			pstmt.setInt(4, bean.getPeople());
			db.executePstmt();
		}catch(SQLException e) {
			e.printStackTrace();
			return false;
		}finally{
			db.release();
		}
		return true;
	}
	
	/**
	 * 新增加一个建筑
	 * @param bean
	 * @return
	 */
	public boolean addBuilding(BuildingBean bean) {
		DbOperation db = new DbOperation(5);
		String query = "INSERT INTO castle_building(build_type, grade, cid, people, build_pos) VALUES(?,?,?,?,?)"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return false;
		}
		PreparedStatement pstmt = db.getPStmt();
		try {
			pstmt.setInt(1, bean.getBuildType());
			pstmt.setInt(2, bean.getGrade());
			pstmt.setInt(3, bean.getCid());
			pstmt.setInt(4, bean.getPeople());
			pstmt.setInt(5, bean.getBuildPos());
			pstmt.execute();
		} catch (SQLException e) {
			e.printStackTrace();
			return false;
		}finally{
			db.release();
		}
		
		return true;
	}
	
	/**
	 * 建筑升级
	 * @param bean
	 * @return
	 */
	public boolean updateBuilding(BuildingBean bean) {
		DbOperation db = new DbOperation(5);
		String query = "UPDATE castle_building SET grade = ?, people = ? WHERE cid = ? and build_pos = ?"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return false;
		}
		PreparedStatement pstmt = db.getPStmt();
		try {
			pstmt.setInt(1, bean.getGrade());
			pstmt.setInt(2, bean.getPeople());
			pstmt.setInt(3, bean.getCid());
			pstmt.setInt(4, bean.getBuildPos());
			db.executePstmt();
		} catch (SQLException e) {
			e.printStackTrace();
			return false;
		}finally {
			db.release();
		}
		return true;
	}
	
	public void deleteBuilding(BuildingBean bean) {
		DbOperation db = new DbOperation(5);
		db.executeUpdate("delete from castle_building where id=" + bean.getId()); // expect: dynamic
		db.release();
	}
	public void deleteBuilding(BuildingThreadBean bean) {
		DbOperation db = new DbOperation(5);
		db.executeUpdate("delete from castle_building where cid=" + bean.getCid() + " and build_pos=" + bean.getBuildPos()); // expect: dynamic
		db.release();
	}
	
	/**
	 * 获取某个用户的基本建资源筑
	 * @param cid
	 * @return
	 */
	public int[] getBaseBuilding(int cid) {
		int[] buildPos = new int[19];
		DbOperation db = new DbOperation(5);
		String query = "SELECT build_pos, grade FROM castle_building WHERE cid = " + cid + " AND build_pos <= 18"; // expect: dynamic
		ResultSet rs = db.executeQuery(query);
		try {
			while(rs.next()) {
				buildPos[rs.getInt("build_pos")] = rs.getInt("grade");
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return buildPos;
		}finally{
			db.release();
		}
		
		return buildPos;
	}
	
	public int[] getAdvanceBuild(int cid) {
		int[] buildPos = new int[ResNeed.castlePosCount + 1];
		DbOperation db = new DbOperation(5);
		String query = "SELECT build_pos, grade FROM castle_building WHERE cid = " + cid + " AND build_pos > 18"; // expect: dynamic
		ResultSet rs = db.executeQuery(query);
		try {
			while(rs.next()) {
				buildPos[rs.getInt("build_pos")] = rs.getInt("grade");
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return buildPos;
		}finally{
			db.release();
		}
		
		return buildPos;
	}
	
	public List getHasBuild(int cid) {
		List list = new ArrayList();
		DbOperation db = new DbOperation(5);
		String query = "SELECT build_type FROM castle_building WHERE cid = " + cid + " AND build_pos > 18"; // expect: dynamic
		ResultSet rs = db.executeQuery(query);
		try {
			while(rs.next()) {
				list.add(new Integer(rs.getInt("build_type")));
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return list;
		}finally{
			db.release();
		}
		
		return list;
	}
	
	public List getAllBuilding(int cid) {
		DbOperation db = new DbOperation(5);
		String query = "SELECT * FROM castle_building WHERE cid = " + cid + " ORDER BY build_type ASC"; // expect: dynamic
		ResultSet rs = db.executeQuery(query);
		List list = new ArrayList();
		try {
			BuildingBean bean = null;
			while(rs.next()) {
				bean = new BuildingBean();
				bean.setId(rs.getInt("id"));
				bean.setBuildType(rs.getInt("build_type"));
				bean.setGrade(rs.getInt("grade"));
				bean.setPeople(rs.getInt("people"));
				bean.setBuildPos(rs.getInt("build_pos"));
				bean.setCid(cid);
				list.add(bean);
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return list;
		}finally{
			db.release();
		}
		return list;
	}
	
	/**
	 * 根据pos来取得建筑
	 * @param cid
	 * @param pos
	 * @return
	 */
	public BuildingBean getBuildingBeanByPos(int cid, int pos) {
		DbOperation db = new DbOperation(5);
		String query = "SELECT * FROM castle_building WHERE cid = ? and build_pos = ?"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return null;
		}
		BuildingBean bean = null;
		try {
			db.getPStmt().setInt(1, cid);
			db.getPStmt().setInt(2, pos);
			ResultSet rs = db.getPStmt().executeQuery();
			
			while(rs.next()) {
				bean = new BuildingBean();
				bean.setId(rs.getInt("id"));
				bean.setBuildType(rs.getInt("build_type"));
				bean.setGrade(rs.getInt("grade"));
				bean.setPeople(rs.getInt("people"));
				bean.setCid(rs.getInt("cid"));
				bean.setBuildPos(rs.getInt("build_pos"));
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return bean;
		}finally{
			db.release();
		}
		
		return bean;
	}
	
	public BuildingBean getBuildingBean(int type, int cid) {
		DbOperation db = new DbOperation(5);
		String query = "SELECT * FROM castle_building WHERE cid = ? and build_type = ? limit 1"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return null;
		}
		BuildingBean bean = null;
		try {
			db.getPStmt().setInt(1, cid);
			db.getPStmt().setInt(2, type);
			
			ResultSet rs = db.getPStmt().executeQuery();
			
			if(rs.next()) {
				bean = new BuildingBean();
				bean.setId(rs.getInt("id"));
				bean.setBuildType(rs.getInt("build_type"));
				bean.setBuildPos(rs.getInt("build_pos"));
				bean.setGrade(rs.getInt("grade"));
				bean.setPeople(rs.getInt("people"));
				bean.setCid(cid);
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return bean;
		}finally{
			db.release();
		}
		
		return bean;
	}
	
	public List getBuildingBeanList(String cond) {
		List list =new ArrayList();
		DbOperation db = new DbOperation(5);
		String query = "SELECT * FROM castle_building WHERE " + cond; // expect: dynamic

		try {
			ResultSet rs = db.executeQuery(query);
			
			while(rs.next()) {
				list.add(getBuildingBean(rs));
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return list;
		}finally{
			db.release();
		}
		
		return list;
	}
	
	/**
	 * 得到用户建筑占用的人口
	 * @param cid
	 * @return
	 */
	public int getBuildingPeople(int cid) {
		int count = 0;
		DbOperation db = new DbOperation(5);
		String query = "SELECT SUM(people) as count FROM castle_building WHERE cid = ?"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return count;
		}
		try {
			db.getPStmt().setInt(1, cid);
			ResultSet rs = db.getPStmt().executeQuery();
			while(rs.next()) {
				count = rs.getInt("count");
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return count;
		}finally{
			db.release();
		}
		return count;
	}
	
	/**
	 * 获得藏兵洞的士兵数量
	 */
	public int getHiddenSoldierCount(int cid) {
		int count = 0;
		DbOperation db = new DbOperation(5);
		String query = "SELECT count1+count2+count3+count4+count5+count6+count7+count8+count9+count10 as count FROM castle_hidden_soldier WHERE cid = ?"; // expect: static
		if (!db.prepareStatement(query)) {
			db.release();
			return count;
		}		
		try {
			db.getPStmt().setInt(1, cid);
			ResultSet rs = db.getPStmt().executeQuery();
			while(rs.next()) {
				count = rs.getInt("count");
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return count;
		}finally{
			db.release();
		}
		
		
		return count;
	}

	/**
	 * 每建造一个兵，相应的兵种数量就自动加1
	 * @param uid
	 * @param type
	 * @return
	 */
	public boolean updateSoldierCount(CastleArmyBean army, int type) {
		DbOperation db = new DbOperation(5);
		String query = "UPDATE castle_soldier SET count" + type + " = count" + type + " + 1 WHERE id = " + army.getId(); // expect: dynamic
		db.executeUpdate(query);
		db.release();
		return true;
	}
	public boolean updateArmyHero(CastleArmyBean army) {
		DbOperation db = new DbOperation(5);
		String query = "UPDATE castle_soldier SET hero=" + army.getHero() + " WHERE id = " + army.getId(); // expect: dynamic
		db.executeUpdate(query);
		db.release();
		return true;
	}
	// 更新所有士兵数量
	public boolean updateSoldierCount(CastleArmyBean army) {
		DbOperation db = new DbOperation(5);
		int[] count = army.getCount();
		StringBuilder query = new StringBuilder(64);
		query.append("UPDATE castle_soldier SET "); // expect: dynamic
		for(int i = 1;i < count.length;i++) {
			if(i != 1)
				query.append(',');
			query.append("count");
			query.append(i);
			query.append('=');
			query.append(count[i]);
		}
		query.append(",hero=");
		query.append(army.getHero());
		query.append(" WHERE id=");
		query.append(army.getId());
		db.executeUpdate(query.toString());
		db.release();
		return true;
	}
	
	// 更新所有士兵数量
	public boolean deleteCastleArmyById(int id) {
		DbOperation db = new DbOperation(5);
		String query = "delete from castle_soldier where id=" + id; // expect: dynamic
		boolean flag = db.executeUpdate(query);
		db.release();
		return flag;
	}
	
	/**
	 * 获得藏兵的藏兵
	 * @param cid
	 * @return
	 */
	public CastleArmyBean getCastleHiddenArmy(int cid) {
		CastleArmyBean bean = null;
		DbOperation db = new DbOperation(5);
		String query = "SELECT * FROM castle_hidden_soldier where cid=" + cid + " limit 1"; // expect: dynamic
		try {
			ResultSet rs = db.executeQuery(query);
			if (rs.next()) {
				bean = getCastleHiddenArmy(rs);
			}
		} catch (SQLException e) {
			e.printStackTrace();
			return null;
		}finally{
			db.release();
		}
		
		return bean;
	}
	
	private CastleArmyBean getCastleHiddenArmy(ResultSet rs) throws SQLException {
		CastleArmyBean army = new CastleArmyBean();
		army.setId(rs.getInt("id"));
		army.setCid(rs.getInt("cid"));
		
		for(int i = 1;i <= ResNeed.soldierTypeCount;i++)
			army.setCount(i, rs.getInt("count" + i));
		return army;
	}
	
	/**
	 * 初始化藏兵洞藏兵的士兵
	 * @param cid
	 * @return 
	 */
	public boolean addHiddenSoldier(CastleArmyBean army) {
		DbOperation db = new DbOperation(5);
		
		String query = "INSERT INTO castle_hidden_soldier(cid) values(?)"; // expect: static
		
		if (!db.prepareStatement(query)) {
			db.release();
			return false;
		}
		PreparedStatement pstmt = db.getPStmt();
		try {
			pstmt.setInt(1, army.getCid());
			pstmt.execute();
			army.setId(db.getLastInsertId());
			
		} catch (SQLException e) {
			e.printStackTrace();
			return false;
		}finally{
			db.release();
		}
		return true;
	}
	
	/**
	 * 更新藏兵洞的藏兵数量
	 */
	public boolean updateHiddenSoldierCount(int id, int[] count) {
		DbOperation db = new DbOperation(5);
		//int[] count = army.getCount();
		StringBuilder query = new StringBuilder(64);
		query.append("UPDATE castle_hidden_soldier SET "); // expect: dynamic
		for(int i = 1;i < count.length;i++) {
			if(i != 1)
				query.append(',');
			query.append("count");
			query.append(i);
			query.append('=');
			query.append("count");
			query.append(i);
			query.append('+');
			query.append(count[i]);
		}
		query.append(" WHERE id=");
		query.append(id);
		db.executeUpdate(query.toString());
		db.release();
		return true;
	}
	
	/**
	 * 更新藏兵洞的藏兵数量
	 */
	public boolean updateHiddenSoldierCount(CastleArmyBean army) {
		DbOperation db = new DbOperation(5);
		int[] count = army.getCount();
		StringBuilder query = new StringBuilder(64);
		query.append("UPDATE castle_hidden_soldier SET "); // expect: dynamic
		for(int i = 1;i < count.length;i++) {
			if(i != 1)
				query.append(',');
			query.append("count");
			query.append(i);
			query.append('=');
			query.append(count[i]);
		}
		query.append(" WHERE id=");
		query.append(army.getId());
		db.executeUpdate(query.toString());
		db.release();
		return true;
	}
}
