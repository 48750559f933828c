// Source: duplicati/duplicati, Duplicati/Library/Main/Database/LocalListAffectedDatabase.cs
// (read_file id 34611524085, commit 044110318ba4245cd43e000f17b98c50df25fa40), MIT. Whole file, as found,
// except that the blank line before the first `var sql = FormatInvariant($@"…` was replaced by a comment
// line holding only its label (the code's line count is unchanged).
// Classes: ADO.NET-style m_connection.CreateCommand(sql) on SQLite; multi-line C# verbatim interpolated
// strings ($@"…") with "" quoted identifiers passed to FormatInvariant, three of them with no hole (static,
// expect-next on the line before), one with a {string.Join(" OR ", …)} hole building LIKE conditions
// (dynamic; the condition inside the hole is part of that statement's text, unlabelled); deep IN (SELECT …)
// nesting, UNION, `||` concatenation and CASE; @Names list expanded by ExpandInClauseParameter; parameter
// names, a LIKE pattern ("%" + x + "%") and exception messages as decoys.
// Copyright (C) 2025, The Duplicati Team
// https://duplicati.com, hello@duplicati.com
//
// Permission is hereby granted, free of charge, to any person obtaining a
// copy of this software and associated documentation files (the "Software"),
// to deal in the Software without restriction, including without limitation
// the rights to use, copy, modify, merge, publish, distribute, sublicense,
// and/or sell copies of the Software, and to permit persons to whom the
// Software is furnished to do so, subject to the following conditions:
//
// The above copyright notice and this permission notice shall be included in
// all copies or substantial portions of the Software.
//
// THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS
// OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
// FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
// AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
// LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING
// FROM, OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER
// DEALINGS IN THE SOFTWARE.

#nullable enable

using System;
using System.Linq;
using System.Collections.Generic;
using System.Threading.Tasks;

namespace Duplicati.Library.Main.Database
{
    internal class LocalListAffectedDatabase : LocalDatabase
    {
        public static async Task<LocalListAffectedDatabase> CreateAsync(string path, long pagecachesize)
        {
            var db = new LocalListAffectedDatabase();

            db = (LocalListAffectedDatabase)await CreateLocalDatabaseAsync(db, path, "ListAffected", false, pagecachesize);
            db.ShouldCloseConnection = true;

            return db;
        }

        private class ListResultFileset : Interface.IListResultFileset
        {
            public long Version { get; set; }
            public int IsFullBackup { get; set; }
            public DateTime Time { get; set; }
            public long FileCount { get; set; }
            public long FileSizes { get; set; }
        }

        private class ListResultFile : Interface.IListResultFile
        {
            public required string Path { get; set; }
            public required IEnumerable<long>? Sizes { get; set; }
        }

        private class ListResultRemoteLog : Interface.IListResultRemoteLog
        {
            public required DateTime Timestamp { get; set; }
            public required string Message { get; set; }
        }

        private class ListResultRemoteVolume : Interface.IListResultRemoteVolume
        {
            public required string Name { get; set; }
        }

        public IEnumerable<Interface.IListResultFileset> GetFilesets(IEnumerable<string> items)
        {
            var filesets = FilesetTimes.ToArray();
            var dict = new Dictionary<long, long>();
            for (var i = 0; i < filesets.Length; i++)
                dict[filesets[i].Key] = i;
            // expect-next: static
            var sql = FormatInvariant($@"SELECT DISTINCT ""FilesetID"" FROM (
SELECT ""FilesetID"" FROM ""FilesetEntry"" WHERE ""FileID"" IN ( SELECT ""ID"" FROM ""FileLookup"" WHERE ""BlocksetID"" IN ( SELECT ""BlocksetID"" FROM ""BlocksetEntry"" WHERE ""BlockID"" IN ( SELECT ""ID"" From ""Block"" WHERE ""VolumeID"" IN ( SELECT ""ID"" FROM ""RemoteVolume"" WHERE ""Name"" IN (@Names)))))
UNION
SELECT ""ID"" FROM ""Fileset"" WHERE ""VolumeID"" IN ( SELECT ""ID"" FROM ""RemoteVolume"" WHERE ""Name"" IN (@Names))
)");
            using (var tmptable = new TemporaryDbValueList(m_connection, null, items))
            using (var cmd = m_connection.CreateCommand(sql).ExpandInClauseParameter("@Names", tmptable))
            using (var rd = cmd.ExecuteReader())
                while (rd.Read())
                {
                    var v = dict[rd.ConvertValueToInt64(0)];
                    yield return new ListResultFileset()
                    {
                        Version = v,
                        Time = filesets[v].Value
                    };
                }
        }

        public IEnumerable<Interface.IListResultFile> GetFiles(IEnumerable<string> items)
        { // expect-next: static
            var sql = FormatInvariant($@"SELECT DISTINCT ""Path"" FROM (
SELECT ""Path"" FROM ""File"" WHERE ""BlocksetID"" IN (SELECT ""BlocksetID"" FROM ""BlocksetEntry"" WHERE ""BlockID"" IN (SELECT ""ID"" FROM ""Block"" WHERE ""VolumeID"" IN (SELECT ""ID"" from ""RemoteVolume"" WHERE ""Name"" IN (@Names))))
 UNION
SELECT ""Path"" FROM ""File"" WHERE ""MetadataID"" IN (SELECT ""ID"" FROM ""Metadataset"" WHERE ""BlocksetID"" IN (SELECT ""BlocksetID"" FROM ""BlocksetEntry"" WHERE ""BlockID"" IN (SELECT ""ID"" FROM ""Block"" WHERE ""VolumeID"" IN (SELECT ""ID"" from ""RemoteVolume"" WHERE ""Name"" IN (@Names)))))
 UNION
SELECT ""Path"" FROM ""File"" WHERE ""ID"" IN ( SELECT ""FileID"" FROM ""FilesetEntry"" WHERE ""FilesetID"" IN ( SELECT ""ID"" FROM ""Fileset"" WHERE ""VolumeID"" IN ( SELECT ""ID"" FROM ""RemoteVolume"" WHERE ""Name"" IN (@Names))))
) ORDER BY ""Path""");

            using (var tmptable = new TemporaryDbValueList(m_connection, null, items))
            using (var cmd = m_connection.CreateCommand(sql).ExpandInClauseParameter("@Names", tmptable))
            using (var rd = cmd.ExecuteReader())
                while (rd.Read())
                    yield return new ListResultFile()
                    {
                        Path = rd.ConvertValueToString(0) ?? throw new InvalidOperationException("Path is null"),
                        Sizes = null
                    };
        }

        public IEnumerable<Interface.IListResultRemoteLog> GetLogLines(IEnumerable<string> items)
        {
            using var cmd = m_connection.CreateCommand();

            foreach (var slice in items.Chunk(CHUNK_SIZE / 2))
            { // expect-next: dynamic
                var sql = FormatInvariant($@"
SELECT ""TimeStamp"", ""Message"" || ' ' || CASE WHEN ""Exception"" IS NULL THEN '' ELSE ""Exception"" END FROM ""LogData"" WHERE {string.Join(" OR ", slice.Select((x, i) => @$"""Message"" LIKE @Message{i}"))}
UNION
SELECT ""Timestamp"", ""Data"" FROM ""RemoteOperation"" WHERE ""Path"" IN (@Paths)");

                cmd.SetCommandAndParameters(sql);
                cmd.ExpandInClauseParameter("@Paths", items.ToArray());
                foreach ((var x, var i) in items.Select((x, i) => (x, i)))
                    cmd.SetParameterValue($"@Message{i}", "%" + x + "%");

                using (var rd = cmd.ExecuteReader())
                    while (rd.Read())
                        yield return new ListResultRemoteLog()
                        {
                            Timestamp = ParseFromEpochSeconds(rd.ConvertValueToInt64(0)),
                            Message = rd.ConvertValueToString(1) ?? ""
                        };
            }
        }

        public IEnumerable<Interface.IListResultRemoteVolume> GetVolumes(IEnumerable<string> items)
        { // expect-next: static
            var sql = FormatInvariant($@"SELECT DISTINCT ""Name"" FROM (
SELECT ""Name"" FROM ""Remotevolume"" WHERE ""ID"" IN ( SELECT ""VolumeID"" FROM ""Block"" WHERE ""ID"" IN ( SELECT ""BlockID"" FROM ""BlocksetEntry"" WHERE ""BlocksetID"" IN ( SELECT ""BlocksetID"" FROM ""FileLookup"" WHERE ""ID"" IN ( SELECT ""FileID"" FROM ""FilesetEntry"" WHERE ""FilesetID"" IN ( SELECT ""ID"" FROM ""Fileset"" WHERE ""VolumeID"" IN ( SELECT ""ID"" FROM ""RemoteVolume"" WHERE ""Name"" IN (@Names)))))))
UNION
SELECT ""Name"" FROM ""Remotevolume"" WHERE ""ID"" IN ( SELECT ""VolumeID"" FROM ""Block"" WHERE ""ID"" IN ( SELECT ""BlockID"" FROM ""BlocksetEntry"" WHERE ""BlocksetID"" IN ( SELECT ""BlocksetID"" FROM ""Metadataset"" WHERE ""ID"" IN ( SELECT ""MetadataID"" FROM ""FileLookup"" WHERE ""ID"" IN ( SELECT ""FileID"" FROM ""FilesetEntry"" WHERE ""FilesetID"" IN ( SELECT ""ID"" FROM ""Fileset"" WHERE ""VolumeID"" IN ( SELECT ""ID"" FROM ""RemoteVolume"" WHERE ""Name"" IN (@Names))))))))
)");

            using (var cmd = m_connection.CreateCommand(sql).ExpandInClauseParameter("@Names", items.ToArray()))
            using (var rd = cmd.ExecuteReader())
                while (rd.Read())
                    yield return new ListResultRemoteVolume()
                    {
                        Name = rd.ConvertValueToString(0) ?? ""
                    };
        }
    }
}

