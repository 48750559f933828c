// Source: HangfireIO/Hangfire, src/Hangfire.SqlServer/CountersAggregator.cs
// (read_file id 43346897504, commit 003357b1d4e7d32cfafdd3439cfde498ae65c852), LGPL-3.0.
// Whole file as found; only this header, one trailing expect-next comment (on the
// `GetQueryFromTemplate(static schemaName =>` line) and eight in-literal T-SQL comment labels
// were added (the last one before the literal's closing quote: `COMMIT TRAN -- …");`).
// Classes: Hangfire (background jobs) SQL Server storage; ADO.NET DbCommand via the project's
// CreateCommand/AddParameter extensions; one interpolated verbatim string `$@"…"` opening at the
// start of a line (expect-next on the line before) holding nine T-SQL statements: DECLARE of a
// table variable, SET XACT_ABORT / TRANSACTION ISOLATION LEVEL / DEADLOCK_PRIORITY / NOCOUNT,
// BEGIN TRAN, DELETE TOP (@count) … OUTPUT … INTO @table FROM [{schemaName}].[Counter] WITH
// (READPAST, XLOCK, INDEX(0)), `;MERGE [{schemaName}].[AggregatedCounter] … WHEN MATCHED THEN
// UPDATE … WHEN NOT MATCHED THEN INSERT`, COMMIT TRAN. Per-statement kinds (README decision 1):
// the two statements with the `{schemaName}` hole are dynamic, the seven without are static.
// @name parameters; T-SQL brackets (hard). Decoys: log texts "Aggregating records in 'Counter'
// table...", "Records from the 'Counter' table aggregated.", parameter names "@now"/"@count",
// comments about a clustered index on [Key].
// This file is part of Hangfire. Copyright © 2015 Hangfire OÜ.
// 
// Hangfire is free software: you can redistribute it and/or modify
// it under the terms of the GNU Lesser General Public License as 
// published by the Free Software Foundation, either version 3 
// of the License, or any later version.
// 
// Hangfire is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU Lesser General Public License for more details.
// 
// You should have received a copy of the GNU Lesser General Public 
// License along with Hangfire. If not, see <http://www.gnu.org/licenses/>.

using System;
using System.Data;
using System.Threading;
using Hangfire.Common;
using Hangfire.Logging;
using Hangfire.Server;

namespace Hangfire.SqlServer
{
#pragma warning disable 618
    internal sealed class CountersAggregator : IServerComponent, IBackgroundProcess
#pragma warning restore 618
    {
        // This number should be high enough to aggregate counters efficiently,
        // but low enough to not to cause large amount of row locks to be taken.
        // Lock escalation to page locks may pause the background processing.
        private const int NumberOfRecordsInSinglePass = 1000;
        private static readonly TimeSpan DelayBetweenPasses = TimeSpan.FromMilliseconds(500);

        private readonly ILog _logger = LogProvider.For<CountersAggregator>();
        private readonly SqlServerStorage _storage;
        private readonly TimeSpan _interval;

        public CountersAggregator(SqlServerStorage storage, TimeSpan interval)
        {
            if (storage == null) throw new ArgumentNullException(nameof(storage));

            _storage = storage;
            _interval = interval;
        }

        public void Execute(BackgroundProcessContext context)
        {
            if (context.Storage is not SqlServerStorage storage)
            {
                return;
            }

            ExecuteCore(storage, context.StoppingToken);
        }

        public void Execute(CancellationToken cancellationToken)
        {
            ExecuteCore(_storage, cancellationToken);
        }

        private void ExecuteCore(SqlServerStorage storage, CancellationToken cancellationToken)
        {
            _logger.Debug("Aggregating records in 'Counter' table...");

            int removedCount;

            do
            {
                removedCount = storage.UseConnection(static (storage, connection) =>
                {
                    using var command = connection.CreateCommand(GetAggregationQuery(storage), timeout: 0)
                        .AddParameter("@now", DateTime.UtcNow, DbType.DateTime)
                        .AddParameter("@count", NumberOfRecordsInSinglePass, DbType.Int32);

                    return command.ExecuteNonQuery();
                });

                if (removedCount >= NumberOfRecordsInSinglePass)
                {
                    cancellationToken.Wait(DelayBetweenPasses);
                    cancellationToken.ThrowIfCancellationRequested();
                }
                // ReSharper disable once LoopVariableIsNeverChangedInsideLoop
            } while (removedCount >= NumberOfRecordsInSinglePass);

            _logger.Trace("Records from the 'Counter' table aggregated.");

            cancellationToken.Wait(_interval);
        }

        public override string ToString()
        {
            return GetType().ToString();
        }

        private static string GetAggregationQuery(SqlServerStorage storage)
        {
            // Starting from SQL Server 2014 it's possible to get a query with
            // much lower cost by adding a clustered index on [Key] column.
            // However extended support for SQL Server 2012 SP4 ends only on
            // July 12, 2022.
            return storage.GetQueryFromTemplate(static schemaName => // expect-next: static
$@"DECLARE @RecordsToAggregate TABLE
(
	[Key] NVARCHAR(100) COLLATE DATABASE_DEFAULT NOT NULL,
	[Value] INT NOT NULL,
	[ExpireAt] DATETIME NULL
)

SET XACT_ABORT ON -- expect: static
SET TRANSACTION ISOLATION LEVEL READ COMMITTED -- expect: static
SET DEADLOCK_PRIORITY LOW -- expect: static
BEGIN TRAN -- expect: static

DELETE TOP (@count) C -- expect: dynamic
OUTPUT DELETED.[Key], DELETED.[Value], DELETED.[ExpireAt] INTO @RecordsToAggregate
FROM [{schemaName}].[Counter] C WITH (READPAST, XLOCK, INDEX(0))

SET NOCOUNT ON -- expect: static

;MERGE [{schemaName}].[AggregatedCounter] WITH (FORCESEEK, HOLDLOCK) AS [Target] -- expect: dynamic
USING (
	SELECT [Key], SUM([Value]) as [Value], MAX([ExpireAt]) AS [ExpireAt] FROM @RecordsToAggregate
	GROUP BY [Key]) AS [Source] ([Key], [Value], [ExpireAt])
ON [Target].[Key] COLLATE DATABASE_DEFAULT = [Source].[Key] COLLATE DATABASE_DEFAULT
WHEN MATCHED THEN UPDATE SET 
	[Target].[Value] = [Target].[Value] + [Source].[Value],
	[Target].[ExpireAt] = (SELECT MAX([ExpireAt]) FROM (VALUES ([Source].ExpireAt), ([Target].[ExpireAt])) AS MaxExpireAt([ExpireAt]))
WHEN NOT MATCHED THEN INSERT ([Key], [Value], [ExpireAt]) VALUES ([Source].[Key], [Source].[Value], [Source].[ExpireAt]);

COMMIT TRAN -- expect: static");
        }
    }
}

