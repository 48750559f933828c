// Source: EF Core code found with find_string 'ExecuteSqlInterpolatedAsync($"' and '.FromSqlRaw($"'
// (index ids 68380669232, 55353262922 [Adeeb.Modules.Students…], 65838460652, 26802150722,
// 483505982, 70886447387, 34715537503, 29506183108, 16188317278, 21488251408, 10865564683
// [HollywoodBets.Repository…], 49307200423 [KorobiShop.Controllers], 5871026833); repository
// names not returned. Excerpts verbatim (one or more methods per file), concatenated, each in
// its own class. Adaptation: where the excerpt did not show the enclosing class, a class name
// was made up (ReadStateService, FactStore, MoviesController, SchoolDbContext,
// PasswordRecoveryService, CrTempqaService, UsuarioController, SupervisorController,
// WinnersRepository, HomeController); id 16188317278 starts inside an action method, so its
// wrapper method Supervisors() is made up too and only its lines from `var DEPOfR` on are kept.
// Classes: EF Core raw SQL — FromSqlInterpolated-style APIs (Database.SqlQuery<T>($"""…"""),
//          ExecuteSqlInterpolatedAsync($"…{x}…"), $@"…" verbatim interpolated with ""quoted""
//          identifiers): the {holes} become DbParameters, so these statements are `static`
//          (README convention 6, as for Drizzle/PostgresNIO); FromSqlRaw($"…{x}…") — holes are
//          spliced into the text: `dynamic`; FromSqlRaw($"…") with a $ but no hole at all: `static`
//          (also when continued by + " …"); a wrapper RunSql(string) whose caller passes
//          $"EXECUTE dbo.… {id}" (dynamic) and whose body does FromSqlRaw($"{sqlFormat}") (no SQL
//          text: no label); two statements on one line (one label, convention 4), T-SQL (TOP {n},
//          CHECKSUM(NEWID()), SET @p = NEXT VALUE FOR, linked-server [A]..[B].[C] names, EXEC
//          sp_… — hard), PostgreSQL (ON CONFLICT, unnest({chunk}), pg_advisory_xact_lock, FOR
//          UPDATE, '{{}}' = an escaped '{}' JSON literal),
//          decoys (cache values $"{msgId}:{mentions}" and Split(':'), logger templates
//          "BatchIncrementMentions: {Count} users …", the provider name
//          "Npgsql.EntityFrameworkCore.PostgreSQL", message "successfully", Arabic department name,
//          "fact-owner:" key piece inside a hole, route attributes [HttpGet("GetAllMain_carousel")]).
using Microsoft.EntityFrameworkCore;

// ---------------------------------------------------------------- id 68380669232 (excerpt)
public sealed class ReadStateService
{
    /// <summary>
    /// Reads a value back, in either shape.
    /// </summary>
    /// <remarks>
    /// Two fields is the old encoding and still turns up: entries written before this change live out
    /// their TTL, and a deploy does not clear the cache. Treating a short value as an error would make
    /// every user's badges fail for up to two hours after the rollout, which is a worse bug than the
    /// one being fixed. A missing space reads as unknown, which is what it was.
    /// </remarks>
    private static (long msgId, int mentions, Guid? spaceId) DecodeCacheValue(string value)
    {
        var parts = value.Split(':');

        return (long.Parse(parts[0]),
                int.Parse(parts[1]),
                parts.Length > 2 && Guid.TryParse(parts[2], out var spaceId) ? spaceId : null);
    }

    public async Task AckAsync(Guid userId, Guid channelId, Guid? spaceId, long messageId, CancellationToken ct = default)
    {
        await using var ctx = await contextFactory.CreateDbContextAsync(ct);

        // An ack that does not move the mark forward updates nothing and returns no row.
        // expect-next: static
        var acked = await ctx.Database.SqlQuery<Guid?>($"""
            INSERT INTO "ChannelReadStates" ("UserId", "ChannelId", "SpaceId", "LastReadMessageId", "MentionCount", "UpdatedAt")
            VALUES ({userId}, {channelId},
                    COALESCE(CAST({spaceId} AS uuid),
                             (SELECT c."SpaceId" FROM "Channels" c WHERE c."Id" = {channelId} AND c."IsDeleted" = false)),
                    {messageId}, 0, now())
            ON CONFLICT ("UserId", "ChannelId") DO UPDATE
            SET "LastReadMessageId" = EXCLUDED."LastReadMessageId",
                "MentionCount"      = 0,
                "UpdatedAt"         = EXCLUDED."UpdatedAt",
                "SpaceId"           = COALESCE("ChannelReadStates"."SpaceId", EXCLUDED."SpaceId")
            WHERE "ChannelReadStates"."LastReadMessageId" < EXCLUDED."LastReadMessageId"
            RETURNING "SpaceId" AS "Value"
            """).ToListAsync(ct);

        if (acked.Count == 0)
            return;

        await UpdateCacheEntryAsync(userId, channelId, messageId, 0, acked[0]);
    }

    public async Task IncrementMentionsAsync(Guid userId, Guid channelId, Guid? spaceId, int delta = 1, CancellationToken ct = default)
    {
        await using var ctx = await contextFactory.CreateDbContextAsync(ct);

        // expect-next: static
        await ctx.Database.ExecuteSqlInterpolatedAsync($"""
            INSERT INTO "ChannelReadStates" ("UserId", "ChannelId", "SpaceId", "LastReadMessageId", "MentionCount", "UpdatedAt")
            VALUES ({userId}, {channelId}, CAST({spaceId} AS uuid), 0, {delta}, now())
            ON CONFLICT ("UserId", "ChannelId") DO UPDATE
            SET "MentionCount" = "ChannelReadStates"."MentionCount" + EXCLUDED."MentionCount",
                "UpdatedAt"    = EXCLUDED."UpdatedAt"
            """, ct);

        await InvalidateCacheAsync(userId);
    }

    public async Task BatchIncrementMentionsAsync(Guid spaceId, Guid channelId, IReadOnlyList<Guid> userIds, CancellationToken ct = default)
    {
        if (userIds.Count == 0) return;

        // Distinct because one upsert statement may not touch the same row twice.
        var distinct = userIds.Distinct().ToArray();

        await using var ctx = await contextFactory.CreateDbContextAsync(ct);

        foreach (var chunk in distinct.Chunk(RowsPerStatement))
        {
            // expect-next: static
            await ctx.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO "ChannelReadStates" ("UserId", "ChannelId", "SpaceId", "LastReadMessageId", "MentionCount", "UpdatedAt")
                SELECT t.id, {channelId}, {spaceId}, 0, 1, now()
                FROM unnest({chunk}) AS t(id)
                ON CONFLICT ("UserId", "ChannelId") DO UPDATE
                SET "MentionCount" = "ChannelReadStates"."MentionCount" + 1,
                    "UpdatedAt"    = EXCLUDED."UpdatedAt"
                """, ct);
        }

        await using var conn = redis.Rent();
        var cache = conn.GetDatabase(CacheDbId);
        var keys = distinct.Select(uid => (RedisKey)GetCacheKey(uid)).ToArray();
        await cache.KeyDeleteAsync(keys);

        logger.LogDebug("BatchIncrementMentions: {Count} users for channel {ChannelId}", distinct.Length, channelId);
    }

    /// <summary>
    /// The members are walked in <c>UserId</c> order, one upsert per slice of
    /// <paramref name="rowsPerStatement"/>, so no single transaction writes every member row of a large space.
    /// </summary>
    public async Task BumpEveryoneMentionsAsync(Guid spaceId, Guid channelId, Guid senderId, int rowsPerStatement, CancellationToken ct = default)
    {
        await using var ctx = await contextFactory.CreateDbContextAsync(ct);

        // The nil uuid sorts below every member id and the all-ones uuid above every one.
        var after = Guid.Empty;

        while (true)
        {
            // expect-next: static
            var bound = await ctx.Database.SqlQuery<Guid>($"""
                SELECT m."UserId" AS "Value"
                FROM "UsersToServerRelations" m
                WHERE m."SpaceId" = {spaceId}
                  AND m."IsDeleted" = false
                  AND m."UserId" > {after}
                ORDER BY m."UserId"
                OFFSET {rowsPerStatement - 1L} LIMIT 1
                """).ToListAsync(ct);

            var last = bound.Count == 0;
            var upTo = last ? LastUuid : bound[0];

            // Member enumeration plus the mute(All)/suppress-everyone exclusion all run in SQL, so the
            // member list is never materialized in the silo heap. Semantics mirror IncrementMentionsAsync:
            //   existing row -> MentionCount += 1, UpdatedAt = now
            //   missing row  -> LastReadMessageId = 0, MentionCount = 1, UpdatedAt = now
            // The mute/suppress predicates mirror MuteSettingsService.FilterMutedUsersAsync and the
            // SuppressEveryone query in ChannelGrain.ProcessMentionsAsync. IsDeleted is filtered
            // explicitly because raw SQL bypasses the global soft-delete query filter.
            // expect-next: static
            await ctx.Database.ExecuteSqlInterpolatedAsync($@"
INSERT INTO ""ChannelReadStates"" (""UserId"", ""ChannelId"", ""SpaceId"", ""LastReadMessageId"", ""MentionCount"", ""UpdatedAt"")
SELECT m.""UserId"", {channelId}, {spaceId}, 0, 1, now()
FROM ""UsersToServerRelations"" m
WHERE m.""SpaceId"" = {spaceId}
  AND m.""IsDeleted"" = false
  AND m.""UserId"" > {after}
  AND m.""UserId"" <= {upTo}
  AND m.""UserId"" <> {senderId}
  AND NOT EXISTS (
      SELECT 1 FROM ""MuteSettings"" mu
      WHERE mu.""UserId"" = m.""UserId""
        AND (mu.""TargetId"" = {channelId} OR mu.""TargetId"" = {spaceId})
        AND mu.""MuteLevel"" = {(int)MuteLevel.All}
        AND (mu.""MuteExpiresAt"" IS NULL OR mu.""MuteExpiresAt"" > now()))
  AND NOT EXISTS (
      SELECT 1 FROM ""MuteSettings"" su
      WHERE su.""UserId"" = m.""UserId""
        AND su.""SuppressEveryone"" = true
        AND (su.""TargetId"" = {spaceId} OR su.""TargetId"" = {channelId}))
ON CONFLICT (""UserId"", ""ChannelId"")
DO UPDATE SET ""MentionCount"" = ""ChannelReadStates"".""MentionCount"" + 1,
              ""UpdatedAt"" = EXCLUDED.""UpdatedAt""", ct);

            if (last)
                break;

            after = upTo;
        }

        // No per-user cache invalidation here: this path only runs for very large spaces where
        // enumerating affected users would defeat the heap-free goal. Those read_state caches
        // refresh on their 2h TTL. Spaces below the inline cap keep immediate invalidation via
        // BatchIncrementMentionsAsync (see ChannelGrain.ProcessMentionsAsync).
        logger.LogDebug("BumpEveryoneMentions (set-based) for channel {ChannelId} in space {SpaceId}", channelId, spaceId);
    }

    private async Task UpdateCacheEntryAsync(Guid userId, Guid channelId, long messageId, int mentionCount, Guid? spaceId)
    {
        try
        {
            await using var conn = redis.Rent();
            var cache = conn.GetDatabase(CacheDbId);
            var cacheKey = GetCacheKey(userId);
            await cache.HashSetAsync(cacheKey, channelId.ToString(), EncodeCacheValue(messageId, mentionCount, spaceId));
            await cache.KeyExpireAsync(cacheKey, CacheExpiration);
        }
        catch (Exception ex)
        {
            logger.LogWarning(ex, "Failed to update read state cache for user {UserId}", userId);
        }
    }
}

// ---------------------------------------------------------------- id 55353262922 (complete)
internal static class StudentActivityPersistence
{
    public static bool UsesPostgres(StudentsDbContext db) =>
        string.Equals(
            db.Database.ProviderName,
            "Npgsql.EntityFrameworkCore.PostgreSQL",
            StringComparison.Ordinal);

    public static async Task UpsertAsync(
        StudentsDbContext db,
        Guid studentId,
        DateOnly localDate,
        string timeZoneId,
        DateTimeOffset seenAtUtc,
        CancellationToken cancellationToken)
    {
        if (UsesPostgres(db))
        {
            // expect-next: static
            await db.Database.ExecuteSqlInterpolatedAsync($"""
                INSERT INTO students.student_daily_activities
                    (student_id, local_date, time_zone_id, first_seen_at_utc, last_seen_at_utc)
                VALUES
                    ({studentId}, {localDate}, {timeZoneId}, {seenAtUtc}, {seenAtUtc})
                ON CONFLICT (student_id, local_date)
                DO UPDATE SET last_seen_at_utc = GREATEST(
                    students.student_daily_activities.last_seen_at_utc,
                    EXCLUDED.last_seen_at_utc)
                """, cancellationToken);
            return;
        }

        var existing = await db.DailyActivities
            .SingleOrDefaultAsync(
                activity => activity.StudentId == studentId && activity.LocalDate == localDate,
                cancellationToken);
        if (existing is null)
        {
            db.DailyActivities.Add(new StudentDailyActivity(studentId, localDate, timeZoneId, seenAtUtc));
        }
        else
        {
            existing.MarkSeen(seenAtUtc);
        }
    }
}

// ---------------------------------------------------------------- ids 65838460652, 26802150722, 483505982, 70886447387 (excerpts)
public class FactStore
{
    private async Task Atomic(string ownerId, Func<Task> action, CancellationToken ct = default)
    {
        var ownsTransaction = db.Database.CurrentTransaction is null;
        await using var transaction = ownsTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            // One owner lock makes legacy takeover, batches, and App resolution serializable together.
            await db.Database.ExecuteSqlInterpolatedAsync($"SELECT pg_advisory_xact_lock(hashtextextended({"fact-owner:" + ownerId}, 0))", ct); // expect: static
            await AppCatalogLock.AcquireAsync(db, ct);
            await action();
            if (transaction is not null) await transaction.CommitAsync(ct);
        }
        catch
        {
            if (transaction is not null) await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
            throw;
        }
    }
}

public class MoviesController
{
        public async Task<ActionResult> Put(Movie movie)
        {
            var MovieDb = await context.Movies.FirstOrDefaultAsync(x => x.Id == movie.Id);
            if (MovieDb == null) { return NotFound(); }

            
            MovieDb = mapper.Map(movie, MovieDb);

            if (!string.IsNullOrWhiteSpace(movie.Poster))
            {
                var moviePoster = Convert.FromBase64String(movie.Poster);
                MovieDb.Poster = await fileStorageService.EditFile(moviePoster,
                    "jpg", containerName, MovieDb.Poster);
            }

            await context.Database.ExecuteSqlInterpolatedAsync($"delete from MoviesActors where MovieId = {movie.Id}; delete from MoviesGenres where MovieId = {movie.Id} "); // expect: static

            if (movie.MoviesActors != null)
            {
                for (int i = 0; i < movie.MoviesActors.Count; i++)
                {
                    movie.MoviesActors[i].Order = i + 1;
                }
            }

            MovieDb.MoviesActors = movie.MoviesActors;
            MovieDb.MoviesGenres = movie.MoviesGenres;

            await context.SaveChangesAsync();
            return NoContent();

        }
}

public class SchoolDbContext
{
        public virtual async Task<string> GetNextPcn() {
            var result = new SqlParameter { 
                SqlDbType = System.Data.SqlDbType.Int,
                Direction = System.Data.ParameterDirection.Output
            };

            await Database.ExecuteSqlInterpolatedAsync($"set {result} = next value for dbo.Pcn"); // expect: static

            return result.Value.ToString();
        }
}

public class PasswordRecoveryService
{
    public async Task RequestAsync(string email, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var normalized = email.Trim().ToLowerInvariant();
        var user = await db.Users.SingleOrDefaultAsync(x => x.Email.ToLower() == normalized && x.Status == UserStatus.Active, ct);
        if (user == null) return;
        await using var transaction = db.Database.IsRelational() ? await db.Database.BeginTransactionAsync(ct) : null;
        if (transaction != null) await db.Database.ExecuteSqlInterpolatedAsync($"SELECT 1 FROM \"Users\" WHERE \"Id\" = {user.Id} FOR UPDATE", ct); // expect: static
        // A durable per-recipient bound supplements the anonymous IP limiter.
        if (await db.Set<PasswordRecovery>().CountAsync(x => x.UserId == user.Id && x.CreatedAt > now.AddMinutes(-15), ct) >= 3) return;
    }
}

// ---------------------------------------------------------------- ids 34715537503, 29506183108, 16188317278, 21488251408 (excerpts): FromSqlRaw with holes
public class CrTempqaService
{
        private string blockUsscc(string livrea)
        {
            string message = "successfully";

            try
            {
                List<CrTemp> crTemps = _avroraWMSContext.CrTemps.FromSqlRaw($"SELECT * FROM[WMS_ORACLE]..[STK511TRN].[CR_TEMPQA] update [WMS_ORACLE]..[STK511TRN].[CR_TEMPQA] set BLOCK = '0' Where USSCC In(SELECT USSCC FROM CR_TEMPQA Where LIVREA = {livrea})").ToList(); // expect: dynamic
            }
            catch (Exception e)
            {
                message = e.Message;
            }

            return message;
        }
}

public class UsuarioController
{
        // api/usuario/loginUsuario
        [System.Web.Mvc.ValidateInput(false)]
        [HttpPost("loginUsuario")]
        public async Task<ActionResult<RespuestaAutenticacion>> LoginUsuario(
            [FromBody] LoginRequest request)
        {
            try
            {
                string passwordEncriptado = Encrypt.GetSHA256(request.Password);

                var result = await _context.Autenticacion
                    .FromSqlRaw($"EXEC sp_usuario @i_accion='LG', @i_usuario='{request.Usuario}', @i_password='{passwordEncriptado}'").ToListAsync(); // expect: dynamic
                
                if (result.Count > 0)
                {
                    var token = ConstruirToken(request);
                    return Ok(token);
                }
                return StatusCode(StatusCodes.Status401Unauthorized, new { token = "" });
            }
            catch (Exception e)
            {
                return BadRequest(e.Message);
            }
        }
}

public class SupervisorController
{
        public IActionResult Supervisors()
        {
            var DEPOfR = _DbContext.Departments.Where(item => item.Branch_BranchId == Branch.BranchId && item.DepartmentName.Equals("قسم ادارة مشرفين التدريب")).FirstOrDefault();


            IEnumerable<UserAcount> Employees = Enumerable.Empty<UserAcount>(); ;


            if (DEPOfR != null)
            {

                Employees = _DbContext.UserAcounts.FromSqlRaw($"Select * from UserAcounts WHERE UserId IN (Select UserAccount_UserId from Employees WHERE Department_DepartmentId = {DEPOfR.DepartmentId});").ToList(); // expect: dynamic


            }



            return View(Employees);
        }
}

public class WinnersRepository
{
        public async Task<List<Winners>> GetRandomWinners()
        {
            int numberOfRandomWinners = 2;

            var randomWinners = await _dbContext.Winners
                .FromSqlRaw($"SELECT TOP {numberOfRandomWinners} * FROM Winners ORDER BY CHECKSUM(NEWID())") // expect: dynamic
                .Include(winner => winner.prizes)
                .Include(winner => winner.user)
                .ToListAsync();

            return randomWinners;
        }
}

// ---------------------------------------------------------------- id 10865564683 (complete from the class on): wrapper
namespace HollywoodBets.Repository.Repository.Implementation
{
    public class BetTypeRepository :IBetType , ISqlRun<BetType>
    {
        private IDb _dbService;
        public BetTypeRepository(IDb dbService)
        {
            _dbService = dbService;
        }

        public IQueryable<BetType> GetBetTypesForTournament(int? tournamentId)
        {
            return RunSql($"EXECUTE dbo.GetBetTypesForTournament {tournamentId}"); // expect: dynamic
        }

        public IQueryable<BetType> RunSql(string sqlFormat)
        {
            return _dbService.dBContext().BetType.FromSqlRaw($"{sqlFormat}").AsQueryable();
        }
    }
}

// ---------------------------------------------------------------- ids 49307200423, 5871026833 (excerpts): FromSqlRaw($"…") without holes
namespace KorobiShop.Controllers
{
    [Route("api/")]
    [ApiController]
    public class Banner_main_carouselController : Controller
    {
        [HttpGet("GetAllMain_carousel")]
        public IEnumerable<Banner_main_carousel> GetAllMain_carousel()
        {

            try
            {
                return _context.banner_main_carousel.FromSqlRaw($"SELECT id , ISNULL(title, '') as title , ISNULL(subtitle, '') as subtitle, ISNULL(description, '') as description, " + // expect: static
             " ISNULL(image, '') as image, ISNULL(link, '') as link  FROM banner_main_carousel WHERE active = 1 ").ToList();

            }
            catch (Exception)
            {

                throw;
            }
        }
    }
}

public class HomeController : Controller
{
        public async Task<IActionResult> Index()
        {
           List<Photos> photo = _context.Photos
                 .FromSqlRaw($"SELECT * FROM Photos order by DateAdded desc;") // expect: static
             .ToList();
            return View(photo.Take(5));

        }
}
