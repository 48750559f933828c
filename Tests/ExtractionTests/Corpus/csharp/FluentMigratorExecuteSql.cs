// Source: FluentMigrator migrations found with find_string 'Execute.Sql($"' (index ids
// 70315475556 [namespace Potok.SearchEngine…], 57168114321 [EFiling.Nop…], 57823090941 [Sms.Migrations],
// 54121405701 [Nop…MyCustomMigrations], 44576882931 [MapCall.Common.Model.Migrations._2022],
// 71229055611 [Discovery.Migrations], 17526618201 [DatabaseMigrateRunner…], 11147152566 (one
// method), 37482634416 (one statement)); repository names not returned. Verbatim, concatenated;
// the last two are excerpts wrapped in a class (marked below), the others are complete files;
// their file-scoped namespaces are written as blocks and their `using` lines (including the
// MapCall alias WhenWeLastLeftOurHeroes) merged at the top.
// Classes: migrations (FluentMigrator Execute.Sql, IfDatabase("sqlserver").Execute.Sql,
//          this.Execute.Sql), dynamic (C# interpolated strings $"…{x}…", interpolated raw strings
//          $"""…{schema}…""" and $$"""…{{schema}}…""" — in the $$ form single braces are plain
//          text, so the JSON literal '{"schemaVersion":1,…}' is SQL, not a hole —, interpolated
//          verbatim $@"…", two interpolated pieces joined with +), multi-statement raw strings
//          (the first statement is labelled with expect-next, the others with -- expect: inside
//          the literal), a complete WITH … SELECT kept in a verbatim const and spliced into
//          ALTER VIEW (static itself; the ALTER VIEW is dynamic), statements in loops,
//          T-SQL (IF NOT EXISTS … BEGIN … END, [brackets], GETUTCDATE(), DROP PROCEDURE
//          IF EXISTS dbo.{name}, ALTER DATABASE … SET ENABLE_BROKER — hard),
//          decoys (the FluentMigrator fluent builder: Create.Table/WithColumn("…")/AsCustom("jsonb")/
//          Create.Index/Delete.Column, [Migration]/[NopMigration] attribute texts, TaskType
//          assembly names, column-name arrays, procedure names, Portuguese XML doc comments that
//          talk about NULL/DEFAULT FALSE, Execute.Sql(sql) with a variable).

using FluentMigrator;
using WhenWeLastLeftOurHeroes =
    MapCall.Common.Model.Migrations._2022.MC4972_FixMostRecentlyInstalledServicesView;

// ---------------------------------------------------------------- id 70315475556 (complete)
namespace Potok.SearchEngine.Infrastructure.Persistence.Migrations
{
[Migration(6)]
public sealed class AddTorrentObservations : Migration
{
    public override void Up()
    {
        var schema = DbSchema.SearchEngineRaw;

        Alter.Table("torrents").InSchema(schema)
            .AddColumn("name").AsString().Nullable()
            .AddColumn("original_name").AsString().Nullable()
            .AddColumn("release_year").AsInt32().Nullable()
            .AddColumn("types").AsCustom("text[]").Nullable()
            .AddColumn("quality").AsInt32().Nullable()
            .AddColumn("video_type").AsString().Nullable()
            .AddColumn("languages").AsCustom("text[]").Nullable()
            .AddColumn("voices").AsCustom("text[]").Nullable()
            .AddColumn("seasons").AsCustom("integer[]").Nullable();

        Create.Table("torrent_observations").InSchema(schema)
            .WithColumn("id").AsGuid().PrimaryKey().WithDefaultValue(SystemMethods.NewGuid)
            .WithColumn("torrent_id").AsGuid().NotNullable()
            .WithColumn("tracker").AsString().NotNullable()
            .WithColumn("source_key").AsString().NotNullable()
            .WithColumn("source_url").AsString().NotNullable()
            .WithColumn("title").AsString().Nullable()
            .WithColumn("name").AsString().Nullable()
            .WithColumn("original_name").AsString().Nullable()
            .WithColumn("magnet_uri").AsString().NotNullable()
            .WithColumn("size_bytes").AsInt64().Nullable()
            .WithColumn("size_label").AsString().Nullable()
            .WithColumn("seeders").AsInt32().Nullable()
            .WithColumn("leechers").AsInt32().Nullable()
            .WithColumn("publish_date").AsDateTimeOffset().Nullable()
            .WithColumn("release_year").AsInt32().Nullable()
            .WithColumn("types").AsCustom("text[]").Nullable()
            .WithColumn("quality").AsInt32().Nullable()
            .WithColumn("video_type").AsString().Nullable()
            .WithColumn("languages").AsCustom("text[]").Nullable()
            .WithColumn("voices").AsCustom("text[]").Nullable()
            .WithColumn("seasons").AsCustom("integer[]").Nullable()
            .WithColumn("observed_fields").AsInt64().NotNullable()
            .WithColumn("details_state").AsString().NotNullable()
            .WithColumn("source_updated_at").AsDateTimeOffset().Nullable()
            .WithColumn("fetched_at").AsDateTimeOffset().NotNullable()
            .WithColumn("details_fetched_at").AsDateTimeOffset().Nullable()
            .WithColumn("payload_schema_version").AsInt32().NotNullable()
            .WithColumn("parser_version").AsString().NotNullable()
            .WithColumn("source_payload").AsCustom("jsonb").NotNullable()
            .WithColumn("created_at").AsDateTimeOffset().NotNullable().WithDefaultValue(SystemMethods.CurrentUTCDateTime)
            .WithColumn("updated_at").AsDateTimeOffset().NotNullable().WithDefaultValue(SystemMethods.CurrentUTCDateTime);

        Create.ForeignKey("fk_torrent_observations_torrent")
            .FromTable("torrent_observations").InSchema(schema).ForeignColumn("torrent_id")
            .ToTable("torrents").InSchema(schema).PrimaryColumn("id")
            .OnDelete(System.Data.Rule.Cascade);
        Create.Index("ux_torrent_observations_tracker_source_key")
            .OnTable("torrent_observations").InSchema(schema)
            .OnColumn("tracker").Ascending()
            .OnColumn("source_key").Ascending()
            .WithOptions().Unique();
        Create.Index("ix_torrent_observations_torrent_id")
            .OnTable("torrent_observations").InSchema(schema)
            .OnColumn("torrent_id");
        Create.Index("ix_torrent_observations_tracker_fetched_at")
            .OnTable("torrent_observations").InSchema(schema)
            .OnColumn("tracker").Ascending()
            .OnColumn("fetched_at").Descending();
        Create.Index("ix_torrent_observations_source_updated_at")
            .OnTable("torrent_observations").InSchema(schema)
            .OnColumn("source_updated_at");
        // expect-next: dynamic
        Execute.Sql($"""
            ALTER TABLE "{schema}".torrent_observations
              ADD CONSTRAINT ck_torrent_observations_seeders_nonnegative CHECK (seeders IS NULL OR seeders >= 0),
              ADD CONSTRAINT ck_torrent_observations_leechers_nonnegative CHECK (leechers IS NULL OR leechers >= 0),
              ADD CONSTRAINT ck_torrent_observations_details_state CHECK (
                details_state IN ('not_required', 'fetched', 'partial', 'failed', 'budget_exhausted'));
            CREATE INDEX ix_torrent_observations_source_payload -- expect: dynamic
              ON "{schema}".torrent_observations USING gin (source_payload);
            CREATE INDEX ix_torrent_observations_title_trgm -- expect: dynamic
              ON "{schema}".torrent_observations USING gin (title gin_trgm_ops);
            """);

        Create.Table("torrent_media_links").InSchema(schema)
            .WithColumn("torrent_id").AsGuid().NotNullable()
            .WithColumn("tmdb_id").AsInt64().NotNullable()
            .WithColumn("query").AsString().NotNullable()
            .WithColumn("reason").AsString().NotNullable()
            .WithColumn("first_seen_at").AsDateTimeOffset().NotNullable()
            .WithColumn("last_seen_at").AsDateTimeOffset().NotNullable();
        Create.PrimaryKey("pk_torrent_media_links")
            .OnTable("torrent_media_links").WithSchema(schema)
            .Columns("torrent_id", "tmdb_id");
        Create.ForeignKey("fk_torrent_media_links_torrent")
            .FromTable("torrent_media_links").InSchema(schema).ForeignColumn("torrent_id")
            .ToTable("torrents").InSchema(schema).PrimaryColumn("id")
            .OnDelete(System.Data.Rule.Cascade);
        Create.Index("ix_torrent_media_links_tmdb_last_seen")
            .OnTable("torrent_media_links").InSchema(schema)
            .OnColumn("tmdb_id").Ascending()
            .OnColumn("last_seen_at").Descending();

        Alter.Table("queries").InSchema(schema)
            .AddColumn("last_refresh_attempt_at").AsDateTimeOffset().Nullable()
            .AddColumn("last_refresh_error").AsString().Nullable();

        // expect-next: dynamic
        Execute.Sql($$"""
            INSERT INTO "{{schema}}".torrent_observations (
              torrent_id, tracker, source_key, source_url, title, magnet_uri,
              size_bytes, seeders, leechers, publish_date, observed_fields,
              details_state, fetched_at, details_fetched_at, payload_schema_version,
              parser_version, source_payload, created_at, updated_at)
            SELECT
              id,
              lower(tracker_name),
              url,
              url,
              title,
              magnet_uri,
              size,
              seeders,
              leechers,
              publish_date,
              127,
              'partial',
              updated_at,
              NULL,
              1,
              'legacy-backfill',
              '{"schemaVersion":1,"parserVersion":"legacy-backfill","list":{},"details":{},"unmapped":{},"warnings":[]}'::jsonb,
              updated_at,
              updated_at
            FROM "{{schema}}".torrents
            ON CONFLICT (tracker, source_key) DO NOTHING;

            INSERT INTO "{{schema}}".torrent_media_links ( -- expect: dynamic
              torrent_id, tmdb_id, query, reason, first_seen_at, last_seen_at)
            SELECT id, tmdb_id, title, 'legacy', updated_at, updated_at
            FROM "{{schema}}".torrents
            WHERE tmdb_id IS NOT NULL
            ON CONFLICT (torrent_id, tmdb_id) DO NOTHING;
            """);
    }

    public override void Down()
    {
        var schema = DbSchema.SearchEngineRaw;
        Delete.Column("last_refresh_error").FromTable("queries").InSchema(schema);
        Delete.Column("last_refresh_attempt_at").FromTable("queries").InSchema(schema);
        Delete.Table("torrent_media_links").IfExists().InSchema(schema);
        Delete.Table("torrent_observations").IfExists().InSchema(schema);
        Delete.Column("seasons").FromTable("torrents").InSchema(schema);
        Delete.Column("voices").FromTable("torrents").InSchema(schema);
        Delete.Column("languages").FromTable("torrents").InSchema(schema);
        Delete.Column("video_type").FromTable("torrents").InSchema(schema);
        Delete.Column("quality").FromTable("torrents").InSchema(schema);
        Delete.Column("types").FromTable("torrents").InSchema(schema);
        Delete.Column("release_year").FromTable("torrents").InSchema(schema);
        Delete.Column("original_name").FromTable("torrents").InSchema(schema);
        Delete.Column("name").FromTable("torrents").InSchema(schema);
    }
}
}

// ---------------------------------------------------------------- id 57168114321 (complete)
namespace EFiling.Nop.Data.Migrations
{
/// <summary>
/// Seeds the NfrcPollingTask schedule task into nopCommerce's ScheduleTask table.
/// Runs every 5 minutes to poll JTI for status updates on filings still under review.
/// </summary>
[NopMigration("2026/03/20 00:01:00", "EFiling. Seed NFRC Polling schedule task", MigrationProcessType.Update)]
public class SeedNfrcPollingScheduleTask : Migration
{
    private const string TaskType = "EFiling.Nop.ScheduleTasks.NfrcPollingTask, EFiling.Nop";

    public override void Up()
    {
        // expect-next: dynamic
        Execute.Sql($"""
            IF NOT EXISTS (SELECT 1 FROM ScheduleTask WHERE [Type] = '{TaskType}')
            BEGIN
                INSERT INTO ScheduleTask ([Name], [Seconds], [Type], [Enabled], [LastEnabledUtc], [StopOnError])
                VALUES ('E-Filing NFRC Polling', 300, '{TaskType}', 1, GETUTCDATE(), 0)
            END
        """);
    }

    public override void Down()
    {
        Execute.Sql($"DELETE FROM ScheduleTask WHERE [Type] = '{TaskType}'"); // expect: dynamic
    }
}
}

// ---------------------------------------------------------------- id 57823090941 (complete)
namespace Sms.Migrations
{
[Migration(26, "Phase 5 procs: Homework_Create/SetStatus, FeeInvoice_Create/MarkPaid")]
public sealed class M0026_Procs_Phase5 : Migration
{
    public override void Up()
    {
        foreach (var sql in M0003_Procs_Auth.EmbeddedProcs("procs.phase5."))
            Execute.Sql(sql);
    }

    public override void Down()
    {
        foreach (var name in new[] { "Homework_Create", "Homework_SetStatus", "FeeInvoice_Create", "FeeInvoice_MarkPaid" })
            Execute.Sql($"DROP PROCEDURE IF EXISTS dbo.{name};"); // expect: dynamic
    }
}
}

// ---------------------------------------------------------------- id 54121405701 (complete from its attribute on)
namespace Nop.Data.Migrations.MyCustomMigrations
{
[NopMigration("2025-01-02 00:00:00", "Seed DailyOrderReportTask schedule")]
public class SeedDailyOrderReportTask : Migration
{
    // Hardcode the assembly-qualified name — no Services reference needed
    private const string TaskType =
    "Nop.Services.Orders.MyCustomTasks.DailyOrderReportTask, Nop.Services";

    public override void Up()
    {
        // expect-next: dynamic
        Execute.Sql($@"
            IF NOT EXISTS (
                SELECT 1 FROM [ScheduleTask] WHERE [Type] = '{TaskType}'
            )
            BEGIN
                INSERT INTO [ScheduleTask] ([Name], [Seconds], [Type], [Enabled], [StopOnError])
                VALUES ('Generate daily order report', 86400, '{TaskType}', 1, 0)
            END");
    }

    public override void Down()
    {
        Execute.Sql($"DELETE FROM [ScheduleTask] WHERE [Type] = '{TaskType}'"); // expect: dynamic
    }
}
}

// ---------------------------------------------------------------- id 44576882931 (complete)
namespace MapCall.Common.Model.Migrations._2022
{
    [Migration(20230314092846123), Tags("Production")]
    public class MC5116_FixMostRecentlyInstalledServicesViewForNewChangeTrackingColumnNames : Migration
    {
        public const string VIEW_NAME = WhenWeLastLeftOurHeroes.VIEW_NAME;

        // expect-next: static
        public const string NEW_VIEW_SQL = @"
WITH FilteredServiceCategories AS (
    SELECT ServiceCategoryID
    FROM ServiceCategories
    WHERE Description IN (
        'Fire Retire Service Only',
        'Sewer Retire Service Only',
        'Water Retire Meter Set Only',
        'Water Retire Service Only'
    )
), SelectedServices AS (
    SELECT
        s.PremiseId,
        s.Id,
        s.DateInstalled,
        s.UpdatedAt,
        s.MeterSettingSizeId,
        s.ServiceMaterialId,
        s.ServiceSizeId,
        s.CustomerSideMaterialId,
        s.CustomerSideSizeId,
        s.CoordinateId
    FROM Services s
    WHERE s.PremiseId IS NOT NULL
    AND s.DateInstalled IS NOT NULL
    AND s.ServiceCategoryId IS NOT NULL
    AND NOT EXISTS (SELECT 1
                FROM FilteredServiceCategories f
                WHERE f.ServiceCategoryID = s.ServiceCategoryId)
), MostRecentServices AS (
    SELECT
        recent.PremiseId,
        recent.Id,
        recent.DateInstalled,
        recent.UpdatedAt,
        recent.MeterSettingSizeId,
        recent.ServiceMaterialId,
        recent.ServiceSizeId,
        recent.CustomerSideMaterialId,
        recent.CustomerSideSizeId,
        recent.CoordinateId
    FROM SelectedServices recent
    LEFT JOIN SelectedServices moreRecent
          ON moreRecent.PremiseId = recent.PremiseId
          AND
             -- most recent DateInstalled
             (moreRecent.DateInstalled > recent.DateInstalled OR
              -- matching DateInstalled, most recent UpdatedAt
               (moreRecent.DateInstalled = recent.DateInstalled AND
                moreRecent.UpdatedAt > recent.UpdatedAt) OR
              -- matching DateInstalled, one has null UpdatedAt other doesn't so we take the non-null
               (moreRecent.DateInstalled = recent.DateInstalled AND
                recent.UpdatedAt IS NULL AND
                moreRecent.UpdatedAt IS NOT NULL) OR
              -- matching DateInstalled, both have null UpdatedAt so take the highest Id
               (moreRecent.DateInstalled = recent.DateInstalled AND
                moreRecent.UpdatedAt IS NULL AND
                recent.UpdatedAt IS NULL AND
                moreRecent.Id > recent.Id) OR
              -- matching DateInstalled, matching UpdatedAt, take the highest Id
               (moreRecent.DateInstalled = recent.DateInstalled AND
                moreRecent.UpdatedAt = recent.UpdatedAt AND
                moreRecent.Id > recent.Id))
    WHERE moreRecent.Id IS NULL
)
SELECT
    s.PremiseId,
    s.Id AS ServiceId,
    s.DateInstalled,
    s.UpdatedAt,
    s.MeterSettingSizeId,
    s.ServiceMaterialId,
    s.ServiceSizeId,
    s.CustomerSideMaterialId,
    s.CustomerSideSizeId,
    NULL as [ServiceMaterialSetById],
    NULL as [CustomerMaterialSetById],
    COALESCE(p.CoordinateId, s.CoordinateId) as [CoordinateId]
FROM MostRecentServices s
INNER JOIN Premises p ON p.Id = s.PremiseId";

        public override void Up()
        {
            Execute.Sql($"ALTER VIEW [{VIEW_NAME}] AS{NEW_VIEW_SQL}"); // expect: dynamic
        }

        public override void Down()
        {
            // NOOP, this is reverted by `MC5116_RevertDocumentLinkViewColumnNameChanges`, see that class
            // for more information.
        }
    }
}

// ---------------------------------------------------------------- id 71229055611 (complete)
namespace Discovery.Migrations.Migrations
{
/// <summary>
/// Restaura a herança real dos booleanos de cliente/site (NULL = herda).
///
/// A M025 normalizou "qualquer null booleano" para FALSE, o que tornou a herança
/// impossível: todo cliente/site passou a sobrescrever o servidor com false. Esta
/// migration converte os FALSE de volta para NULL e remove o DEFAULT FALSE das
/// colunas, para que novos registros também herdem.
///
/// ATENÇÃO: um FALSE gravado antes desta migration pode ter sido uma decisão
/// consciente de desligar a funcionalidade. Depois da conversão, o valor herdado do
/// servidor volta a valer até alguém definir false explicitamente de novo.
/// </summary>
[Migration(20261031_198)]
public class M198_RestoreBooleanInheritanceOnClientSite : Migration
{
    private static readonly string[] ClientBooleanColumns =
    [
        "recovery_enabled",
        "discovery_enabled",
        "p2p_files_enabled",
        "cloud_bootstrap_enabled",
        "support_enabled",
        "chat_ai_enabled",
        "knowledge_base_enabled"
    ];

    private static readonly string[] SiteBooleanColumns =
    [
        "recovery_enabled",
        "discovery_enabled",
        "p2p_files_enabled",
        "support_enabled",
        "chat_ai_enabled",
        "knowledge_base_enabled"
    ];

    public override void Up()
    {
        // FALSE explícito -> NULL (herda). zero_touch_enabled já nasce NULL (M197).
        NullifyFalse("client_configurations", ClientBooleanColumns);
        NullifyFalse("site_configurations", SiteBooleanColumns);
    }

    public override void Down()
    {
        // Volta ao estado da M025: default false + nenhum null.
        NullToFalse("client_configurations", ClientBooleanColumns);
        NullToFalse("site_configurations", SiteBooleanColumns);
        RestoreFalseDefault("client_configurations", ClientBooleanColumns);
        RestoreFalseDefault("site_configurations", SiteBooleanColumns);
    }

    private void NullifyFalse(string table, string[] columns)
    {
        if (!Schema.Table(table).Exists()) return;

        foreach (var column in columns)
        {
            if (!Schema.Table(table).Column(column).Exists()) continue;

            Execute.Sql($"UPDATE {table} SET {column} = NULL WHERE {column} = FALSE;"); // expect: dynamic
            Execute.Sql($"ALTER TABLE {table} ALTER COLUMN {column} DROP DEFAULT;"); // expect: dynamic
        }
    }

    private void NullToFalse(string table, string[] columns)
    {
        if (!Schema.Table(table).Exists()) return;

        foreach (var column in columns)
        {
            if (!Schema.Table(table).Column(column).Exists()) continue;

            Execute.Sql($"UPDATE {table} SET {column} = FALSE WHERE {column} IS NULL;"); // expect: dynamic
        }
    }

    private void RestoreFalseDefault(string table, string[] columns)
    {
        if (!Schema.Table(table).Exists()) return;

        foreach (var column in columns)
        {
            if (!Schema.Table(table).Column(column).Exists()) continue;

            Execute.Sql($"ALTER TABLE {table} ALTER COLUMN {column} SET DEFAULT FALSE;"); // expect: dynamic
        }
    }
}
}

// ---------------------------------------------------------------- id 17526618201 (complete)
namespace DatabaseMigrateRunner.Migrations.InventoryDb
{
    [ExtMgrDataStructureAndFunctions("Hung Vo", 2017, 9, 23, 03, 09, 02, false)]
    public class InventoryDb_20170923_030902_enable_broker : ExtDataStructureFunctionMigration
    {
        public override void Up()
        {
            var appContext = (MigrateDatabaseContext) this.ApplicationContext;
            this.Execute.Sql($"ALTER DATABASE [{appContext.DatabaseName}] SET ENABLE_BROKER WITH ROLLBACK IMMEDIATE;"); // expect: dynamic

            // or
            this.Execute.Sql(@"ALTER DATABASE CURRENT SET ENABLE_BROKER WITH ROLLBACK IMMEDIATE;"); // expect: static
        }

        public override void Down()
        {
            throw new NotImplementedException();
        }        
    }
}

// ---------------------------------------------------------------- ids 11147152566 and 37482634416 (excerpts, wrapped)
public class ShippingByWeightMigrationExcerpt : Migration
{
        private void FixArithmeticOverflow(string column)
        {
            try
            {
                IfDatabase("sqlserver").Execute.Sql($"UPDATE [dbo].[{shippingByWeightTable}] SET [{column}] = 99999999999999 WHERE [{column}] > 99999999999999"); // expect: dynamic
            }
            catch
            {
            }
        }

        public override void Up()
        {
            var calendarEventTableName = DalMapper.TbName<CalendarEventDal>();
            if (!Schema.Table(calendarEventTableName).Exists())
            {
                Create.Table(calendarEventTableName)
                    .WithColumn(nameof(CalendarEventDal.Id)).AsPrimaryKeyGuidBased()
                    .WithColumn(nameof(CalendarEventDal.EventId)).AsForeignKeyGuid<EventDal>().NotNullable()
                    .WithColumn(nameof(CalendarEventDal.CalendarId)).AsForeignKeyGuid<CalendarDal>().NotNullable();
                
                Execute.Sql($"CREATE UNIQUE INDEX IF NOT EXISTS \"calendar_to_event\" " + // expect: dynamic
                            $"ON public.{calendarEventTableName} USING btree (\"{nameof(CalendarEventDal.EventId)}\", \"{nameof(CalendarEventDal.CalendarId)}\")");
            }
        }
}
