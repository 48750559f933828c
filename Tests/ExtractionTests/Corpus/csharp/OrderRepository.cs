using System.Collections.Generic;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Shop.Data;

public sealed class OrderRepository
{
    private const string ByUser = "SELECT id, total FROM orders WHERE user_id = @UserId"; // expect: static
    private readonly NpgsqlConnection _connection;
    private readonly ShopContext _context;

    public OrderRepository(NpgsqlConnection connection, ShopContext context)
    {
        _connection = connection;
        _context = context;
    }

    public Task<IEnumerable<Order>> ForUser(long userId) =>
        _connection.QueryAsync<Order>(ByUser, new { UserId = userId });

    public Task<int> Cancel(long id) =>
        _connection.ExecuteAsync(@"UPDATE orders -- expect: static
            SET status = 'cancelled'
            WHERE id = @Id", new { Id = id });

    public async Task<long> Count()
    {
        await using var cmd = new NpgsqlCommand("SELECT count(*) FROM orders", _connection); // expect: static
        return (long)(await cmd.ExecuteScalarAsync())!;
    }

    public Task<List<Order>> Sorted(string column) =>
        _context.Orders.FromSqlRaw($"SELECT * FROM orders ORDER BY {column}").ToListAsync(); // expect: dynamic

    public Task<List<Order>> Safe(long id) =>
        _context.Orders.FromSqlInterpolated($"SELECT * FROM orders WHERE id = {id}").ToListAsync(); // expect: static

    public string Message() => "Select a file to import";
}

public record Order(long Id, decimal Total);
public class ShopContext : DbContext { public DbSet<Order> Orders => Set<Order>(); }
