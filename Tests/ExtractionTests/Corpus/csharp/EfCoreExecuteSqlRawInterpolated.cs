// Sources: two EF Core / Npgsql files found with find_string 'ExecuteSqlRawAsync($"' (repository
// names not returned):
//   (a) Calm_Healing.Service.DynamicSchemaService                  (index id 26207111315), complete
//   (b) Thinktecture … AddCustomQueryableMethodTranslatingExpressionVisitorFactory tests
//       (index id 13365792245), excerpt: usings, fields, constructor and InitializeAsync
// Verbatim; concatenated into one file (two namespaces; (b) uses a file-scoped namespace in its
// source and is given a block here so that both fit one file).
// Classes: dynamic (ExecuteSqlRawAsync — the *Raw* API — with C# interpolated strings
//          $"CREATE SCHEMA IF NOT EXISTS \"{schemaName}\"" and C# 11 raw interpolated strings
//          $"""…"{_schema}"…""" on one line and over several lines; ADO.NET
//          cmd.CommandText = $@"…" with '{schemaName}' spliced into a WHERE; a DO $$ … $$ block
//          whose body EXECUTEs a TRUNCATE built with || — one statement, one label), decoys
//          (string.Replace search/replacement pairs "CREATE TABLE public." /
//          $"CREATE TABLE \"{schemaName}\"." used to rewrite a generated script — text
//          patterns, not statements —, Console.WriteLine($"✅ Schema '{schemaName}' ready with all
//          tables!"), context names "public", "SourceBranchName", collection "NpgsqlTests").

// ---------------------------------------------------------------- (a) id 26207111315
using Calm_Healing.DAL.DynamicModels;
using Calm_Healing.Service.IService;
using Microsoft.EntityFrameworkCore;

namespace Calm_Healing.Service
{
    public class DynamicSchemaService : IDynamicSchemaService
    {
        private readonly Func<string, DynamicTenantDbContext> _contextFactory;

        public DynamicSchemaService(Func<string, DynamicTenantDbContext> contextFactory)
        {
            _contextFactory = contextFactory;
        }

        public async Task CreateSchemaAndTablesAsync(string schemaName)
        {
            try
            {
                // STEP 1: Create schema
                using var tempDb = _contextFactory("public");
                await tempDb.Database.ExecuteSqlRawAsync($"CREATE SCHEMA IF NOT EXISTS \"{schemaName}\""); // expect: dynamic

                // STEP 2: Check if tables exist in the new schema
                using var db = _contextFactory(schemaName);
                var conn = db.Database.GetDbConnection();
                await conn.OpenAsync();
                int tableCount;
                using (var cmd = conn.CreateCommand())
                { // expect-next: dynamic
                    cmd.CommandText = $@"
                SELECT COUNT(*) 
                FROM information_schema.tables 
                WHERE table_schema = '{schemaName}' AND table_type = 'BASE TABLE'";
                    tableCount = Convert.ToInt32(await cmd.ExecuteScalarAsync());
                }

                if (tableCount == 0)
                {
                    // Generate script from a context configured for public schema
                    using var publicDb = _contextFactory(schemaName);
                    var createScript = publicDb.Database.GenerateCreateScript();

                    // Replace public schema with dynamic schema
                    var dynamicScript = createScript
                        .Replace("CREATE TABLE public.", $"CREATE TABLE \"{schemaName}\".")
                        .Replace("CREATE INDEX \"IX_", $"CREATE INDEX \"{schemaName}_IX_")
                        .Replace(" ON public.", $" ON \"{schemaName}\".")
                        .Replace("REFERENCES public.", $"REFERENCES \"{schemaName}\".")
                        .Replace("CREATE TABLE", "CREATE TABLE IF NOT EXISTS");
                    var patien = publicDb.Patients.ToList();
                    await db.Database.ExecuteSqlRawAsync(dynamicScript);
                }

                Console.WriteLine($"✅ Schema '{schemaName}' ready with all tables!");
            }
            catch (Exception ex)
            {
                Console.WriteLine($"❌ Error: {ex.Message}");
                throw;
            }
        }

    }
}

// ---------------------------------------------------------------- (b) id 13365792245 (excerpt)
namespace Thinktecture.Extensions.NpgsqlDbContextOptionsBuilderExtensionsTests
{
// ReSharper disable InconsistentNaming
[Collection("NpgsqlTests")]
public class AddCustomQueryableMethodTranslatingExpressionVisitorFactory : IAsyncLifetime, IAsyncDisposable
{
   private readonly string _connectionString;
   private readonly ITestOutputHelper _testOutputHelper;
   private readonly string _schema;

   public AddCustomQueryableMethodTranslatingExpressionVisitorFactory(
      ITestOutputHelper testOutputHelper,
      NpgsqlFixture npgsqlFixture)
   {
      _testOutputHelper = testOutputHelper;
      _connectionString = npgsqlFixture.ConnectionString;

      var gitBranchName = TestContext.Instance.Configuration["SourceBranchName"];
      var schema = String.IsNullOrWhiteSpace(gitBranchName) ? "tests" : $"{gitBranchName}_tests";
      schema += "_" + Environment.Version.Major;

      _schema = schema;
   }

   public async Task InitializeAsync()
   {
      await using var ctx = new TestDbContext(CreateOptions(), new DbDefaultSchema(_schema));

      await ctx.Database.ExecuteSqlRawAsync($"""CREATE SCHEMA IF NOT EXISTS "{_schema}" """); // expect: dynamic
      await ctx.Database.EnsureCreatedAsync();

      // expect-next: dynamic
      await ctx.Database.ExecuteSqlRawAsync($"""
         DO $$
         DECLARE r RECORD;
         BEGIN
             FOR r IN (SELECT tablename FROM pg_tables WHERE schemaname = '{_schema}') LOOP
                 EXECUTE 'TRUNCATE TABLE "{_schema}"."' || r.tablename || '" CASCADE';
             END LOOP;
         END $$;
         """);
   }
}
}
