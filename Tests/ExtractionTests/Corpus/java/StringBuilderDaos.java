// Sources: three Java DAO classes built on StringBuilder, found with find_string (the index did
// not return their repository names):
//   com.vmtjavaweb.dao.impl.UserDAO               (index id 26756496974, complete file)
//   model.DAO.Impl.DepartmentDAOImpl              (index id 20798091794, findById/findByName)
//   dangwei.DAO.StudentClassQueryDAO              (index id 14747797694, query(), truncated
//                                                  after the second prepareStatement)
// Adapted: gathered in one file; method bodies verbatim (the last one is cut where noted and
// closed with "..." comments).
// Classes: dynamic (statements assembled with StringBuilder: the label sits on the line that
//          holds the first piece — even when that piece is the lone keyword "SELECT" — and the
//          appended pieces carry no label of their own), placeholders (?), MySQL "limit ?,?",
//          lower-case SQL, decoys (result-set column names "dept_id"/"count", "desc"/"asc"
//          sort keywords compared with equals(), "%" wrapping of a LIKE value).

public class UserDAO extends AbstractDAO<UserModel> implements IUserDAO{

	@Override
	public UserModel findByUserNameAndPasswordAndStatus(String userName, String password, Integer status) {
		StringBuilder sql = new StringBuilder("select * from user as u "); // expect: dynamic
		sql.append(" inner join role as r on r.id = u.roleid");
		sql.append(" where username = ? and password = ? and status = ?");
		List<UserModel> users = query(sql.toString(), new UserMapper(), userName, password, status);
		return users.isEmpty() ? null : users.get(0);
	}

}

public class DepartmentDAOImpl implements DepartmentDAO {

    private Connection connection;
    private QueryProcessor query;

    @Override
    public Department findById(int id) {
        StringBuilder sql = new StringBuilder("SELECT"); // expect: dynamic
        sql.append(" dept_id, nombre, permisos");
        sql.append(" FROM DEPARTAMENTOS");
        sql.append(" WHERE dept_id = ").append(id).append(";");

        try {
            ResultSet rs = query.executeQuery(sql.toString());

            while (rs.next()) {
                return (new Department(rs.getInt("dept_id"), rs.getString("nombre"), rs.getInt("permisos")));
            }

        } catch (Exception ex) {
            Logger.getLogger(DepartmentDAOImpl.class.getName()).log(Level.SEVERE, null, ex);
        }
        return new Department();
    }

    @Override
    public Department findByName(String name) {
        StringBuilder sql = new StringBuilder("SELECT"); // expect: dynamic
        sql.append(" dept_id, nombre, permisos");
        sql.append(" FROM DEPARTAMENTOS");
        sql.append(" WHERE nombre = '").append(name).append("';");
        ResultSet rs = query.executeQuery(sql.toString());
        return rs.next() ? new Department(rs.getInt("dept_id"), rs.getString("nombre"), rs.getInt("permisos")) : new Department();
    }
}

public class StudentClassQueryDAO {
    public static List<Classes> query(Page page) {
        List<Classes> list=new ArrayList<>();
        Connection c=null;
        PreparedStatement p=null;
        ResultSet r=null;
        try {
            c= DBUtil.getConnection();
            StringBuilder sql=new StringBuilder("select classes_name, classes_graduate_year, classes_major,classes_desc, create_time,id from classes"); // expect: dynamic
            if(!page.getSearchText().trim().equals("")){
                sql.append(" where classes_name like ?");
            }
            if("desc".equals(page.getSortOrder())||"asc".equals(page.getSortOrder())){
                sql.append(" order by classes_graduate_year ").append(page.getSortOrder());
            }

            StringBuilder countSQL=new StringBuilder("select count(*) count from ("); // expect: dynamic
            countSQL.append(sql);
            countSQL.append(") tmp");
            p=c.prepareStatement(countSQL.toString());
            if(!page.getSearchText().trim().equals("")){
                p.setString(1,"%"+page.getSearchText().trim()+"%");
            }
            r=p.executeQuery();
            while(r.next()){
                int count=r.getInt("count");
                TotalThreadLocal.COUNT.set(count);
            }

            sql.append(" limit ?,?");
            p=c.prepareStatement(sql.toString());
            // ... (rest of the method: binding and row mapping, not SQL)
        } catch (Exception e) {
            throw new RuntimeException(e);
        }
        return list;
    }
}
