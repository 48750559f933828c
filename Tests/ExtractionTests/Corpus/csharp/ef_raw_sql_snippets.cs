// Sources: excerpts of five C# files using EF Core raw SQL, found with find_string (the index
// did not return their repository names):
//   VestDinkPDFDAL.dadosPDF                          (index id 33693324525, complete file)
//   CheckAnswerService.Check                         (index id 20211222195, complete file)
//   a paper-search service (pg_trgm/pg_jieba setup)  (index id 27362880855)
//   SHOPINGER DocumentTypeList controller            (index id 12531443940)
//   a channel-boost operation handler                (index id 71163780660)
// Adapted: the method bodies are verbatim; they are gathered in one class for this corpus.
// Classes: dynamic (FromSqlRaw with "+" concatenation of an id or of a user-supplied filter),
//          short (ExecuteSqlRaw("CREATE EXTENSION pg_trgm")), T-SQL hints (WITH (UPDLOCK,
//          HOLDLOCK), [bracketed] names: hard case for a PostgreSQL parser), decoys (a
//          FromSqlRaw call inside a /* ... */ comment; FromSql($"{userQuery}") whose literal holds
//          no SQL text at all; lone keywords "DROP" / "SPECIAL" used as boost kinds; route
//          templates with {filter}/{id} holes).
using Microsoft.EntityFrameworkCore;

public class CorpusEfRawSql
{
    // --- VestDinkPDFDAL (index id 33693324525)
    public async Task<IList<VestVinculoDTO>> dadosPDF(int idUsuario)
    {
        return await _context.VestVinculo.FromSqlRaw("SELECT * FROM VestVinculo WHERE idUsuario = '" + idUsuario + "' AND status = 6").ToListAsync(); // expect: dynamic
    }

    // --- CheckAnswerService (index id 20211222195)
    public string Check(int taskNum, string userQuery)
    {
        using (TaskDbContext db = new TaskDbContext())
        {
            var taskQuery = db.Tasks.FromSqlRaw("SELECT * FROM Tasks").Where(x => x.taskNum == taskNum).ToList(); // expect: static
            foreach (var query in taskQuery)
                _answerQuery = query.correctAnswer;

            var userQueryRes = db.Users.FromSql($"{userQuery}").ToList();
        }
        return _answerQuery;
    }

    // --- paper-search service (index id 27362880855)
    public void Migrate()
    {
        if (!migrated)
        {
            try
            {
                this._context.Database.ExecuteSqlRaw("CREATE EXTENSION pg_trgm"); // expect: static
            }
            catch (Exception e) { }
            try
            {
                this._context.Database.ExecuteSqlRaw("CREATE EXTENSION pg_jieba"); // expect: static
            }
            catch (Exception e) { }
            migrated = true;
        }
    }

    public IAsyncEnumerable<Paper> PaperKeyword(IAsyncEnumerable<Paper> sql, List<String> Keywords)
    {
        return sql.Where(p => Keywords.All(i =>p. Keywords.Contains(i)));
        /*var ps = await _context.Papers.FromSqlRaw("select * from Papers where keyword <@ '{0}'", Keywords)
            .ToListAsync();
        return ps;*/
    }

    // --- SHOPINGER DocumentTypeList controller (index id 12531443940)
    [HttpGet("/SHOPINGERDocumentTypeList/Filter/{filter}")]
    public async Task<string> GetDocumentTypeListByFilter(string filter) {
        List<DocumentTypeList> data;
        using (new TransactionScope(TransactionScopeOption.Required, new TransactionOptions {
            IsolationLevel = IsolationLevel.ReadUncommitted //with NO LOCK
        })) {
            data = new SHOPINGERContext().DocumentTypeLists.FromSqlRaw("SELECT * FROM DocumentTypeList WHERE 1=1 AND " + filter.Replace("+", " ")) // expect: dynamic
            .AsNoTracking().ToList();
        }

        return JsonSerializer.Serialize(data, new JsonSerializerOptions() { ReferenceHandler = ReferenceHandler.IgnoreCycles, WriteIndented = true });
    }

    // --- channel-boost handler (index id 71163780660)
    private async Task ApplyBoost(string kind, DateTime now)
    {
        if ((kind is "EXP" or "SPECIAL") && boost.ExpExpiresAt > now
            || (kind is "DROP" or "SPECIAL") && boost.DropExpiresAt > now)
        { Fail(operation, "boost_already_active"); return; }
        var sequence = db.Database.IsSqlServer()
            ? await db.ChannelBoostCursors.FromSqlRaw("SELECT * FROM [dbo].[channel_boost_cursor] WITH (UPDLOCK,HOLDLOCK) WHERE [id] = 1").SingleAsync() // expect: static
            : await db.ChannelBoostCursors.SingleAsync(x => x.Id == 1);
        sequence.LastEventCursor++;
    }
}
