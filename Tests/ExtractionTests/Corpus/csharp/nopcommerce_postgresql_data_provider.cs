// Source: nopSolutions/nopCommerce, src/Libraries/Nop.Data/DataProviders/PostgreSqlDataProvider.cs
// (read_file id 179499874, commit 0c307698943dcbd33e79bf0b18898b6b4951ced6), nopCommerce licence (GPL-3.0 based;
// see the repository LICENSE). ADAPTED: the file (373 lines) is cut to its first 290 lines, a contiguous part
// ending after InsertEntityAsync; the closing braces of the class and the namespace (two lines) were
// added so that the part stands alone. Left out: RestoreDatabaseAsync (throws), ReIndexTablesAsync
// (one interpolated `REINDEX DATABASE "…";`), BuildConnectionString, CreateForeignKeyName,
// GetIndexName (`$"FK_…"` / `$"IX_…"` name templates) and the Properties region. Otherwise verbatim;
// only this header and five trailing label comments added.
// Classes: nopCommerce (e-commerce) PostgreSQL data provider on linq2db and Npgsql; linq2db
// `DataConnection.Query<T>($"…")` / `ExecuteAsync($"…")` raw SQL with interpolated identifiers and
// values (dynamic: pg_get_serial_sequence('"{table}"', '{column}'), a sequence SELECT with
// COALESCE/CASE WHEN, setval('{seq}', {ident}, false)); ADO.NET `CommandText = query` where
// `query = $"CREATE DATABASE \"{name}\" WITH OWNER = '{user}'"` is extended by
// `query = $"{query} LC_COLLATE = '{collation}'"` (dynamic; the extension is an appended piece,
// unlabelled); two CREATE EXTENSION statements in one literal on one line (one label, convention 4).
// Decoys: the "citext" type name, builder.Database = "postgres", exception texts ("A table's
// primary key does not have an identity constraint", "This database provider does not support
// backup", "Unable to connect to the new database…", "Identity field must be defined for"), the
// `$"Mapped entity descriptor is not found: …"` message, comments about creating tables.
using System.Data;
using System.Data.Common;
using LinqToDB;
using LinqToDB.Common;
using LinqToDB.Data;
using LinqToDB.DataProvider;
using LinqToDB.SqlQuery;
using Nop.Core;
using Nop.Data.DataProviders.LinqToDB;
using Npgsql;

namespace Nop.Data.DataProviders
{
    public partial class PostgreSqlDataProvider : BaseDataProvider, INopDataProvider
    {
        #region Fields

        protected static readonly Lazy<IDataProvider> _dataProvider = new(() => new LinqToDBPostgreSQLDataProvider(), true);

        #endregion

        #region Utilities

        /// <summary>
        /// Creates the database connection by the current data configuration
        /// </summary>
        protected override DataConnection CreateDataConnection()
        {
            var dataContext = CreateDataConnection(LinqToDbDataProvider);
            dataContext.MappingSchema.SetDataType(
                typeof(string),
                new SqlDataType(new DbDataType(typeof(string), "citext")));

            return dataContext;
        }

        /// <summary>
        /// Gets the connection string builder
        /// </summary>
        /// <returns>The connection string builder</returns>
        protected static NpgsqlConnectionStringBuilder GetConnectionStringBuilder()
        {
            return new NpgsqlConnectionStringBuilder(GetCurrentConnectionString());
        }

        /// <summary>
        /// Gets a connection to the database for a current data provider
        /// </summary>
        /// <param name="connectionString">Connection string</param>
        /// <returns>Connection to a database</returns>
        protected override DbConnection GetInternalDbConnection(string connectionString)
        {
            if (string.IsNullOrEmpty(connectionString))
                throw new ArgumentNullException(nameof(connectionString));

            return new NpgsqlConnection(connectionString);
        }

        /// <summary>
        /// Get the name of the sequence associated with a identity column
        /// </summary>
        /// <param name="dataConnection">A database connection object</param>
        /// <typeparam name="TEntity">Entity type</typeparam>
        /// <returns>Returns the name of the sequence, or NULL if no sequence is associated with the column</returns>
        protected virtual string GetSequenceName<TEntity>(DataConnection dataConnection) where TEntity : BaseEntity
        {
            if (dataConnection is null)
                throw new ArgumentNullException(nameof(dataConnection));

            var descriptor = GetEntityDescriptor(typeof(TEntity));

            if (descriptor is null)
                throw new NopException($"Mapped entity descriptor is not found: {typeof(TEntity).Name}");

            var tableName = descriptor.EntityName;
            var columnName = descriptor.Fields.FirstOrDefault(x => x.IsIdentity && x.IsPrimaryKey)?.Name;

            if (string.IsNullOrEmpty(columnName))
                throw new NopException("A table's primary key does not have an identity constraint");

            return dataConnection.Query<string>($"SELECT pg_get_serial_sequence('\"{tableName}\"', '{columnName}');") // expect: dynamic
                .FirstOrDefault();
        }

        #endregion

        #region Methods

        /// <summary>
        /// Creates the database by using the loaded connection string
        /// </summary>
        /// <param name="collation"></param>
        /// <param name="triesToConnect"></param>
        public void CreateDatabase(string collation, int triesToConnect = 10)
        {
            if (DatabaseExists())
                return;

            var builder = GetConnectionStringBuilder();

            //gets database name
            var databaseName = builder.Database;

            //now create connection string to 'postgres' - default administrative connection database.
            builder.Database = "postgres";

            using (var connection = GetInternalDbConnection(builder.ConnectionString))
            {
                var query = $"CREATE DATABASE \"{databaseName}\" WITH OWNER = '{builder.Username}'"; // expect: dynamic
                if (!string.IsNullOrWhiteSpace(collation))
                    query = $"{query} LC_COLLATE = '{collation}'";

                var command = connection.CreateCommand();
                command.CommandText = query;
                command.Connection.Open();

                command.ExecuteNonQuery();
            }

            //try connect
            if (triesToConnect <= 0)
                return;

            //sometimes on slow servers (hosting) there could be situations when database requires some time to be created.
            //but we have already started creation of tables and sample data.
            //as a result there is an exception thrown and the installation process cannot continue.
            //that's why we are in a cycle of "triesToConnect" times trying to connect to a database with a delay of one second.
            for (var i = 0; i <= triesToConnect; i++)
            {
                if (i == triesToConnect)
                    throw new Exception("Unable to connect to the new database. Please try one more time");

                if (!DatabaseExists())
                {
                    Thread.Sleep(1000);
                }
                else
                {
                    builder.Database = databaseName;
                    using var connection = GetInternalDbConnection(builder.ConnectionString) as NpgsqlConnection;
                    var command = connection.CreateCommand();
                    command.CommandText = "CREATE EXTENSION IF NOT EXISTS citext; CREATE EXTENSION IF NOT EXISTS pgcrypto;"; // expect: static
                    command.Connection.Open();
                    command.ExecuteNonQuery();
                    connection.ReloadTypes();

                    break;
                }
            }
        }

        /// <summary>
        /// Checks if the specified database exists, returns true if database exists
        /// </summary>
        /// <returns>Returns true if the database exists.</returns>
        public bool DatabaseExists()
        {
            try
            {
                using var connection = GetInternalDbConnection(GetCurrentConnectionString());

                //just try to connect
                connection.Open();

                return true;
            }
            catch
            {
                return false;
            }
        }

        /// <summary>
        /// Checks if the specified database exists, returns true if database exists
        /// </summary>
        /// <returns>
        /// A task that represents the asynchronous operation
        /// The task result contains the returns true if the database exists.
        /// </returns>
        public async Task<bool> DatabaseExistsAsync()
        {
            try
            {
                await using var connection = GetInternalDbConnection(GetCurrentConnectionString());

                //just try to connect
                await connection.OpenAsync();

                return true;
            }
            catch
            {
                return false;
            }
        }

        /// <summary>
        /// Get the current identity value
        /// </summary>
        /// <typeparam name="TEntity">Entity type</typeparam>
        /// <returns>
        /// A task that represents the asynchronous operation
        /// The task result contains the integer identity; null if cannot get the result
        /// </returns>
        public virtual Task<int?> GetTableIdentAsync<TEntity>() where TEntity : BaseEntity
        {
            using var currentConnection = CreateDataConnection();

            var seqName = GetSequenceName<TEntity>(currentConnection);

            var result = currentConnection.Query<int>($"SELECT COALESCE(last_value + CASE WHEN is_called THEN 1 ELSE 0 END, 1) as Value FROM {seqName};") // expect: dynamic
                .FirstOrDefault();

            return Task.FromResult<int?>(result);
        }

        /// <summary>
        /// Set table identity (is supported)
        /// </summary>
        /// <typeparam name="TEntity">Entity type</typeparam>
        /// <param name="ident">Identity value</param>
        /// <returns>A task that represents the asynchronous operation</returns>
        public virtual async Task SetTableIdentAsync<TEntity>(int ident) where TEntity : BaseEntity
        {
            var currentIdent = await GetTableIdentAsync<TEntity>();
            if (!currentIdent.HasValue || ident <= currentIdent.Value)
                return;

            using var currentConnection = CreateDataConnection();

            var seqName = GetSequenceName<TEntity>(currentConnection);

            await currentConnection.ExecuteAsync($"select setval('{seqName}', {ident}, false);"); // expect: dynamic
        }

        /// <summary>
        /// Creates a backup of the database
        /// </summary>
        /// <returns>A task that represents the asynchronous operation</returns>
        public virtual Task BackupDatabaseAsync(string fileName)
        {
            throw new DataException("This database provider does not support backup");
        }

        /// <summary>
        /// Inserts record into table. Returns inserted entity with identity
        /// </summary>
        /// <param name="entity"></param>
        /// <typeparam name="TEntity"></typeparam>
        /// <returns>Inserted entity</returns>
        public override TEntity InsertEntity<TEntity>(TEntity entity)
        {
            using var dataContext = CreateDataConnection();
            try
            {
                entity.Id = dataContext.InsertWithInt32Identity(entity);
            }
            // Ignore when we try insert foreign entity via InsertWithInt32IdentityAsync method
            catch (SqlException ex) when (ex.Message.StartsWith("Identity field must be defined for"))
            {
                dataContext.Insert(entity);
            }

            return entity;
        }

        /// <summary>
        /// Inserts record into table. Returns inserted entity with identity
        /// </summary>
        /// <param name="entity"></param>
        /// <typeparam name="TEntity"></typeparam>
        /// <returns>
        /// A task that represents the asynchronous operation
        /// The task result contains the inserted entity
        /// </returns>
        public override async Task<TEntity> InsertEntityAsync<TEntity>(TEntity entity)
        {
            using var dataContext = CreateDataConnection();
            try
            {
                entity.Id = await dataContext.InsertWithInt32IdentityAsync(entity);
            }
            // Ignore when we try insert foreign entity via InsertWithInt32IdentityAsync method
            catch (SqlException ex) when (ex.Message.StartsWith("Identity field must be defined for"))
            {
                await dataContext.InsertAsync(entity);
            }

            return entity;
        }
    }
}
