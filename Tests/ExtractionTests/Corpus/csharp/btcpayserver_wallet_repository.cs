// Source: btcpayserver/btcpayserver, BTCPayServer/Services/WalletRepository.cs (read_file id
// 7913787597, commit 0c144824c86835f745bfeef3068f6ce093ca5f58). MIT.
// Cut: original lines 1-246 (usings, GetWalletObjectsQuery, WalletRepository up to the end of
// GetWalletObjects and the "#nullable restore" after it), plus two closing braces (class,
// namespace) added at the end; the rest of WalletRepository (EF Core SaveChanges/Include code for
// labels, links and attachments, no SQL text) is left out. Otherwise unchanged except for this
// header and the label comments appended at line ends.
// Classes: raw ADO.NET on the EF Core connection (GetDbConnection().CreateCommand(), CommandText,
// named parameters @walletId/@type/@ids/@types/@id, PostgreSQL arrays through unnest(@ids, @types)
// t(i,t)); conditions kept in strings chosen by ?: (" AND wos.\"WalletId\"=@walletId" or "");
// four alternative derived-table SELECTs chosen by a nested ?: and spliced as
// FROM ({selectWalletObjects}) wos; a LEFT JOIN clause kept for splicing; one statement built
// from C# interpolated strings and + pieces: LEFT JOIN LATERAL ( ... UNION ... ) wol ON true;
// quoted mixed-case identifiers ("WalletObjects"); EF Core LINQ fallback (no SQL text).
// Decoys: exception texts ("If \"Ids\" is not null, \"Type\" is mandatory"), ParameterName
// values, reader["WalletId"] / reader["Type2"] keys, $"{o.Type}##{o.Id}", the plain aliased
// column piece ", wos2.\"Data\" AS \"Data2\"" (unlabelled, see README decision), comments
// that quote `ANY(@txId1, ...)`.
using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using BTCPayServer.Abstractions.Extensions;
using BTCPayServer.Client.Models;
using BTCPayServer.Data;
using BTCPayServer.Services.Wallets;
using Microsoft.EntityFrameworkCore;
using NBitcoin;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace BTCPayServer.Services
{
#nullable enable
    public record WalletObjectId(WalletId WalletId, string Type, string Id);
    public record ObjectTypeId(string Type, string Id);
    public class GetWalletObjectsQuery
    {
        public GetWalletObjectsQuery()
        {

        }
        public GetWalletObjectsQuery(WalletId? walletId) : this(walletId, null, null)
        {
        }
        public GetWalletObjectsQuery(WalletObjectId walletObjectId) : this(walletObjectId.WalletId, walletObjectId.Type, new[] { walletObjectId.Id })
        {

        }
        public GetWalletObjectsQuery(WalletId? walletId, string type) : this(walletId, type, null)
        {
        }
        public GetWalletObjectsQuery(WalletId? walletId, string? type, string[]? ids)
        {
            WalletId = walletId;
            Type = type;
            Ids = ids;
        }
        public GetWalletObjectsQuery(WalletId? walletId,ObjectTypeId[]? typesIds)
        {
            WalletId = walletId;
            TypesIds = typesIds;
        }

        public WalletId? WalletId { get; set; }
        // Either the user passes a list of Types/Ids
        public ObjectTypeId[]? TypesIds { get; set; }
        // Or the user passes one type, and a list of Ids
        public string? Type { get; set; }
        public string[]? Ids { get; set; }
        public bool IncludeNeighbours { get; set; } = true;
        public bool UseInefficientPath { get; set; }
        
        public static ObjectTypeId Get(Script script)
        {
            return new ObjectTypeId(WalletObjectData.Types.Script, script.ToHex());
        }

        public static IEnumerable<ObjectTypeId> Get(ReceivedCoin coin)
        {
            yield return new ObjectTypeId(WalletObjectData.Types.Tx, coin.OutPoint.Hash.ToString());
            yield return Get(coin.ScriptPubKey);
            yield return new ObjectTypeId(WalletObjectData.Types.Utxo, coin.OutPoint.ToString());
        }
    }

#nullable restore
    public class WalletRepository
    {
        private readonly ApplicationDbContextFactory _ContextFactory;

        public WalletRepository(ApplicationDbContextFactory contextFactory)
        {
            _ContextFactory = contextFactory ?? throw new ArgumentNullException(nameof(contextFactory));
        }
#nullable enable
        public async Task<WalletObjectData?> GetWalletObject(WalletObjectId walletObjectId, bool includeNeighbours = true)
        {
            var r = await GetWalletObjects(new(walletObjectId) { IncludeNeighbours = includeNeighbours });
            return r.Select(o => o.Value).FirstOrDefault();
        }
        public async Task<Dictionary<WalletObjectId, WalletObjectData>> GetWalletObjects(GetWalletObjectsQuery queryObject)
        {
            ArgumentNullException.ThrowIfNull(queryObject);
            if (queryObject.Ids != null && queryObject.Type is null)
                throw new ArgumentException("If \"Ids\" is not null, \"Type\" is mandatory");
            if (queryObject.Type is not null && queryObject.TypesIds is not null)
                throw new ArgumentException("If \"Type\" is not null, \"TypesIds\" should be null");


            using var ctx = _ContextFactory.CreateContext();

            // If we are using postgres, the `transactionIds.Contains(w.BId)` result in a long query like `ANY(@txId1, @txId2, @txId3, @txId4)`
            // Such request isn't well optimized by postgres, and create different requests clogging up
            // pg_stat_statements output, making it impossible to analyze the performance impact of this query.
            // On top of this, the entity version is doing 2 left join to satisfy the Include queries, resulting in n*m row returned for each transaction.
            // n being the number of children, m the number of parents.
            if (ctx.Database.IsNpgsql() && !queryObject.UseInefficientPath)
            {
                var connection = ctx.Database.GetDbConnection();
                if (connection.State != System.Data.ConnectionState.Open)
                    await connection.OpenAsync();

                string walletIdFilter = queryObject.WalletId is not null ? " AND wos.\"WalletId\"=@walletId" : ""; // expect: fragment
                string typeFilter = queryObject.Type is not null ? " AND wos.\"Type\"=@type" : ""; // expect: fragment
                var cmd = connection.CreateCommand();
                var selectWalletObjects =
                    queryObject.TypesIds is not null ?
                    $"SELECT wos.* FROM unnest(@ids, @types) t(i,t) JOIN \"WalletObjects\" wos ON true{walletIdFilter} AND wos.\"Type\"=t AND wos.\"Id\"=i" : // expect: fragment
                    queryObject.Ids is null ?
                    $"SELECT wos.* FROM \"WalletObjects\" wos WHERE true{walletIdFilter}{typeFilter} " : // expect: fragment
                    queryObject.Ids.Length == 1 ?
                    $"SELECT wos.* FROM \"WalletObjects\" wos WHERE true{walletIdFilter} AND wos.\"Type\"=@type AND wos.\"Id\"=@id" : // expect: fragment
                    $"SELECT wos.* FROM unnest(@ids) t JOIN \"WalletObjects\" wos ON true{walletIdFilter} AND wos.\"Type\"=@type AND wos.\"Id\"=t"; // expect: fragment

                var includeNeighbourSelect = queryObject.IncludeNeighbours ? ", wos2.\"Data\" AS \"Data2\"" : "";
                var includeNeighbourJoin = queryObject.IncludeNeighbours ? "LEFT JOIN \"WalletObjects\" wos2 ON wos.\"WalletId\"=wos2.\"WalletId\" AND wol.\"Type2\"=wos2.\"Type\" AND wol.\"Id2\"=wos2.\"Id\"" : ""; // expect: fragment
                var query =
                    $"SELECT wos.\"WalletId\", wos.\"Id\", wos.\"Type\", wos.\"Data\", wol.\"LinkData\", wol.\"Type2\", wol.\"Id2\"{includeNeighbourSelect} FROM ({selectWalletObjects}) wos " + // expect: dynamic
                    $"LEFT JOIN LATERAL ( " +
                    "SELECT \"AType\" AS \"Type2\", \"AId\" AS \"Id2\", \"Data\" AS \"LinkData\" FROM \"WalletObjectLinks\" WHERE \"WalletId\"=wos.\"WalletId\" AND \"BType\"=wos.\"Type\" AND \"BId\"=wos.\"Id\" " +
                    "UNION " +
                    "SELECT \"BType\" AS \"Type2\", \"BId\" AS \"Id2\", \"Data\" AS \"LinkData\" FROM \"WalletObjectLinks\" WHERE \"WalletId\"=wos.\"WalletId\" AND \"AType\"=wos.\"Type\" AND \"AId\"=wos.\"Id\"" +
                    $" ) wol ON true " + includeNeighbourJoin;
                cmd.CommandText = query;
                if (queryObject.WalletId is not null)
                {
                    var walletIdParam = cmd.CreateParameter();
                    walletIdParam.ParameterName = "walletId";
                    walletIdParam.Value = queryObject.WalletId.ToString();
                    walletIdParam.DbType = System.Data.DbType.String;
                    cmd.Parameters.Add(walletIdParam);
                }

                if (queryObject.Type != null)
                {
                    var typeParam = cmd.CreateParameter();
                    typeParam.ParameterName = "type";
                    typeParam.Value = queryObject.Type;
                    typeParam.DbType = System.Data.DbType.String;
                    cmd.Parameters.Add(typeParam);
                }

                if (queryObject.TypesIds != null)
                {
                    var typesParam = cmd.CreateParameter();
                    typesParam.ParameterName = "types";
                    typesParam.Value = queryObject.TypesIds.Select(t => t.Type).ToList();
                    typesParam.DbType = System.Data.DbType.Object;
                    cmd.Parameters.Add(typesParam);
                    var idParam = cmd.CreateParameter();
                    idParam.ParameterName = "ids";
                    idParam.Value = queryObject.TypesIds.Select(t => t.Id).ToList();
                    idParam.DbType = System.Data.DbType.Object;
                    cmd.Parameters.Add(idParam);
                }

                if (queryObject.Ids != null)
                {
                    if (queryObject.Ids.Length == 1)
                    {
                        var txIdParam = cmd.CreateParameter();
                        txIdParam.ParameterName = "id";
                        txIdParam.Value = queryObject.Ids[0];
                        txIdParam.DbType = System.Data.DbType.String;
                        cmd.Parameters.Add(txIdParam);
                    }
                    else
                    {
                        var txIdsParam = cmd.CreateParameter();
                        txIdsParam.ParameterName = "ids";
                        txIdsParam.Value = queryObject.Ids.ToList();
                        txIdsParam.DbType = System.Data.DbType.Object;
                        cmd.Parameters.Add(txIdsParam);
                    }
                }
                await using var reader = await cmd.ExecuteReaderAsync();
                var wosById = new Dictionary<WalletObjectId, WalletObjectData>();
                while (await reader.ReadAsync())
                {
                    WalletObjectData wo = new WalletObjectData();
                    wo.WalletId = (string)reader["WalletId"];
                    wo.Type = (string)reader["Type"];
                    wo.Id = (string)reader["Id"];
                    var id = new WalletObjectId(WalletId.Parse(wo.WalletId), wo.Type, wo.Id);
                    wo.Data = reader["Data"] is DBNull ? null : (string)reader["Data"];
                    if (wosById.TryGetValue(id, out var wo2))
                        wo = wo2;
                    else
                    {
                        wosById.Add(id, wo);
                        wo.Bs = new List<WalletObjectLinkData>();
                    }
                    if (reader["Type2"] is not DBNull)
                    {
                        var l = new WalletObjectLinkData()
                        {
                            BType = (string)reader["Type2"],
                            BId = (string)reader["Id2"],
                            Data = reader["LinkData"] is DBNull ? null : (string)reader["LinkData"]
                        };
                        wo.Bs.Add(l);
                        l.B = new WalletObjectData()
                        {
                            Type = l.BType,
                            Id = l.BId,
                            Data = (!queryObject.IncludeNeighbours || reader["Data2"] is DBNull) ? null : (string)reader["Data2"]
                        };
                    }
                }
                return wosById;
            }
            else // Unefficient path
            {
                IQueryable<WalletObjectData> q;
                if (queryObject.TypesIds is not null)
                {
                    // Note this is problematic if the type contains '##', but I don't see how to do it properly with entity framework
                    var idTypes = queryObject.TypesIds.Select(o => $"{o.Type}##{o.Id}").ToArray();
                    q = ctx.WalletObjects
                        .Where(w => (queryObject.WalletId == null || w.WalletId == queryObject.WalletId.ToString()) && idTypes.Contains(w.Type + "##" + w.Id));
                }
                else
                {
                    q = ctx.WalletObjects
                        .Where(w => (queryObject.WalletId == null || w.WalletId == queryObject.WalletId.ToString()) && (queryObject.Type == null || w.Type == queryObject.Type) && (queryObject.Ids == null || queryObject.Ids.Contains(w.Id)));
                }
                if (queryObject.IncludeNeighbours)
                {
                    q = q.Include(o => o.Bs).ThenInclude(o => o.B)
                        .Include(o => o.As).ThenInclude(o => o.A);
                }
                q = q.AsNoTracking();

                var wosById = new Dictionary<WalletObjectId, WalletObjectData>();
                foreach (var row in await q.ToListAsync())
                {
                    var id = new WalletObjectId(WalletId.Parse(row.WalletId), row.Type, row.Id);
                    wosById.TryAdd(id, row);
                }
                return wosById;
            }
        }
#nullable restore
    }
}
