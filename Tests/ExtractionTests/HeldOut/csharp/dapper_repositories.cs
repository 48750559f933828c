// Source: Dapper / Npgsql repositories found with find_string "await connection.QueryAsync<"
// (ids 47418974555, 61074326570, 31609241510, 4370675, 71645445230, 54780110780, 39477286085,
// 16231031780, 24090987335); repository names not returned. Excerpts verbatim, concatenated.
// Classes: Dapper QueryAsync/ExecuteAsync/QuerySingleOrDefault, @Name parameters, verbatim
//          @"..." and interpolated $@"..."/@$"..." multi-line strings (dynamic when they hold
//          {holes}), ""quoted"" identifiers inside verbatim strings, conditions collected in a
//          list (fragments), `sqlQuery += $" where ..."` (a later piece: no label), ANY(@x),
//          UNNEST(@Dtos), decoys (LogQuery("SELECT", sql), exception texts, Console output).
using Dapper;
using System.Linq;
using System.Threading.Tasks;

namespace Data.Repositories
{
    public class AuthRepository : IAuthRepository
    {
        public async Task<User> Login(User user)
        {
            var connection = PostgreSqlConnectionRepository.GetConnection();

            //Precisa criar alguma criptografia
            // expect-next: dynamic
            var query = $@"SELECT Id, Username, Email, UserType 
                        FROM ""User""
                        WHERE Email = '{user.Email}' 
                        AND Password = '{user.Password}';";
            var result = await connection.QueryAsync<User>(query);

            return result.FirstOrDefault();
        }
    }

    public class PlatformEventChannelRepository
    {
        private const string ChannelColumns = "id, developer_name, label, created_at";

        /// <summary>
        /// Retrieves all mirrored channels, without their members.
        /// </summary>
        public async Task<List<PlatformEventChannelEntity>> GetChannelsAsync(CancellationToken cancellationToken = default) {
            // expect-next: dynamic
            var sql = $@"
            SELECT {ChannelColumns}
            FROM salesforce.platform_event_channels
            ORDER BY developer_name";

            LogQuery("SELECT", sql);

            await using var connection = new NpgsqlConnection(_connectionString);
            var channels = await connection.QueryAsync<PlatformEventChannelEntity>(
                new CommandDefinition(sql, cancellationToken: cancellationToken)).ConfigureAwait(false);
            return channels.ToList();
        }

        /// <summary>
        /// Retrieves a channel by local ID, with its members populated.
        /// </summary>
        public async Task<PlatformEventChannelEntity?> GetChannelByIdAsync(int id, CancellationToken cancellationToken = default) {
            // expect-next: dynamic
            var sql = $@"
            SELECT {ChannelColumns}
            FROM salesforce.platform_event_channels
            WHERE id = @Id";

            LogQuery("SELECT", sql, new { Id = id });

            await using var connection = new NpgsqlConnection(_connectionString);
            return await connection.QuerySingleOrDefaultAsync<PlatformEventChannelEntity>(sql, new { Id = id });
        }
    }

    public class SyncRunner
    {
        public async Task RunAsync(string connectionString, SyncSettings syncSettings)
        {
            await using var connection = new SqlConnection(connectionString);
            await connection.OpenAsync();

            // 1. Get all repositories from DB (moved here to be available for user/repo sync checks)
            var repos = await connection.QueryAsync<(int Id, string Slug, string Workspace)>(
                "SELECT Id, Slug, Workspace FROM Repositories WHERE ExcludeFromSync = 0"); // expect: static

            if (syncSettings.SyncTargets.Users)
            {
                Console.WriteLine("\nSyncing users...");
                var workspaces = repos.Select(r => r.Workspace).Distinct();
                foreach (var workspace in workspaces)
                {
                    Console.WriteLine($"Syncing users for workspace: {workspace}");
                }
            }
        }
    }

    public class GenericRepository<T>
    {
        public async Task<T> GetAsync(object id)
        {
            using (var connection = CreateConnection())
            {
                var result = await connection.QuerySingleOrDefaultAsync<T>($"SELECT * FROM {_tableName} WHERE {PrimaryKeyColumnName}=@Id", new { Id = id }); // expect: dynamic
                if (result == null)
                    throw new KeyNotFoundException($"{_tableName} with id [{id}] could not be found.");

                return result;
            }
        }

        public async Task<IEnumerable<T>> GetAllAsync()
        {
            using (var connection = CreateConnection())
            {
                return await connection.QueryAsync<T>($"SELECT * FROM {_tableName}"); // expect: dynamic
            }
        }

        public IEnumerable<T> GetAll()
        {
            using (var connection = CreateConnection())
            {
                return connection.Query<T>($"SELECT * FROM {_tableName}"); // expect: dynamic
            }
        }
    }

    public sealed class GetTenantFeatureFlagsQueryHandler
    {
        public async Task<List<FeatureFlagResponse>> Handle(GetTenantFeatureFlagsQuery request, CancellationToken cancellationToken)
        {
            using var connection = await _dbFactory.CreateAsync(cancellationToken).ConfigureAwait(false);

            // RULE 4: Always scope queries by tenant_id!
            var records = await connection.QueryAsync<FeatureFlagRecord>(
                "SELECT flag_key, enabled, rollout_percentage FROM feature_flags WHERE tenant_id = @TenantId", // expect: static
                new { TenantId = request.TenantId.ToString() }).ConfigureAwait(false);

            return records.Select(r => new FeatureFlagResponse { FlagKey = r.Flag_key, Enabled = r.Enabled }).ToList();
        }
    }

    internal class EtoroInstrumentMap
    {
        internal static async Task<EtoroInstrumentMap> LoadAsync(IDbConnection connection)
        {
            var map = new EtoroInstrumentMap();

            var rows = await connection.QueryAsync<LookupRow>(
                "SELECT instrument_id, internal_symbol, display_name FROM lookup_etoro_instruments"); // expect: static

            foreach (var row in rows)
                map._known[row.InstrumentId] = new InstrumentInfo(row.InternalSymbol, row.DisplayName);

            return map;
        }
    }

    // CorporateSystem.SharedDocs DocumentRepository (id 39477286085), verbatim except two of the
    // six filter conditions left out.
    internal class DocumentRepository(IOptions<PostgreOptions> options)
        : PostgreRepository(options.Value), IDocumentRepository
    {
        protected override string TableName { get; } = "documents";

        public async Task<Document?> GetAsync(int id, CancellationToken cancellationToken = default)
        {
            using var transaction = CreateTransactionScope();

            var sqlQuery = $"select * from {TableName} where id = @Id"; // expect: dynamic
            var command = new CommandDefinition(sqlQuery, new { Id = id }, commandTimeout: DefaultTimeoutInSeconds, cancellationToken: cancellationToken);
            await using var connection = await GetAndOpenConnectionAsync(cancellationToken);
            return await connection.QueryFirstOrDefaultAsync<Document>(command);
        }

        public async Task<IEnumerable<Document>> GetAsync(
            DocumentFilter? filter = null,
            CancellationToken cancellationToken = default)
        {
            using var transaction = CreateTransactionScope();

            var sqlQuery = $"select * from {TableName}"; // expect: dynamic
            var @params = new DynamicParameters();

            var conditions = new List<string>();

            if (filter is not null)
            {
                if (filter.Ids?.Length != 0)
                {
                    conditions.Add("id = ANY(@Ids)"); // expect: fragment
                    @params.Add("Ids", filter.Ids);
                }

                if (filter.ModifiedAt?.Length != 0)
                {
                    conditions.Add("modified_at = ANY(@ModifiedAt)"); // expect: fragment
                    @params.Add("ModifiedAt", filter.ModifiedAt);
                }

                if (filter.OwnerIds?.Length != 0)
                {
                    conditions.Add("owner_id = ANY(@OwnerIds)"); // expect: fragment
                    @params.Add("OwnerIds", filter.OwnerIds);
                }

                if (filter.CreatedAt?.Length != 0)
                {
                    conditions.Add("created_at = ANY(@CreatedAt)"); // expect: fragment
                    @params.Add("CreatedAt", filter.CreatedAt);
                }
            }

            if (conditions.Any())
            {
                sqlQuery += $" where {string.Join(" and ", conditions)} ";
            }

            var command = new CommandDefinition(sqlQuery, @params, commandTimeout: DefaultTimeoutInSeconds, cancellationToken: cancellationToken);
            await using var connection = await GetAndOpenConnectionAsync(cancellationToken);
            return await connection.QueryAsync<Document>(command);
        }

        public async Task<int[]> CreateAsync(CreateDocumentDto[] dtos, CancellationToken cancellationToken = default)
        {
            using var transaction = CreateTransactionScope();

            // expect-next: dynamic
            var sqlQuery = @$"
            insert into {TableName} (owner_id, title, content)
            select owner_id
                 , title
                 , content
              from UNNEST(@Dtos)";

            var command = new CommandDefinition(sqlQuery, new { Dtos = dtos }, commandTimeout: DefaultTimeoutInSeconds, cancellationToken: cancellationToken);
            await using var connection = await GetAndOpenConnectionAsync(cancellationToken);
            var ids = await connection.QueryAsync<int>(command);
            return ids.ToArray();
        }

        public async Task UpdateAsync(int id, UpdateDocumentDto updatedDocumentDto, CancellationToken cancellationToken = default)
        {
            using var transaction = CreateTransactionScope();

            // expect-next: dynamic
            var sqlQuery = @$"
            update {TableName}
               set owner_id = @OwnerId
                 , title = @Title
                 , content = @Content
                 , modified_at = @ModifiedAt
             where id = @Id";

            await using var connection = await GetAndOpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sqlQuery, new { Id = id, updatedDocumentDto.OwnerId }));
            transaction.Complete();
        }

        public async Task DeleteAsync(int[] ids, CancellationToken cancellationToken = default)
        {
            using var transaction = CreateTransactionScope();

            var sqlQuery = $"delete * from {TableName} where id = ANY(@Ids)"; // expect: dynamic
            await using var connection = await GetAndOpenConnectionAsync(cancellationToken);
            await connection.ExecuteAsync(new CommandDefinition(sqlQuery, new { Ids = ids }));
        }
    }

    public class PacienteRepository : IPacienteRepository
    {
        public async Task<IEnumerable<Paciente>> Get()
        {
            string query = @"SELECT IDPaciente, Nombre, Edad, Genero, Direccion, Telefono FROM Paciente"; // expect: static
            IEnumerable<Paciente> resultSet;

            using (var connection = _conexionDB.GetConnection(_configuration))
            {
                resultSet = await connection.QueryAsync<Paciente>(query);
            }

            return resultSet.ToList();
        }

        public async Task Insert(Paciente paciente)
        {
            using (var connection = _conexionDB.GetConnection(_configuration))
            {
                await connection.OpenAsync();
                // expect-next: static
                string query = @"INSERT INTO Paciente (Nombre, Edad, Genero, Direccion, Telefono)
                             VALUES (@Nombre, @Edad, @Genero, @Direccion, @Telefono)";

                await connection.ExecuteAsync(query, new { paciente.Nombre, paciente.Edad, paciente.Genero, paciente.Direccion, paciente.Telefono });
            }
        }
    }

    public class SplitTableStorage
    {
        private async Task<List<TableInfo>> GetTableListFromDb()
        {
            const string sql = "SELECT * FROM ray_tablelist where prefix=@Table order by version asc"; // expect: static
            using (var connection = SqlFactory.CreateConnection(Connection))
            {
                return (await connection.QueryAsync<TableInfo>(sql, new { Table = EventTable })).AsList();
            }
        }
    }
}
