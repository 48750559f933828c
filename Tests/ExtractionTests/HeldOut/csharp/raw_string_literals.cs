// Source: C# 11 raw string literals (""" … """) holding SQL, found with find_string
// 'String sql = """' (ids 71629753878, 51945896898, 60917294223, 39286021698); repository names
// not returned. Excerpts verbatim (long comments shortened), concatenated. Labelled before any
// scan of this file.
// Classes: raw string literals opening with """ at the end of a line (expect-next), Npgsql
//          @name parameters, ""quoted"" identifiers written with plain " inside a raw string,
//          unnest(...) WITH ORDINALITY, T-SQL dbo. names, @x::jsonb casts, decoys (comments
//          naming SQL, NpgsqlParameter names, log templates with {Placeholders}).
using Dapper;
using Npgsql;

public sealed class FeatureManifestStore
{
    private static async Task<StoredFeatureManifest?> LoadFeatureManifestByContentAsync(
        NpgsqlConnection connection,
        NpgsqlTransaction? transaction,
        Sha256Digest contentSha256,
        CancellationToken cancellationToken)
    {
        // expect-next: static
        const string sql = """
            SELECT client_feature_manifest_id, client_feature_manifest_uid,
                   contract_version, content_sha256, published_at_utc
              FROM lab_local_game.client_feature_manifest
             WHERE content_sha256 = @content
            """;
        await using (var command = new NpgsqlCommand(sql, connection, transaction))
        {
            Add(command, "content", NpgsqlDbType.Bytea, contentSha256.ToByteArray());
        }
        return null;
    }
}

public sealed class DapperPolicyPackRepository(ISqlConnectionFactory connectionFactory) : IPolicyPackRepository
{
    /// <inheritdoc />
    public async Task CreateAsync(PolicyPack pack, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(pack);

        // expect-next: static
        const string sql = """
            INSERT INTO dbo.PolicyPacks
            (
                PolicyPackId, TenantId, WorkspaceId, ProjectId,
                Name, Description, PackType, Status,
                CreatedUtc, ActivatedUtc, CurrentVersion
            )
            VALUES
            (
                @PolicyPackId, @TenantId, @WorkspaceId, @ProjectId,
                @Name, @Description, @PackType, @Status,
                @CreatedUtc, @ActivatedUtc, @CurrentVersion
            );
            """;

        await using var connection = await connectionFactory.CreateOpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(sql, pack, cancellationToken: ct));
    }
}

public class LootFeedRepository
{
    // One batched query for the distinct (character, source, timestamp) triples across every drop
    // that needs one, counting rows at-or-before that timestamp.
    private async Task FillDropOrdinals(Dictionary<LootFeedTier, List<LootFeedEntry>> result)
    {
        var triples = needed.Keys.ToList();
        // expect-next: static
        const string sql = """
            SELECT t.idx,
                   ((SELECT count(*) FROM "LootRecords" r
                     WHERE r."GameCharacterId" = t.cid AND r."SourceName" = t.src AND r."OccurredAt" <= t.at)::int
                    + COALESCE(bl."BaselineKc", 0)) AS ord
            FROM unnest(@cids, @srcs, @ats) WITH ORDINALITY AS t(cid, src, at, idx)
            LEFT JOIN "CharacterSourceBaselines" bl ON bl."GameCharacterId" = t.cid AND bl."SourceName" = t.src
            """;

        var connection = dataContext.Database.GetDbConnection();
        await using (var cmd = connection.CreateCommand())
        {
            cmd.CommandText = sql;
            cmd.Parameters.Add(new NpgsqlParameter("@cids", NpgsqlTypes.NpgsqlDbType.Array | NpgsqlTypes.NpgsqlDbType.Integer) { Value = triples.Select(t => t.Cid).ToArray() });
            await using var reader = await cmd.ExecuteReaderAsync();
        }
    }

    private async Task FillSurvivorOrdinals(Dictionary<LootFeedTier, List<LootFeedEntry>> result)
    {
        // before_first = kills strictly before the group's earliest (+1 = that kill's ordinal);
        // at_last = kills at-or-before the group's latest (= the latest kill's ordinal).
        // expect-next: static
        const string sql = """
            SELECT t.idx,
                   ((SELECT count(*) FROM "LootRecords" r
                     WHERE r."GameCharacterId" = t.cid AND r."SourceName" = t.src AND r."OccurredAt" <  t.first)::int + COALESCE(bl."BaselineKc", 0)) AS before_first,
                   ((SELECT count(*) FROM "LootRecords" r
                     WHERE r."GameCharacterId" = t.cid AND r."SourceName" = t.src AND r."OccurredAt" <= t.last)::int + COALESCE(bl."BaselineKc", 0)) AS at_last
            FROM unnest(@cids, @srcs, @firsts, @lasts) WITH ORDINALITY AS t(cid, src, first, last, idx)
            LEFT JOIN "CharacterSourceBaselines" bl ON bl."GameCharacterId" = t.cid AND bl."SourceName" = t.src
            """;

        await using var cmd = connection.CreateCommand();
        cmd.CommandText = sql;
        logger.LogError("Failed to get day feed for character {CharacterId} on {Day}", characterId, day);
    }
}

namespace NextGenSpark.AuthServer.Infrastructure.Persistence
{
    public sealed class AuditLogRepository
    {
        public async Task InsertAsync(Guid? tenantId, Guid? userId, string eventType, string? eventData)
        {
            // expect-next: static
            const string sql = """
        INSERT INTO audit_logs
        (id, tenant_id, user_id, event_type, event_data)
        VALUES (gen_random_uuid(), @TenantId, @UserId, @EventType, @EventData::jsonb)
        """;

            using var conn = _db.Create();
            await conn.ExecuteAsync(sql, new { TenantId = tenantId, UserId = userId, EventType = eventType, EventData = eventData });
        }
    }
}
