// Source: four EF Core files using Database.SqlQueryRaw / ExecuteSqlRawAsync /
// ExecuteSqlInterpolatedAsync (the index gave no repository names; open them with read_file id=…):
//   (a) id 56147505141  MusicMarketplace.Services.AccessoriesService: PostgreSQL set-returning
//                       functions called with {0}…{11} format placeholders
//   (b) id 21598782996  SalesManagement2 TopForm (WinForms, Japanese comments), excerpt
//   (c) id 62662836     ProjectManagement.Infrastructure ProjectsRepository: NpgsqlParameter @x,
//                       `""Exists""` quoted alias, FormattableString + ExecuteSqlInterpolatedAsync,
//                       SELECT … FOR UPDATE OF p
//   (d) id 33125389806  Consilient.Employees.Services.EmployeeService, excerpt
// Classes: 4-placeholders (`{0}` format items turned into DbParameters by SqlQueryRaw /
//   ExecuteSqlRawAsync, @name with SqlParameter/NpgsqlParameter, `{x}` holes of a
//   FormattableString handed to ExecuteSqlInterpolatedAsync), statements in a local `sql`
//   (string or FormattableString), 6-dynamic (SqlQueryRaw<int>($"… FROM {strTbl}")), verbatim
//   strings opening on the call line (expect-next), 7-decoys (commented-out fncTableImport
//   calls, MessageBox / InvalidOperationException texts mentioning the database, LINQ
//   ExecuteDeleteAsync (no SQL text), Japanese comments
//   naming テーブル).
// Adaptations: concatenated under `// ---- (x)` separators; the `using` lines of (b)-(d) are
//   comments; (c)'s file-scoped namespace was given a block and GetApproval/Add left out; from
//   (b) only the field, constructor and fncTableImport were kept; from (d) DeleteAsync and
//   GetEmployeesWithVisitCountPerDayAsync were kept; `// expect-next:` comment lines were added
//   before verbatim strings whose opening line ends inside the literal.
// Decision (README-B.md): SqlQueryRaw/ExecuteSqlRawAsync with a plain string holding `{0}` and
//   arguments bind the arguments (static); SqlQueryRaw($"…{x}…") splices text (dynamic, Round 3
//   decision 1); a FormattableString variable later passed to ExecuteSqlInterpolatedAsync binds
//   its holes (static).

// ---- (a) id 56147505141
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using MusicMarketplace.DTOs;
using MusicMarketplace.Models;

namespace MusicMarketplace.Services
{
    public class AccessoriesService
    {
        private readonly MusicMarketplaceContext _context;
        public AccessoriesService(MusicMarketplaceContext context) => _context = context;

        public async Task<List<AccessoryResponseDto>> GetAllAsync()
        {
            var sql = "SELECT * FROM get_all_accessories()"; // expect: static
            return await _context.Database.SqlQueryRaw<AccessoryResponseDto>(sql).ToListAsync();
        }

        public async Task<AccessoryResponseDto?> GetByIdAsync(int id)
        {
            var sql = "SELECT * FROM get_accessory_by_id({0})"; // expect: static
            return await _context.Database.SqlQueryRaw<AccessoryResponseDto>(sql, id).FirstOrDefaultAsync();
        }

        public async Task<AccessoryResponseDto> CreateAsync(AccessoryCreateUpdateDto dto)
        {
            var artistsJson = JsonSerializer.Serialize(dto.artistIds ?? new List<int>());
            var genresJson = JsonSerializer.Serialize(dto.genreIds ?? new List<int>());
            var sql = "SELECT * FROM create_accessory({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})"; // expect: static
            return await _context.Database.SqlQueryRaw<AccessoryResponseDto>(
                sql,
                dto.name,
                dto.price,
                dto.description,
                dto.stock,
                dto.manufacturer_id,
                dto.material,
                dto.color,
                dto.accessory_type,
                dto.weight,
                artistsJson,
                genresJson
            ).FirstOrDefaultAsync();
        }

        public async Task<bool> UpdateAsync(int id, AccessoryCreateUpdateDto dto)
        {
            var artistsJson = JsonSerializer.Serialize(dto.artistIds ?? new List<int>());
            var genresJson = JsonSerializer.Serialize(dto.genreIds ?? new List<int>());
            var sql = "SELECT update_accessory({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10}, {11})"; // expect: static
            var result = await _context.Database.ExecuteSqlRawAsync(
                sql,
                id,
                dto.name,
                dto.price,
                dto.description,
                dto.stock,
                dto.manufacturer_id,
                dto.material,
                dto.color,
                dto.accessory_type,
                dto.weight,
                artistsJson,
                genresJson
            );
            return true;
        }

        public async Task<bool> DeleteAsync(int id)
        {
            var sql = "SELECT delete_accessory({0})"; // expect: static
            var result = await _context.Database.ExecuteSqlRawAsync(sql, id);
            return result > 0;
        }
    }
}

// ---- (b) id 21598782996 (excerpt)
// using Microsoft.Data.SqlClient;
// using Microsoft.EntityFrameworkCore;
// using SalesManagement2.Common;
// using SalesManagement2.Model;
// using System.Data;
// using System.Text;

namespace SalesManagement2
{
    public partial class TopForm : Form
    {
        //メッセージ表示用クラスのインスタンス化
        MessageDsp msg = new MessageDsp();

        public TopForm()
        {
            //fncTableImport("M_Division");
            //fncTableImport("M_Position");
            //fncTableImport("M_Store");
            //fncTableImport("M_Staff");
            fncTableImport("M_Message");

            InitializeComponent();
        }

        ///////////////////////////////
        //メソッド名：fncTableImport()
        //引　数   ：なし
        //戻り値   ：なし
        //機　能   ：メッセージテーブルを確認しデータが
        //          ：存在していなければインポート
        ///////////////////////////////
        private void fncTableImport(string strTbl)
        {
            try
            {
                using (var context = new SalesContext())
                {
                    //DBのM_Messageテーブルデータ有無チェック
                    //データが存在していなけばデータをインポート
                    int cntMsg = context.Database.SqlQueryRaw<int>($"SELECT count(*) AS VALUE FROM {strTbl}").First(); // expect: dynamic
                    if (cntMsg > 0)
                    {
                        return;
                    }
                }
                TableDataImport TblImport = new TableDataImport();
                TblImport.DataImport(strTbl);
            }
            catch (Exception ex)
            {
                MessageBox.Show(ex.Message);
            }
        }

    }
}

// ---- (c) id 62662836
// using Microsoft.EntityFrameworkCore;
// using Npgsql;
// using ProjectManagement.Domain.Contracts;
// using ProjectManagement.Domain.ProjectContext;
// using ProjectManagement.Domain.ProjectContext.Entities.ProjectMembers.ValueObjects;
// using ProjectManagement.Domain.ProjectContext.Entities.ProjectTaskAssignments;
// using ProjectManagement.Domain.ProjectContext.Entities.ProjectTasks.ValueObjects;
// using ProjectManagement.Domain.ProjectContext.ValueObjects;
// using ProjectManagement.Domain.Utilities;
// using ProjectManagement.Infrastructure.Common;

namespace ProjectManagement.Infrastructure.ProjectContext
{

public sealed class ProjectsRepository(ApplicationDbContext context) : IProjectsRepository
{
    private ApplicationDbContext Context { get; } = context;
    
    public async Task<Result<Project, Nothing>> GetProject(Guid id, bool withLock = false, CancellationToken ct = default)
    {
        Result<ProjectId, Error> idVo = ProjectId.Create(id);
        if (idVo.IsFailure) return Failure<Project, Nothing>(new Nothing());
        
        if (withLock) await BlockProjectRow(idVo.OnSuccess, ct);
        Project? project = await Context.Projects
            .Include(p => p.Tasks).ThenInclude(t => t.Assignments)
            .Include(p => p.Members).ThenInclude(m => m.Assignments)
            .Include(p => p.Ownership)
            .FirstOrDefaultAsync(p => p.Id == idVo.OnSuccess, ct);
        
        return project is null ? Failure<Project, Nothing>(new Nothing()) : Success<Project, Nothing>(project);
    }
    
    public async Task<bool> Exists(ProjectTaskAssignment assignment, CancellationToken ct = default)
    {
        Guid memberId = assignment.MemberId.Value;
        Guid taskId = assignment.TaskId.Value;
        NpgsqlParameter memberIdParam = new("@memberId", memberId);
        NpgsqlParameter taskIdParam = new("@taskId", taskId);
        // expect-next: static
        AssignmentExistsResult result = await Context.Database.SqlQueryRaw<AssignmentExistsResult>(@"
        SELECT EXISTS(SELECT 1 FROM project_task_assigmnets p 
                                WHERE p.member_id = @memberId AND p.task_id = @taskId
                                ) as ""Exists""
         ", memberIdParam, taskIdParam).FirstAsync(ct);
        return result.Exists;
    }

    private async Task BlockProjectRow(ProjectId id, CancellationToken ct)
    {
        Guid primitiveId = id.Value;
        // expect-next: static
        FormattableString sql = $@"
                SELECT p.id as project_id
                FROM projects p
                    WHERE p.id = {primitiveId}
                    FOR UPDATE OF p              
          ";
        await Context.Database.ExecuteSqlInterpolatedAsync(sql, ct);
    }

    private sealed class AssignmentExistsResult
    {
        public bool Exists { get; set; }
    }
}

}

// ---- (d) id 33125389806 (excerpt)
// using Consilient.Data;
// using Consilient.Data.Entities;
// using Consilient.Employees.Contracts;
// using Consilient.Employees.Contracts.Dtos;
// using Consilient.Employees.Contracts.Requests;
// using Mapster;
// using Microsoft.Data.SqlClient;
// using Microsoft.EntityFrameworkCore;

namespace Consilient.Employees.Services
{
    public class EmployeeService(ConsilientDbContext dataContext) : IEmployeeService
    {
        public async Task<bool> DeleteAsync(int id)
        {
            if (id <= 0)
            {
                return false;
            }
            try
            {
                var affected = await dataContext.Employees
                    .Where(e => e.Id == id)
                    .ExecuteDeleteAsync();

                return affected > 0;
            }
            catch (DbUpdateException ex)
            {
                throw new InvalidOperationException("Failed to delete employee. Related data or database constraints may prevent deletion.", ex);
            }
        }

        public async Task<List<EmployeeVisitCountDto>> GetEmployeesWithVisitCountPerDayAsync(DateOnly date)
        {
            // expect-next: static
            var result = await dataContext.Database.SqlQueryRaw<EmployeeVisitCountDto>(@"
                SELECT * FROM (
                    SELECT
                        PR.Id AS ProviderId,
                        PR.LastName AS ProviderLastName,
                        PR.FirstName AS ProviderFirstName,
                        PR.Type AS ProviderType,
                        F.Id AS FacilityId,
                        F.Abbreviation AS FacilityAbbreviation,
                        P.Id AS PatientId,
                        PF.Mrn AS PatientMRN,
                        P.LastName AS PatientLastName,
                        P.FirstName AS PatientFirstName,
                        V.Id AS VisitId,
                        V.DateServiced,
                        V.Room,
                        V.Bed
                    FROM Clinical.Providers AS PR
                    INNER JOIN Clinical.VisitAttendants AS VA
                        ON PR.Id = VA.ProviderId
                    INNER JOIN Clinical.Visits AS V
                        ON VA.VisitId = V.Id
                    INNER JOIN Clinical.Hospitalizations AS H
                        ON H.Id = V.HospitalizationId
                    INNER JOIN Clinical.Facilities AS F
                        ON F.Id = H.FacilityId
                    INNER JOIN Clinical.Patients AS P
                        ON P.Id = H.PatientId
                    INNER JOIN Clinical.PatientFacilities AS PF
                        ON PF.PatientId = P.Id AND PF.FacilityId = F.Id
                    WHERE V.DateServiced = @date
                ) AS Result
                ORDER BY DateServiced, ProviderLastName, ProviderFirstName, PatientLastName, PatientFirstName
            ", new SqlParameter("@date", date)).ToListAsync();
            return result;
        }
    }
}
