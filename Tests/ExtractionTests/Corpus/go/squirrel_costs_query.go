// Source: a timesheet service's costs query builder, package costsquery (imports github.com/n-r-w/squirrel and
// github.com/SOTBI-LLC/sotbi.lib; found with find_string `sq.Expr("`, read_file id 61406582750; the index did not
// return the repository name). Complete file; unchanged apart from labels and one added comment line
// (an expect-next comment line before the LeftJoin whose raw string opens on its own line: that line cannot carry a
// trailing comment and the line before it already carries its own label).
// Classes: fragments handed to the squirrel builder — select expressions (COALESCE/CASE/to_char/casts/ROUND, labelled;
//          plain columns and `col AS alias` unlabelled), JOIN pieces (Join/LeftJoin with ON conditions, one built by
//          concatenation `NamedTable(…) + " ON …"`, a JoinClause with Prefix("LEFT JOIN (")/Suffix(") … ON …"),
//          a LATERAL subquery join in a multi-line raw string), WHERE conditions via sq.Expr with ?::date binds, two of
//          them built as alias+".date::date >= ?::date"; decoys (From("costs_real cr"), OrderBy("date"),
//          GroupBy("c2.user_id"), sq.Eq map keys alias + ".user_id", date layout "2006-01-02", "build sql: %w").
package costsquery

import (
	"fmt"

	sq "github.com/n-r-w/squirrel"

	"github.com/SOTBI-LLC/sotbi.lib/pkg/commonqueries"
	"github.com/SOTBI-LLC/sotbi.lib/pkg/filtering/squirrel_fltering"
	"github.com/SOTBI-LLC/sotbi.lib/pkg/utils"
)

// BuildSubordinatesCostsSQL builds the subordinates costs query used by excelgen and sotbisrv.
func BuildSubordinatesCostsSQL(prm utils.CostsRequestParams, filterModel string) (sql string, args []any, err error) {
	periodStart := prm.Start.Format("2006-01-02")
	periodEnd := prm.End.Format("2006-01-02")

	userTotals := buildSubordinatesPeriodTotals(periodStart, periodEnd)

	query := sq.
		Select(
			"cr.id",
			`users."user" as user_name`,
			`COALESCE(CASE WHEN (u1."user" IS NOT NULL) THEN CONCAT(u."user", ',', u1."user") ELSE u."user" END, '') AS debtor_group`, //nolint:lll // expect: fragment
			"cr.date",
			"to_char(cr.date, 'TMDay') as day_of_week", // expect: fragment
			"cr.user_id",
			"cr.debtor_id",
			"((cr.minutes_costs::text) || 'minutes')::interval as time", // expect: fragment
			"COALESCE(cr.description, '') AS description", // expect: fragment
			"cr.minutes_costs",
			"pd.name AS debtor_name",
			"pd.project_name",
			"cr.work_category_id",
			"wc.name as work_category_name",
			"COALESCE(us.unit1, '') as unit1", // expect: fragment
			"COALESCE(us.unit2, '') as unit2", // expect: fragment
			"COALESCE(user_totals.total_minutes, 0) AS total_minutes", // expect: fragment
			"COALESCE(ROUND(cr.minutes_costs::numeric / NULLIF(COALESCE(user_totals.total_minutes, 0), 0) * 100, 3), 0) AS minutes_share", //nolint:lll // expect: fragment
			"COALESCE(pos.name, '') AS position", // expect: fragment
		).
		From("costs_real cr").
		Join("users on cr.user_id = users.id"). // expect: fragment
		LeftJoin("work_categories wc ON wc.id = cr.work_category_id"). // expect: fragment
		LeftJoin("projects_debtors pd ON cr.debtor_id = pd.id"). // expect: fragment
		LeftJoin("plist ON pd.project_id = plist.id"). // expect: fragment
		LeftJoin("staffs s ON plist.group_id = s.id"). // expect: fragment
		LeftJoin("users u ON s.user_id = u.id"). // expect: fragment
		LeftJoin("staffs s1 ON plist.manager_id = s1.id"). // expect: fragment
		LeftJoin("users u1 ON s1.user_id = u1.id"). // expect: fragment
		LeftJoin(commonqueries.NamedTable(commonqueries.UsersStaffsLight, "us") + " ON cr.user_id = us.id"). // expect: fragment
		LeftJoin("staffs s3 ON s3.user_id = cr.user_id"). // expect: fragment
		JoinClause(userTotals.Prefix("LEFT JOIN (").Suffix(") user_totals ON user_totals.user_id = cr.user_id")). // expect: fragment
		// expect-next: fragment
		LeftJoin(`LATERAL (
    SELECT p.name
    FROM users_positions up
    JOIN positions p ON p.id = up.position_id
    WHERE up.user_id = cr.user_id AND up.date <= cr.date
    ORDER BY up.date DESC
    LIMIT 1
) pos ON true`).
		OrderBy("date").
		PlaceholderFormat(sq.Dollar)

	query = applySubordinatesCostsScope(query, prm, "cr")
	query = applySubordinatesPeriodFilter(query, periodStart, periodEnd, "cr")
	query = squirrel_fltering.CreateFilter(query, filterModel, "cr")

	sql, args, err = query.ToSql()
	if err != nil {
		return "", nil, fmt.Errorf("build sql: %w", err)
	}

	return sql, args, nil
}

func buildSubordinatesPeriodTotals(periodStart, periodEnd string) sq.SelectBuilder {
	return sq.Select(
		"c2.user_id",
		"COALESCE(SUM(c2.minutes_costs), 0) AS total_minutes", // expect: fragment
	).
		From("costs_real c2").
		Where(sq.And{
			sq.Expr("c2.date::date >= ?::date", periodStart), // expect: fragment
			sq.Expr("c2.date::date <= ?::date", periodEnd), // expect: fragment
		}).
		GroupBy("c2.user_id").
		PlaceholderFormat(sq.Dollar)
}

func applySubordinatesPeriodFilter(
	query sq.SelectBuilder,
	periodStart, periodEnd, alias string,
) sq.SelectBuilder {
	return query.Where(sq.And{
		sq.Expr(alias+".date::date >= ?::date", periodStart), // expect: fragment
		sq.Expr(alias+".date::date <= ?::date", periodEnd), // expect: fragment
	})
}

func applySubordinatesCostsScope(
	query sq.SelectBuilder,
	prm utils.CostsRequestParams,
	alias string,
) sq.SelectBuilder {
	if len(prm.Debtors) > 0 {
		return query.Where(sq.Or{
			sq.Eq{alias + ".user_id": prm.Users},
			sq.Eq{alias + ".debtor_id": prm.Debtors},
		})
	}

	return query.Where(sq.Eq{alias + ".user_id": prm.Users})
}
