// Sources (the index gave no repository names; open with read_file id=…):
//   (a) id 60933093646: TenantBilling.Infrastructure.Data.EfUnitOfWork (multi-tenant billing,
//       EF Core + Pomelo MySQL, InMemory fallback).
//   (b) id 8425721956: ShareTipsBackend.Services.WalletService (EF Core + Npgsql).
//   (c) id 43113490501: PosSystem.Repository.Repository.DashboardRepository (EF Core keyless
//       view entities).
// Classes: EF Core DbSet.FromSqlRaw("…") followed by LINQ operators (AsNoTracking,
// FirstOrDefaultAsync, ToListAsync), `{0}`/`{1}` parameter slots (placeholders, Round 3 B
// decision 1), SELECT … FOR UPDATE row locks inside explicit transactions, escaped
// `\"Quoted\"` identifiers, SELECT * FROM a view; LINQ queries without SQL text
// (Where/OrderByDescending/FirstOrDefaultAsync with lambdas); decoys: `// SELECT ... FOR UPDATE
// is a relational lock …` comments and XML doc comments, response messages ("Wallet not
// found", "Insufficient credits"), logger texts.
// Adaptations: three files concatenated; the file-scoped namespaces of (a) and (b) turned into
// block namespaces so that the three can share one file; `using` lines merged at the top; in
// (b) GetByUserIdAsync and DebitAsync (the same FromSqlRaw lock as CreditAsync) left out.
// Code otherwise verbatim.
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;
using TenantBilling.Domain.Repositories;
using ShareTipsBackend.Data;
using ShareTipsBackend.Domain.Entities;
using ShareTipsBackend.DTOs;
using ShareTipsBackend.Services.Interfaces;
using PosSystem.Model.Context;
using PosSystem.Model.View;
using PosSystem.Repository.Interface;

// ---- (a) id 60933093646
namespace TenantBilling.Infrastructure.Data
{

/// <summary>
/// EF Core-backed unit of work. Wraps the scoped <see cref="TenantBillingDbContext"/>
/// in an explicit DB transaction so repository writes that share the same
/// scope commit or roll back atomically.
///
/// On the InMemory provider (used as a fallback when no MySQL connection is
/// configured) explicit transactions and row-level locks are not available, so
/// the unit of work degrades to a no-op transaction. That keeps the host
/// startable without MySQL but does not provide real atomicity — production
/// must always run against the relational provider.
/// </summary>
public sealed class EfUnitOfWork : IUnitOfWork
{
    private readonly TenantBillingDbContext _db;

    public EfUnitOfWork(TenantBillingDbContext db) => _db = db;

    public async Task<IUnitOfWorkTransaction> BeginTransactionAsync(CancellationToken ct = default)
    {
        if (_db.Database.IsRelational())
        {
            var tx = await _db.Database.BeginTransactionAsync(ct);
            return new EfRelationalTransaction(_db, tx);
        }

        return new EfNoopTransaction();
    }

    private sealed class EfRelationalTransaction : IUnitOfWorkTransaction
    {
        private readonly TenantBillingDbContext _db;
        private readonly IDbContextTransaction _tx;
        private bool _disposed;

        public EfRelationalTransaction(TenantBillingDbContext db, IDbContextTransaction tx)
        {
            _db = db;
            _tx = tx;
        }

        public async Task LockInvoiceForUpdateAsync(Guid invoiceId, CancellationToken ct = default)
        {
            // SELECT ... FOR UPDATE is a relational lock acquired inside the
            // active transaction. Concurrent transactions trying to lock the
            // same invoice row will block until this one commits or rolls
            // back, serializing the overpayment guard. Materialize via
            // FromSqlRaw + ToListAsync so the parameter is sent through EF's
            // value converter pipeline (Pomelo stores Guid as char(36)).
            _ = await _db.Invoices
                .FromSqlRaw("SELECT * FROM invoices WHERE Id = {0} FOR UPDATE", invoiceId) // expect: static
                .AsNoTracking()
                .ToListAsync(ct);
        }

        public async Task LockInvoiceForUpdateAsync(Guid tenantId, Guid invoiceId, CancellationToken ct = default)
        {
            // Tenant-scoped lock: the predicate includes TenantId, so a caller
            // that knows a foreign tenant's invoice id cannot use this method
            // to acquire a lock on their row (the WHERE clause matches zero
            // rows and FOR UPDATE locks nothing). Combined with the
            // tenant-scoped invoice fetch that follows in the service layer,
            // this gives belt-and-braces tenant isolation across the payment
            // recording transaction.
            _ = await _db.Invoices
                .FromSqlRaw("SELECT * FROM invoices WHERE Id = {0} AND TenantId = {1} FOR UPDATE", invoiceId, tenantId) // expect: static
                .AsNoTracking()
                .ToListAsync(ct);
        }

        public Task CommitAsync(CancellationToken ct = default) => _tx.CommitAsync(ct);

        public async ValueTask DisposeAsync()
        {
            if (_disposed) return;
            _disposed = true;
            await _tx.DisposeAsync();
        }
    }

    private sealed class EfNoopTransaction : IUnitOfWorkTransaction
    {
        public Task LockInvoiceForUpdateAsync(Guid invoiceId, CancellationToken ct = default)
            => Task.CompletedTask;

        public Task LockInvoiceForUpdateAsync(Guid tenantId, Guid invoiceId, CancellationToken ct = default)
            => Task.CompletedTask;

        public Task CommitAsync(CancellationToken ct = default) => Task.CompletedTask;

        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}

}

// ---- (b) id 8425721956
namespace ShareTipsBackend.Services
{

public class WalletService : IWalletService
{
    private readonly ApplicationDbContext _context;
    private readonly ILogger<WalletService> _logger;

    public WalletService(ApplicationDbContext context, ILogger<WalletService> logger)
    {
        _context = context;
        _logger = logger;
    }

    public async Task<IEnumerable<WalletTransactionDto>> GetTransactionsAsync(Guid userId)
    {
        var wallet = await _context.Wallets
            .FirstOrDefaultAsync(w => w.UserId == userId);

        if (wallet == null) return Enumerable.Empty<WalletTransactionDto>();

        var transactions = await _context.WalletTransactions
            .Where(t => t.WalletId == wallet.Id)
            .OrderByDescending(t => t.CreatedAt)
            .ToListAsync();

        return transactions.Select(t => new WalletTransactionDto(
            t.Id,
            t.Type.ToString(),
            t.AmountCredits,
            t.Status.ToString(),
            t.CreatedAt
        ));
    }

    public async Task<WalletOperationResponse> CreditAsync(Guid userId, int amount, string? description = null)
    {
        if (amount <= 0)
        {
            return new WalletOperationResponse(false, 0, "Amount must be positive");
        }

        // Use transaction for atomicity
        await using var transaction = await _context.Database.BeginTransactionAsync();

        try
        {
            // Lock the wallet row for update (pessimistic locking)
            var wallet = await _context.Wallets
                .FromSqlRaw("SELECT * FROM \"Wallets\" WHERE \"UserId\" = {0} FOR UPDATE", userId) // expect: static
                .FirstOrDefaultAsync();

            if (wallet == null)
            {
                return new WalletOperationResponse(false, 0, "Wallet not found");
            }

            // Credit the wallet
            wallet.BalanceCredits += amount;
            wallet.UpdatedAt = DateTime.UtcNow;

            // Create transaction record
            var walletTransaction = new WalletTransaction
            {
                Id = Guid.NewGuid(),
                WalletId = wallet.Id,
                Type = TransactionType.Deposit,
                AmountCredits = amount,
                Status = TransactionStatus.Completed,
                CreatedAt = DateTime.UtcNow
            };

            _context.WalletTransactions.Add(walletTransaction);
            await _context.SaveChangesAsync();
            await transaction.CommitAsync();

            return new WalletOperationResponse(true, wallet.BalanceCredits, "Credit successful");
        }
        catch (Exception ex)
        {
            _logger.LogError(ex, "Wallet operation failed");
            await transaction.RollbackAsync();
            throw;
        }
    }
}

}

// ---- (c) id 43113490501
namespace PosSystem.Repository.Repository
{
    public class DashboardRepository : IDashboardRepository
    {
        private readonly PosSystemContext _context;

        public DashboardRepository(PosSystemContext context)
        { 
            _context = context;
        }

        public async Task<List<ViewTotalIncomeLastWeek>> GetTotalIncomeLastWeek()
        {
            var sales = await _context.TotalIncomeLastWeek
                .FromSqlRaw("SELECT * FROM vwTotalIncomeLastWeek") // expect: static
                .ToListAsync();

            return sales;
        }

        public Task<List<ViewTotalSalesLastWeek>> GetTotalSalesLastWeek()
        {
            var sales = _context.LastWeekSales
                .FromSqlRaw("SELECT * FROM vwTotalSalesLastWeek") // expect: static
                .ToListAsync();

            return sales;
        }

        public async Task<List<ViewTotalProductsSold>> GetTotalProductsSold()
        {
            var sales = await _context.TotalProductsSolds
                .FromSqlRaw("SELECT * FROM vwTotalProductsSold") // expect: static
                .ToListAsync();

            return sales;
        }

        public Task<List<ViewLowStockProducts>> GetLowStockProducts()
        {
            var products = _context.LowStockProducts
                .FromSqlRaw("SELECT * FROM vwLowStockProducts") // expect: static
                .ToListAsync();

            return products;
        }

        public Task<List<ViewSellingMoreProducts>> GetSellingMoreProducts()
        {
            var sales = _context.SellingMoreProducts
                .FromSqlRaw("SELECT * FROM vwSellingMoreProducts") // expect: static
                .ToListAsync();

            return sales;
        }
    }
}
