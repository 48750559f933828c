// Source: two C# data-access files (the index gave no repository names; open them with
// read_file id=…):
//   (a) id 38133545364  Wifi.Database.Mensa.Modules.Order — ADO.NET NpgsqlCommand with
//                       CommandText, `const string TABLE`/`COLUMNS` spliced by `$"…{TABLE}…"`
//   (b) id 70189400037  ShoppingMall.Server.Mall.ProductHandlers — a project wrapper
//                       (SqlSession.RowsAsync / OneAsync) with StringBuilder-built WHERE (Korean
//                       comments)
// Classes: 4-placeholders (:name and @name with Npgsql, @name through the wrapper), literal-only
//   `+` concatenation (static), statements in locals chosen by an if/else and assigned to
//   CommandText, 6-dynamic (`$"insert into {TABLE} ({COLUMNS}) values (@{COLUMNS.Replace(", ",
//   ", @")})"`, `$"select nextval('{TABLE}_seq')"`, `$"update {TABLE} …"`, StringBuilder(@"…") +
//   Append), 3-wrappers (RowsAsync/OneAsync), 7-decoys (column-list and table-name constants,
//   JsonPropertyName keys, parameter names "@order_id"/":consumed", a LIKE pattern `$"%{keyword}%"`,
//   Korean comments naming WHERE/LIKE/SQL, Resp.Fail texts).
// Adaptations: (a) and (b) concatenated; in (a) only the first two of the ten JSON-mapped
//   properties are kept; (b)'s `using` lines are kept as comments (after (a)'s
//   namespace) and its file-scoped `namespace ShoppingMall.Server.Mall;` was given a block;
//   `// expect-next:` comment lines were added before verbatim strings whose opening line ends
//   inside the literal. No other line was changed.

// ---- (a) id 38133545364
using Npgsql;
using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Serialization;
using System.Threading.Tasks;

namespace Wifi.Database.Mensa.Modules
{
    public class Order
    {
        #region Fields
        private const string COLUMNS = "order_id, user_id, location_id, order_date, consumed, total_cost, barcode, canceled, serve_date, menue_id";
        private const string TABLE = "wifi_mensa.order";
        #endregion

        #region Properties
        [JsonPropertyName("orderid")]
        public long? OrderId { get; set; }

        [JsonPropertyName("userid")]
        public long UserId { get; set; }

        #endregion


        public static List<Order> GetList(int year, int month, int day, int userid)
        {
            List<Order> result = new List<Order>();
            try
            {
                string queryMonth = "select distinct od.menue_id, o.consumed " + // expect: static
                    "from wifi_mensa.order as o " +
                    "left join wifi_mensa.order_detail as od on o.order_id = od.order_id " +
                    "left outer join wifi_mensa.menue as m on od.menue_id = m.menue_id " +
                    "where m.serve_date >= :startDate and m.serve_date <= :endDate and o.user_id = :user_id and canceled=false";
                string queryDay = "select distinct od.menue_id, o.consumed " + // expect: static
                    "from wifi_mensa.order as o " +
                    "left join wifi_mensa.order_detail as od on o.order_id = od.order_id " +
                    "left outer join wifi_mensa.menue as m on od.menue_id = m.menue_id " +
                    "where m.serve_date = :date and o.user_id = :user_id and canceled=false";

                if (DBConnection.Connection.State.ToString() == "Closed") DBConnection.Connection.Open();

                NpgsqlCommand command = new NpgsqlCommand();
                command.Connection = DBConnection.Connection;

                if (day == 0)
                {
                    int daysInMonth = DateTime.DaysInMonth(year, month);
                    DateTime startDate = new DateTime(year, month, 1);
                    DateTime endDate = new DateTime(year, month, daysInMonth);
                    command.Parameters.AddWithValue("startDate", startDate);
                    command.Parameters.AddWithValue("endDate", endDate);
                    command.CommandText = queryMonth;
                }
                else
                {
                    DateTime date = new DateTime(year, month, day);
                    command.Parameters.AddWithValue("date", date);
                    command.CommandText = queryDay;
                }
                command.Parameters.AddWithValue("user_id", userid);

                NpgsqlDataReader reader = command.ExecuteReader();
                while (reader.Read())
                {
                    result.Add(new Order()
                    {
                        MenueId = reader.GetInt32(0),
                        Consumed = reader.GetBoolean(1)
                    });
                }
                reader.Close();
            }
            catch (Exception ex)
            {

            }
            finally
            {
                DBConnection.Connection.Close();
            }

            return result;
        }

        //Hole User mit der MenüID für Notification
        public static List<long> GetUserForNotification(long menueid)
        {
            List<long> result = new List<long>();
            try
            {
            
                string query = "select user_id from wifi_mensa.order " + // expect: static
                    "where consumed=false and canceled=false and menue_id= :menueid";

                if (DBConnection.Connection.State.ToString() == "Closed") DBConnection.Connection.Open();

                NpgsqlCommand command = new NpgsqlCommand();
                command.Connection = DBConnection.Connection;

                
                    command.Parameters.AddWithValue("menueid", menueid);
                    command.CommandText = query;
                
                NpgsqlDataReader reader = command.ExecuteReader();

                while (reader.Read())
                {
                    result.Add(reader.GetInt64(0));
                }
               
                reader.Close();
               
            }
            catch (Exception ex)
            {
                throw ex;
            }
            return result;
           
        }




        public int Save()
        {
            DBConnection.Connection.Open();
            try
            {
                string insert = $"insert into {TABLE} ({COLUMNS}) values (@{COLUMNS.Replace(", ", ", @")})"; // expect: dynamic
                string update = $"update {TABLE} set canceled = @canceled, consumed = @consumed where order_id = @order_id"; // expect: dynamic

                NpgsqlCommand cmd = null;

                if (!this.OrderId.HasValue) // Insert
                {
                    cmd = new NpgsqlCommand($"select nextval('{TABLE}_seq')", DBConnection.Connection); // expect: dynamic
                    this.OrderId = (long)cmd.ExecuteScalar();


                    cmd = new NpgsqlCommand(insert, DBConnection.Connection);
                }
                else // Update
                    cmd = new NpgsqlCommand(update, DBConnection.Connection);


                cmd.Parameters.AddWithValue("@order_id", this.OrderId);
                cmd.Parameters.AddWithValue("@user_id", this.UserId);
                cmd.Parameters.AddWithValue("@location_id", this.LocationId);
                cmd.Parameters.AddWithValue("@order_date", this.OrderDate);
                cmd.Parameters.AddWithValue("@consumed", this.Consumed);
                cmd.Parameters.AddWithValue("@total_cost", this.TotalCost);
                cmd.Parameters.AddWithValue("@barcode", this.Barcode ?? (object)DBNull.Value);
                cmd.Parameters.AddWithValue("@canceled", this.Canceled);
                cmd.Parameters.AddWithValue("@serve_date", this.ServeDate);
                cmd.Parameters.AddWithValue("@menue_id", this.MenueId ?? (object)DBNull.Value);
                cmd.Prepare();
                int result = cmd.ExecuteNonQuery();


                return result;
            }
            catch (Exception ex)
            {
                throw ex;
            }
            finally
            {
                DBConnection.Connection.Close();
            }
        }
        public int SetOrderConsumed()
        {
            DBConnection.Connection.Open();
            try
            {
                string update = $"update {TABLE} set consumed = :consumed where order_id = :order_id"; // expect: dynamic

                NpgsqlCommand cmd = null;


                cmd = new NpgsqlCommand(update, DBConnection.Connection);


                cmd.Parameters.AddWithValue(":order_id", this.OrderId);
                cmd.Parameters.AddWithValue(":consumed", this.Consumed);
                cmd.Prepare();
                int result = cmd.ExecuteNonQuery();

                return result;
            }
            catch (Exception ex)
            {
                throw ex;
            }
            finally
            {
                DBConnection.Connection.Close();
            }
        }

        public static bool SetOrderCanceled(long? menueid)
        {
            if (DBConnection.Connection.State.ToString() == "Closed") DBConnection.Connection.Open();
            try
            {
                string update = $"update {TABLE} set canceled = true where menue_id = :menue_id"; // expect: dynamic

                NpgsqlCommand cmd = null;
                cmd = new NpgsqlCommand(update, DBConnection.Connection);
                cmd.Parameters.AddWithValue(":menue_id", menueid);
                cmd.Prepare();
                int result = cmd.ExecuteNonQuery();

                return true;
            }
            catch (Exception ex)
            {
                throw ex;
            }
           
        }
    }
}

// ---- (b) id 70189400037
// using System.Text;
// using System.Text.Json.Nodes;
// using ShoppingMall.Protocol;
// using ShoppingMall.Server.Data;

namespace ShoppingMall.Server.Mall
{

/// <summary>상품페이지: 카테고리 목록 / 상품 목록(검색) / 상품 상세. 고객에게는 판매 중(is_active)인 것만 보인다.</summary>
public static class ProductHandlers
{
    public static void Register(Dictionary<string, Handler> map)
    {
        map["category_list"] = CategoryListAsync;
        map["product_list"] = ProductListAsync;
        map["product_detail"] = ProductDetailAsync;
    }

    /// <summary>활성 카테고리 목록 (상품페이지의 카테고리 선택 상자)</summary>
    private static async Task<JsonObject> CategoryListAsync(SqlSession db, JsonObject req, Session s)
    {
        var rows = await db.RowsAsync(
            "SELECT category_id, name FROM category WHERE is_active = TRUE ORDER BY category_id"); // expect: static
        return Resp.Ok(Resp.Array(rows));
    }

    /// <summary>
    /// 상품 목록. category_id(0 이나 없음 = 전체)와 keyword(상품명 일부)로 거를 수 있다.
    /// 조건이 있을 때만 WHERE 절을 덧붙이는 방식으로 SQL 을 조립한다.
    /// </summary>
    private static async Task<JsonObject> ProductListAsync(SqlSession db, JsonObject req, Session s)
    {
        // expect-next: dynamic
        var sql = new StringBuilder(@"
            SELECT p.product_id, p.name, p.color, p.size, p.price, p.stock
            FROM product p
            WHERE p.is_active = TRUE");
        var args = new List<(string, object?)>();

        long? categoryId = req.Int("category_id");
        if (categoryId is not null && categoryId != 0)
        {
            sql.Append(" AND p.category_id = @category_id");
            args.Add(("category_id", categoryId));
        }

        string keyword = req.Str("keyword") ?? "";
        if (keyword.Length > 0)
        {
            // LIKE '%키워드%' = 상품명 어디에든 키워드가 들어 있으면. (% 는 SQL 쪽 와일드카드, 값은 여전히 파라미터로 전달)
            sql.Append(" AND p.name LIKE @keyword");
            args.Add(("keyword", $"%{keyword}%"));
        }

        sql.Append(" ORDER BY p.product_id");

        var rows = await db.RowsAsync(sql.ToString(), args.ToArray());
        return Resp.Ok(Resp.Array(rows));
    }

    /// <summary>상품 상세 (설명·카테고리명 포함). 판매가 끝난(비활성) 상품은 "찾을 수 없음".</summary>
    private static async Task<JsonObject> ProductDetailAsync(SqlSession db, JsonObject req, Session s)
    {
        long? productId = req.Int("product_id");
        if (productId is null or 0)
            return Resp.Fail("product_id가 필요합니다.");

        // expect-next: static
        var row = await db.OneAsync(@"
            SELECT p.product_id, p.name, p.description, p.color, p.size,
                   p.price, p.stock, c.name AS category_name
            FROM product p
            JOIN category c ON p.category_id = c.category_id
            WHERE p.product_id = @product_id AND p.is_active = TRUE",
            ("product_id", productId));

        return row is null ? Resp.Fail("상품을 찾을 수 없습니다.") : Resp.Ok(row);
    }
}

}
