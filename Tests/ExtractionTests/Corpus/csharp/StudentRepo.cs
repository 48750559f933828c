// Source: a StudentManagement sample (StudentManagement.Infrastructure/Presistence/Repo/StudentRepo.cs,
// found with find_string, index id 53279432370; the index did not return the repository name).
// Excerpt: the class body (using directives trimmed). Code unchanged apart from labels.
// Classes: ordinary EF Core FromSqlRaw statements calling PostgreSQL set-returning functions,
//          placeholders (@p_class_Id bound through an NpgsqlParameter), decoys (the parameter
//          name "p_class_Id", error codes and messages).
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace StudentManagement.Infrastructure.Presistence.Repo
{
    public class StudentRepo : Repository<Student>, IStudentRepo
    {
        public StudentRepo(AppDbContext context,ILogger<StudentRepo> logger) :base(context,logger)
        {
        }
        public async Task<Result<List<StudentGradeModel>>> GetPassedStudentByClassId(int ClassId)
        {
            var param = new NpgsqlParameter("p_class_Id", ClassId);
            List<StudentGradeModel> result = await _Context.Set<StudentGradeModel>().FromSqlRaw("SELECT * FROM get_All_student_grades_By_class_Id(@p_class_Id)", param).ToListAsync(); // expect: static
            if (result.Count == 0) new Error("NoStudentPassedFunds",ErrorType.NotFound,"There Is No Result Yets");
            return result;
        }
        public async Task<Result<List<StudentGradeModel>>> GetAllPassedStudent()
        {
            List<StudentGradeModel> result = await _Context.Set<StudentGradeModel>().FromSqlRaw("SELECT * FROM get_All_student_grades()").ToListAsync(); // expect: static
            if (result.Count == 0) new Error("NoStudentPassedFunds",ErrorType.NotFound,"There Is No Result Yets");
            return result;
        }
    }
}
