// Sources: two Spring JdbcTemplate classes found with find_string 'jdbcTemplate.query("SELECT'
// (repository names not returned):
//   (a) com.rhr.heat.dao.ProblemRepo                  (index id 40714207898), complete
//   (b) com.RAGAdox.webapp.RestController             (index id 34913571458), complete
// Verbatim; concatenated into one file. Adaptation so that it stays one compilation unit: the
// package and import lines of (b) are kept as comments and its class lost its `public`.
// Classes: JdbcTemplate query / update / execute with ? placeholders, statements built only from
//          literal pieces joined with "+" at line starts (static, labelled on the first piece),
//          Postgres "offset ? limit ?", a statement with a typo "ioin problem_detail pd" (a bug
//          in the source: hard, invalid SQL), three ;-separated statements in one literal on one
//          line (one label, convention 4), short INSERT, decoys (commented-out
//          //jdbcTemplate.execute("CREATE TABLE …"), "Hii Boot", println text, rs.getString("name"),
//          @RequestMapping paths "/functionCall").

// ---------------------------------------------------------------- (a) id 40714207898
package com.rhr.heat.dao;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

import com.rhr.heat.dao.rowMappers.MachineProfileRowMapper;
import com.rhr.heat.dao.rowMappers.ProblemProfileRowMapper;
import com.rhr.heat.dao.rowMappers.ProblemRowMapper;
import com.rhr.heat.entity.Problem;
import com.rhr.heat.model.MachineProfile;
import com.rhr.heat.model.ProblemProfile;

import lombok.RequiredArgsConstructor;

@Repository
@RequiredArgsConstructor
public class ProblemRepo {
	private final JdbcTemplate jdbcTemplate;

	public List<Problem> findAll(){
		String sql = "SELECT * FROM problem"; // expect: static
		return jdbcTemplate.query(sql, new ProblemRowMapper());
	}

	public List<Problem> findProblemDetailProblems(UUID id){
		String sql = "SELECT p.title , p.description FROM problem p " // expect: static
				+ "join problem_detail_problem pdp on p.title = pdp.problem_title "
				+ "where pdp.problem_detail_id = ?";
		return jdbcTemplate.query(sql, new ProblemRowMapper(),id);
	}
	
	public List<ProblemProfile> findProblemsProfiles(String p,Integer begin,Integer end){
		return jdbcTemplate.query("select si.shift_date ,si.shift_order, " // expect: static
				+ "pd.machine ,pd.begin_time ,pd.end_time "
				+ "from problem p "
				+ "join problem_detail_problems pdp "
				+ "on p.title = pdp.problem_title "
				+ "ioin problem_detail pd "
				+ "on pd.id = pdp.problem_detail_id "
				+ "join shift_problem sp on sp.problem_id = pd.id "
				+ "join shift_id si on si.id = sp.shift_id "
				+ "where p.id in (select id "
				+ "from problems p where p.title = ?) "
				+ "order by si.shift_date desc offset ? limit ?",
				new ProblemProfileRowMapper(),p,begin,end);
	}
	
	public List<MachineProfile> findMachinesProfiles(String p,Integer begin,Integer end){
		return jdbcTemplate.query("select si.shift_date ,si.shift_order, " // expect: static
				+ "pd.begin_time ,pd.end_time,pd.id "
				+ "from problem_detail pd "
				+ "join shift_problem sp on sp.problem_id = pd.id "
				+ "join shift_id si on si.id = sp.shift_id "
				+ "where pd.id in (select id "
				+ "from problem_detail pd2 where pd2.machine  = ?) "
				+ "order by si.shift_date desc offset ? limit ?",
				new MachineProfileRowMapper(),p,begin,end).stream().map(m -> {
					m.setProblems(findProblemDetailProblems(m.getId()));
					return m;
				}).collect(Collectors.toList());
	}
	
	public Optional<Problem> findByTitle(String title) {
		String sql = "SELECT * FROM problem WHERE title = ?"; // expect: static
		return jdbcTemplate.query(sql,
				new ProblemRowMapper(),title).stream().findFirst();
	}
	
	public int deleteByTitle(String title) {
		String sql = "DELETE FROM problem WHERE title = ?"; // expect: static
		return jdbcTemplate.update(sql,title);
	}

	public List<String> saveAll(List<Problem> problems) {
		return problems.stream().map(p -> save(p))
				.collect(Collectors.toList());
	}

	public String save(Problem p) {
		jdbcTemplate.update("INSERT INTO problem(title,description) VALUES(?,?)", // expect: static
							p.getTitle(),
							p.getDescription());
		return p.getTitle();
	}
}

// ---------------------------------------------------------------- (b) id 34913571458
// package com.RAGAdox.webapp;

// import com.RAGAdox.webapp.Domain.Beer;
// import org.springframework.beans.factory.annotation.Autowired;
// import org.springframework.web.bind.annotation.RequestMapping;
// import javax.servlet.http.HttpServletResponse;
// import java.io.IOException;

@org.springframework.web.bind.annotation.RestController
class RestController {
    @Autowired
    private JdbcTemplate jdbcTemplate;

    @RequestMapping("/rest")
    public String index(){
        return "Hii Boot";
    }
    @RequestMapping("/functionCall")
    public void functionCall(HttpServletResponse response) throws IOException {
        System.out.println("\n\n\n there was a function called \n\n\n");
        

        //jdbcTemplate.execute("CREATE TABLE IF NOT EXISTS beers(name VARCHAR(100))");
        jdbcTemplate.execute("CREATE TABLE IF NOT EXISTS beers(name VARCHAR(100));INSERT INTO beers VALUES ('Rishi');INSERT INTO beers VALUES ('RAGAdox')"); // expect: static
        jdbcTemplate.execute("INSERT INTO beers VALUES ('Stella')"); // expect: static
        List<Beer> beers = jdbcTemplate.query("SELECT * FROM beers", (resultSet, rowNum) -> new Beer(resultSet.getString("name"))); // expect: static
        beers.forEach(System.out::println);
        response.sendRedirect("/rest");
    }

}
