// Sources: two Npgsql files found with find_string 'new NpgsqlCommand($"' (repository names not
// returned):
//   (a) QaaS.Framework.Protocols.Protocols.PostgreSqlProtocol       (index id 54248722524), complete
//   (b) Content.Server.Database.ServerDbPostgres notification listener (partial class)
//       (index id 30518424), complete
// Verbatim; concatenated into one file ((a) and (b) use file-scoped namespaces in their sources
// and are given blocks here so that both fit one file).
// Classes: dynamic (COPY … FROM STDIN built from two interpolated pieces joined with + and handed
//          to BeginTextImport, short SET statement_timeout = {…} and LISTEN {channel} in
//          NpgsqlCommand, three `select * from {TableName} {BuildWhereStatement()} …` bodies of
//          expression-bodied members, lower-case), fragments (WHERE clauses returned by
//          BuildWhereStatement — with '{…:O}'::timestamp casts and ({WhereStatement}) —, value
//          expressions returned for later splicing: TO_TIMESTAMP('{time:…}', '…') and
//          "{field}" AT TIME ZONE 'UTC'), decoys (the bare quoted identifier $"\"{field}\"",
//          the null marker "\\N", Replace(";", "\\;"), Logger.LogDebug("Inserting row {RowString}
//          to postgresql table {TableName}") message templates, log texts "Starting notification
//          listener", "Waiting on notifications...", doc comments "using postgres listen/notify").

// ---------------------------------------------------------------- (a) id 54248722524
using System.Data;
using System.Text;
using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Logging;
using Npgsql;
using QaaS.Framework.Protocols.ConfigurationObjects.Sql;
using QaaS.Framework.SDK.Session.DataObjects;

namespace QaaS.Framework.Protocols.Protocols
{

/// <summary>
/// Implements PostgreSQL-backed SQL protocol operations for both readers and senders.
/// </summary>
[ExcludeFromCodeCoverage]
public class PostgreSqlProtocol : BaseSqlProtocol<NpgsqlConnection>, ISender
{
    private readonly bool _isInsertionTimeFieldTimeZoneTz;

    /// <summary>
    /// Initializes a PostgreSQL protocol configured for read operations.
    /// </summary>
    /// <param name="configurations">The PostgreSQL reader configuration.</param>
    /// <param name="logger">The logger used for protocol diagnostics.</param>
    /// <param name="dbConnection">An optional open connection to reuse instead of creating one from the configuration.</param>
    public PostgreSqlProtocol(PostgreSqlReaderConfig configurations, ILogger logger,
        NpgsqlConnection? dbConnection = null) : base(configurations, logger,
        dbConnection ?? new NpgsqlConnection(configurations.ConnectionString))
    {
        _isInsertionTimeFieldTimeZoneTz = configurations.IsInsertionTimeFieldTimeZoneTz;
    }

    /// <summary>
    /// Initializes a PostgreSQL protocol configured for send operations.
    /// </summary>
    /// <param name="configurations">The PostgreSQL sender configuration.</param>
    /// <param name="logger">The logger used for protocol diagnostics.</param>
    /// <param name="dbConnection">An optional open connection to reuse instead of creating one from the configuration.</param>
    public PostgreSqlProtocol(PostgreSqlSenderConfig configurations, ILogger logger,
        NpgsqlConnection? dbConnection = null) : base(configurations,
        logger, dbConnection ?? new NpgsqlConnection(configurations.ConnectionString))
    {
    }

    protected override void InsertChunkToTable(DataTable chunkData)
    {
        const string nullValueRepresentation = "\\N";
        // Get the column names they can be listed in the Copy query in the same order as they are ordered under the data table
        var columnNames = from DataColumn column in chunkData.Columns select column.ColumnName;
        using var writer = DbConnection.BeginTextImport(
            $"COPY {TableName} ({string.Join(", ", columnNames)}) FROM STDIN" + // expect: dynamic
            $" (FORMAT text, DELIMITER ';', NULL '{nullValueRepresentation}')");
        foreach (DataRow row in chunkData.Rows)
        {
            var rowBuilder = new StringBuilder();
            var firstColumn = true;
            foreach (DataColumn column in chunkData.Columns)
            {
                if (!firstColumn)
                {
                    rowBuilder.Append(';');
                }

                // Escape all native occurrences of delimiter ;
                var columnValue = row[column];
                var nullableColumnValue = columnValue == DBNull.Value
                    ? nullValueRepresentation
                    : columnValue.ToString()?.Replace(";", "\\;");
                rowBuilder.Append(nullableColumnValue);
                firstColumn = false;
            }

            var rowString = rowBuilder.ToString();
            Logger.LogDebug("Inserting row {RowString} to postgresql table {TableName}", rowString, TableName);
            writer.WriteLine(rowString);
        }

        writer.Close();
    }

    /// <inheritdoc />
    public override void Connect()
    {
        base.Connect();
        using var cmd = new NpgsqlCommand($"SET statement_timeout = {CommandTimeoutSeconds * 1000}", // expect: dynamic
            (NpgsqlConnection?)DbConnection);
        cmd.ExecuteNonQuery();
    }

    /// <inheritdoc />
    protected override string GetTableQueryArrangedByInsertionTimeFieldAsc() =>
        $"select * from {TableName} {BuildWhereStatement()} order by \"{InsertionTimeField}\" asc"; // expect: dynamic

    /// <inheritdoc />
    protected override string GetTableQueryWithoutRegardToInsertionTimeField() =>
        $"select * from {TableName} {BuildWhereStatement()}"; // expect: dynamic

    /// <inheritdoc />
    protected override string GetLatestTableRowQuery() =>
        $"select * from {TableName} {BuildWhereStatement()} order by \"{InsertionTimeField}\" desc LIMIT 1"; // expect: dynamic

    /// <inheritdoc />
    protected override string GetTimeFieldSqlFormat(DateTime time) =>
        $"TO_TIMESTAMP('{time:dd-MM-yyyy HH:mm:ss}', 'DD/MM/YYYY hh24:mi:ss')"; // expect: fragment

    private string BuildWhereStatement()
    {
        if (WhereStatement == null)
            return FilterFromStartTime
                ? $"where {BuildInsertionTimeFieldName()} > '{StartTimeDbTimeZone:O}'::timestamp" // expect: fragment
                : string.Empty;
        return FilterFromStartTime
            ? $"where ({BuildInsertionTimeFieldName()} > '{StartTimeDbTimeZone:O}'::timestamp) and ({WhereStatement})" // expect: fragment
            : $"where {WhereStatement}"; // expect: fragment
    }

    private string BuildInsertionTimeFieldName() => _isInsertionTimeFieldTimeZoneTz
        ? $"\"{InsertionTimeField}\" AT TIME ZONE 'UTC'" // expect: fragment
        : $"\"{InsertionTimeField}\"";

    /// <inheritdoc />
    public DetailedData<object> Send(Data<object> dataToSend)
    {
        RowInsertIntoTable(GetDataTableFromRawDataChunk([dataToSend]));
        return dataToSend.CloneDetailed();
    }
}
}

// ---------------------------------------------------------------- (b) id 30518424
namespace Content.Server.Database
{

/// Listens for ban_notification containing the player id and the banning server id using postgres listen/notify.
/// Players a ban_notification got received for get banned, except when the current server id and the one in the notification payload match.

public sealed partial class ServerDbPostgres
{
    /// <summary>
    /// The list of notify channels to subscribe to.
    /// </summary>
    private static readonly string[] NotificationChannels =
    [
        BanManager.BanNotificationChannel,
    ];

    private static readonly TimeSpan ReconnectWaitIncrease = TimeSpan.FromSeconds(10);

    private readonly CancellationTokenSource _notificationTokenSource = new();

    private NpgsqlConnection? _notificationConnection;
    private TimeSpan _reconnectWaitTime = TimeSpan.Zero;

    /// <summary>
    /// Sets up the database connection and the notification handler
    /// </summary>
    private void InitNotificationListener(string connectionString)
    {
        _notificationConnection = new NpgsqlConnection(connectionString);
        _notificationConnection.Notification += OnNotification;

        var cancellationToken = _notificationTokenSource.Token;
        Task.Run(() => NotificationListener(cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Listens to the notification channel with basic error handling and reopens the connection if it got closed
    /// </summary>
    private async Task NotificationListener(CancellationToken cancellationToken)
    {
        if (_notificationConnection == null)
            return;

        _notifyLog.Verbose("Starting notification listener");

        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                if (_notificationConnection.State == ConnectionState.Broken)
                {
                    _notifyLog.Debug("Notification listener entered broken state, closing...");
                    await _notificationConnection.CloseAsync();
                }

                if (_notificationConnection.State == ConnectionState.Closed)
                {
                    _notifyLog.Debug("Opening notification listener connection...");
                    if (_reconnectWaitTime != TimeSpan.Zero)
                    {
                        _notifyLog.Verbose($"_reconnectWaitTime is {_reconnectWaitTime}");
                        await Task.Delay(_reconnectWaitTime, cancellationToken);
                    }

                    await _notificationConnection.OpenAsync(cancellationToken);
                    _reconnectWaitTime = TimeSpan.Zero;
                    _notifyLog.Verbose($"Notification connection opened...");
                }

                foreach (var channel in NotificationChannels)
                {
                    _notifyLog.Verbose($"Listening on channel {channel}");
                    await using var cmd = new NpgsqlCommand($"LISTEN {channel}", _notificationConnection); // expect: dynamic
                    await cmd.ExecuteNonQueryAsync(cancellationToken);
                }

                while (!cancellationToken.IsCancellationRequested)
                {
                    _notifyLog.Verbose("Waiting on notifications...");
                    await _notificationConnection.WaitAsync(cancellationToken);
                }
            }
            catch (OperationCanceledException)
            {
                // Abort loop on cancel.
                _notifyLog.Verbose($"Shutting down notification listener due to cancellation");
                return;
            }
            catch (Exception e)
            {
                _reconnectWaitTime += ReconnectWaitIncrease;
                _notifyLog.Error($"Error in notification listener: {e}");
            }
        }

        _notificationConnection.Dispose();
    }

    private void OnNotification(object _, NpgsqlNotificationEventArgs notification)
    {
        _notifyLog.Verbose($"Received notification on channel {notification.Channel}");
        NotificationReceived(new DatabaseNotification
        {
            Channel = notification.Channel,
            Payload = notification.Payload,
        });
    }

    public override void Shutdown()
    {
        _notificationTokenSource.Cancel();
        if (_notificationConnection == null)
            return;

        _notificationConnection.Notification -= OnNotification;
    }
}
}
