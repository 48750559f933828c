// Source: MyBatis annotation mappers found with find_string '@Select("SELECT * FROM' (ids
// 51927032170 = cc53453/undoflyway, 71638612840, 37783922725, 43629591340, 6522823135,
// 30899040175, 24952565035, 4078090, 18355818700); repository names mostly not returned.
// Excerpts verbatim, concatenated. Labelled before any scan of this file.
// Classes: @Select/@Insert/@Update/@Delete annotations (not known entry points), MyBatis #{name}
//          bind parameters (static), literal concatenation with + across lines (static), MySQL
//          backticks and CURRENT_USER(), FOR UPDATE, lower-case SQL, a <if test=…> dynamic-SQL
//          template (dynamic), decoys (Chinese/Korean javadoc, @Param names, @Result columns).
package io.github.cc53453.sql.undoflyway.mapper;

@Mapper
public interface UndoFlywayHistoryMapper {
    @Select("SELECT * FROM  undoflyway_history ORDER BY installed_rank DESC;") // expect: static
    List<UndoFlywayHistoryModel> findAll();

    @Insert("INSERT INTO undoflyway_history(version, description, script, `checksum`, installed_by, installed_on, execution_time, success, installed_rank_in_flyway_schema_history) VALUES (#{version}, #{description}, #{script}, #{checksum}, CURRENT_USER(), #{installedOn}, #{executionTime}, #{success}, #{installedRankInFlywaySchemaHistory});") // expect: static
    Integer save(UndoFlywayHistoryModel model);
}

@Mapper
interface AgentMapper extends BaseMapper<Run> {
    /** 读取运行及对应的用户提问。 */
    Run run(@Param("id") Long id);

    /** 锁定运行记录，保留单条查询超时。 */
    @Select("SELECT * FROM agent_run WHERE id=#{id} FOR UPDATE") // expect: static
    @Options(timeout = 5)
    Run lockRun(@Param("id") Long id);
}

@Repository
interface IAccountDao {
    /**
     * 查询所有
     * @return
     */
    @Select("select * from account") // expect: static
    List<Account> findAll();

    /**
     * 保存用户
     * @param user
     */
    @Insert("insert into account (name,money) values(#{name},#{money})") // expect: static
    void  saveAccount(Account user);
}

interface SysRoleMapper {
    /**
     * 更新角色
     */
    @Update("UPDATE sys_role SET role_name = #{roleName}, role_key = #{roleKey}, " + // expect: static
            "role_sort = #{roleSort}, data_scope = #{dataScope}, menu_check_strictly = #{menuCheckStrictly}, " +
            "dept_check_strictly = #{deptCheckStrictly}, status = #{status}, update_time = #{updateTime}, " +
            "update_by = #{updateBy}, remark = #{remark} WHERE id = #{id}")
    int update(SysRole role);

    /**
     * 删除角色
     */
    @Delete("DELETE FROM sys_role WHERE id = #{id}") // expect: static
    int deleteById(Long id);

    /**
     * 根据用户ID获取角色列表
     */
    @Select("SELECT r.* FROM sys_role r " + // expect: static
            "INNER JOIN sys_user_role ur ON r.id = ur.role_id " +
            "WHERE ur.user_id = #{userId} AND r.status = '1'")
    List<SysRole> selectByUserId(@Param("userId") Long userId);

    /**
     * 查询所有角色
     */
    @Select("SELECT * FROM sys_role WHERE status = '1' ORDER BY role_sort") // expect: static
    List<SysRole> selectAll();
}

@Repository
@Mapper
interface CommonMemberMapper {

    @Select("SELECT * FROM common_member WHERE id = #{id}") // expect: static
    CommonMemberDTO selectCommonMemberById(String id);

    // 회원 정보 수정 처리
    @Update("UPDATE common_member SET " // expect: dynamic
            + "<if test='nid != null'>nid = #{nid},</if>"
            + "<if test='phone != null'>phone = #{phone},</if>"
            + "<if test='email != null'>email = #{email},</if>"
            + "WHERE id = #{id}")
    int updateCommonMember(CommonMemberDTO commonMemberDTO);
}

interface IUserDao {
    //根据用户名和密码查询用户对象
    @Select("select * from user where username=#{username} and password=#{password};") // expect: static
    User findUser(@Param("username") String name, @Param("password") String password);

    //    判断用户数据是否存在
    @Select("select * from user where username=#{username};") // expect: static
    User isExist(@Param("username") String name);

//    存储注册用户
    @Insert("INSERT INTO user (username,password) values (#{username},#{password});") // expect: static
    void storeUser(@Param("username") String name, @Param("password") String password);
}

@Mapper
interface OrderDetailMapper {
    /**
     * 根据订单id查询订单明细
     * @param id 订单id
     * @return List<OrderDetail>
     */
    @Select("select * from order_detail where order_id = #{orderId}") // expect: static
    List<OrderDetail> getByOrderId(Long id);
}

interface BrandMapper extends Mapper<Brand> {
    @Insert("INSERT INTO tb_category_brand(category_id, brand_id) VALUES (#{cid},#{bid})") // expect: static
    void insertBrandAndCategory(@Param("cid")long cid,@Param("bid")long bid);

    @Select("SELECT * FROM tb_brand a INNER JOIN tb_category_brand b on a.id=b.brand_id where b.category_id=#{cid3}") // expect: static
    List<Brand> queryBrandsByCid3(@Param("cid3")long cid3);
}

@Mapper
interface ProductMapper {
    @Select("select * from product ") // expect: static
    List<Product> list();

    @Insert("insert into product(shop_id, name, description, price, image_url, create_time)"+ // expect: static
            " values(#{shopId}, #{name}, #{description}, #{price}, #{imageUrl}, #{createTime})")
    void add(Product product);
}

interface InnovationProjectMapper {
	@Results({
			@Result(property = "school", column = "school", javaType = String.class, jdbcType = JdbcType.VARCHAR),
			@Result(property = "attachmentId", column = "attachment_id", javaType = String.class, jdbcType = JdbcType.VARCHAR) })
	@Select("SELECT * FROM project_table where project_id=#{projectId};") // expect: static
	public InnovationProject getInnovationProjectByProjectID(@Param("projectId") int projectId);
}
