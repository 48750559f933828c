// Sources: two Maticsoft-generated C# data-access classes built on StringBuilder, found with
// find_string (the index did not return their repository names):
//   BookShop.DAL.user (MySQL)                          (index id 33160720664: GetMaxId, Exists, Add start)
//   a view_HSPR_WaiversFee_Audit_Filter DAL (SQL Server) (index id 40006648064: two GetList overloads)
// Adapted: gathered in one file; method bodies verbatim; Add() is cut after the parameter list.
// Classes: dynamic (StringBuilder: label on the first Append of each statement; later Appends
//          belong to it), placeholders (@id, @username ... — the C# @name style), T-SQL "top n"
//          (hard case), decoys (DbHelperMySQL.GetMaxID("id", "tb_user") arguments, parameter
//          names in new MySqlParameter("@id", ...), Chinese XML doc comments).
using System;
using System.Data;
using System.Text;
using MySql.Data.MySqlClient;
using Maticsoft.DBUtility;//Please add references
namespace BookShop.DAL
{
	/// <summary>
	/// 数据访问类:user
	/// </summary>
	public partial class user
	{
		/// <summary>
		/// 得到最大ID
		/// </summary>
		public int GetMaxId()
		{
		return DbHelperMySQL.GetMaxID("id", "tb_user");
		}

		/// <summary>
		/// 是否存在该记录
		/// </summary>
		public bool Exists(int id)
		{
			StringBuilder strSql=new StringBuilder();
			strSql.Append("select count(1) from tb_user"); // expect: dynamic
			strSql.Append(" where id=@id");
			MySqlParameter[] parameters = {
					new MySqlParameter("@id", MySqlDbType.Int32)
			};
			parameters[0].Value = id;

			return DbHelperMySQL.Exists(strSql.ToString(),parameters);
		}

		/// <summary>
		/// 增加一条数据
		/// </summary>
		public bool Add(BookShop.Model.user model)
		{
			StringBuilder strSql=new StringBuilder();
			strSql.Append("insert into tb_user("); // expect: dynamic
			strSql.Append("username,LoginID,password,email,Address,Phone,code,state)");
			strSql.Append(" values (");
			strSql.Append("@username,@LoginID,@password,@email,@Address,@Phone,@code,@state)");
			MySqlParameter[] parameters = {
					new MySqlParameter("@username", MySqlDbType.VarChar,50),
					new MySqlParameter("@LoginID", MySqlDbType.VarChar,50),
			};
			return DbHelperMySQL.ExecuteSql(strSql.ToString(),parameters) > 0;
		}

		// --- from the WaiversFee audit DAL (index id 40006648064)
		/// <summary>
		/// 获得数据列表
		/// </summary>
		public DataSet GetList(string strWhere)
		{
			StringBuilder strSql=new StringBuilder();
			strSql.Append("select * "); // expect: dynamic
                  strSql.Append(" FROM view_HSPR_WaiversFee_Audit_Filter ");
			if(strWhere.Trim()!="")
			{
				strSql.Append(" where "+strWhere);
			}
			return DbHelperSQL.Query(strSql.ToString());
		}

		/// <summary>
		/// 获得前几行数据
		/// </summary>
		public DataSet GetList(int Top,string strWhere,string fieldOrder)
		{
			StringBuilder strSql=new StringBuilder();
			strSql.Append("select "); // expect: dynamic
			if(Top>0)
			{
				strSql.Append(" top "+Top.ToString());
			}
			strSql.Append(" * ");
            strSql.Append(" FROM view_HSPR_WaiversFee_Audit_Filter ");
			if(strWhere.Trim()!="")
			{
				strSql.Append(" where "+strWhere);
			}
			strSql.Append(" order by " + fieldOrder);
			return DbHelperSQL.Query(strSql.ToString());
		}
	}
}
