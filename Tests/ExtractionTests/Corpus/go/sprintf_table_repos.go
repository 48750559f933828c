// Sources (four files, excerpts verbatim, concatenated; package clauses and imports merged):
//   1. a sqlx client-records repository "RecordPostgres" (find_string
//      "query := fmt.Sprintf(`UPDATE %s SET", index id 12762597257) — complete file;
//   2. a GORM revenue helper package "utils" with Chinese comments (index id 31930025834) — complete;
//   3. gnasnik/titan-explorer — core/dao signature functions (index id 32652615167) — the three
//      functions of the file;
//   4. a game "RoundPostgres" repository (index id 60770098232) — GetByID, ListByGameID,
//      UpdateStats, Delete.
//   Repository names other than titan-explorer were not returned by the index.
// Classes: dynamic (fmt.Sprintf with the table name %s, with a whole WHERE/LIMIT tail %s%s, with
//          a column list, with a SET list joined from pieces), SET assignments appended to a
//          slice with fmt.Sprintf("name=$%d") (fragments), gorm db.Raw with raw strings, the
//          same static SELECT assigned in if/else branches, a statement extended with
//          `sqlQuery += " AND status = ?"` (dynamic; the appended piece carries no label),
//          placeholders $n / ? / :name inside Sprintf templates, decoys (log.Println(query),
//          requireOneRow(res, "round", id), strings.Join(setValues, ", "), Chinese comments).
package repository

import (
	. "fio"
	"context"
	"database/sql"
	"fmt"
	"log"
	"strings"

	"github.com/gnasnik/titan-explorer/core/generated/model"
	"github.com/jmoiron/sqlx"
	"gorm.io/gorm"
)

// ---- 1. RecordPostgres ----

type RecordPostgres struct {
	db *sqlx.DB
}

func NewRecordPostgres(db *sqlx.DB) *RecordPostgres {
	return &RecordPostgres{db: db}
}

func (r *RecordPostgres) CreateClient(client Client) (int, error) {
	var id int
	query := fmt.Sprintf("INSERT INTO %s (name, surname, patronymic, age, gender, country_id) values ($1, $2, $3, $4, $5, $6) RETURNING id", clientsTable) // expect: dynamic
	row := r.db.QueryRow(query, client.Name, client.Surname, client.Patronymic, client.Age, client.Gender, client.CountryId)
	if err := row.Scan(&id); err != nil {
		return 0, err
	}
	return id, nil
}

func (r *RecordPostgres) GetClientsByFilter(sql string, page int) ([]Client, error) {
	var clientSQL []ClientSQL
	limit := 2
	offset := limit * (page - 1)

	query := fmt.Sprintf("SELECT * FROM %s%s LIMIT $2 OFFSET $1", clientsTable, sql) // expect: dynamic
	log.Println(query)
	err := r.db.Select(&clientSQL, query, offset, limit)
	if err != nil {
		return nil, err
	}

	clients := make([]Client, len(clientSQL))
	for i := range clientSQL {
		clients[i].ID = int(clientSQL[i].ID.Int64)
		clients[i].Name = clientSQL[i].Name.String
		clients[i].Surname = clientSQL[i].Surname.String
		clients[i].Patronymic = clientSQL[i].Patronymic.String
		clients[i].Age = int(clientSQL[i].Age.Int16)
		clients[i].Gender = clientSQL[i].Gender.String
		clients[i].CountryId = clientSQL[i].CountryId.String
	}

	return clients, nil
}

func (r *RecordPostgres) UpdateClientRecord(id int, client ClientUpdate) error {
	setValues := make([]string, 0)
	args := make([]interface{}, 0)
	argId := 1

	if client.Name != nil {
		setValues = append(setValues, fmt.Sprintf("name=$%d", argId)) // expect: fragment
		args = append(args, *client.Name)
		argId++
	}
	if client.Surname != nil {
		setValues = append(setValues, fmt.Sprintf("surname=$%d", argId)) // expect: fragment
		args = append(args, *client.Surname)
		argId++
	}
	if client.Patronymic != nil {
		setValues = append(setValues, fmt.Sprintf("patronymic=$%d", argId)) // expect: fragment
		args = append(args, *client.Patronymic)
		argId++
	}
	if client.Age != nil {
		setValues = append(setValues, fmt.Sprintf("age=$%d", argId)) // expect: fragment
		args = append(args, *client.Age)
		argId++
	}
	if client.Gender != nil {
		setValues = append(setValues, fmt.Sprintf("gender=$%d", argId)) // expect: fragment
		args = append(args, *client.Gender)
		argId++
	}
	if client.CountryId != nil {
		setValues = append(setValues, fmt.Sprintf("country_id=$%d", argId)) // expect: fragment
		args = append(args, *client.CountryId)
		argId++
	}

	setQuery := strings.Join(setValues, ", ")
	query := fmt.Sprintf(`UPDATE %s SET %s WHERE id = %d`, clientsTable, setQuery, id) // expect: dynamic

	_, err := r.db.Exec(query, args...)

	return err
}

func (r *RecordPostgres) DeleteClientById(id int) error {
	query := fmt.Sprintf(`DELETE FROM %s WHERE id = $1`, clientsTable) // expect: dynamic
	_, err := r.db.Exec(query, id)
	return err
}

// ---- 2. revenue helpers (gorm) ----

// CalculateTotalRevenue 计算总收入
// 使用final_amount，如果为NULL或0则使用amount
func CalculateTotalRevenue(db *gorm.DB, status string) float64 {
	var result struct {
		Total sql.NullFloat64
	}

	// expect-next: static
	err := db.Raw(`
		SELECT COALESCE(SUM(
			CASE 
				WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
				ELSE amount
			END
		), 0) as total
		FROM orders 
		WHERE status = ?
	`, status).Scan(&result).Error

	if err != nil || !result.Total.Valid {
		return 0
	}

	return result.Total.Float64
}

// CalculateTotalRevenueWithDateRange 计算指定日期范围内的总收入
func CalculateTotalRevenueWithDateRange(db *gorm.DB, status string, startDate, endDate string) float64 {
	var result struct {
		Total sql.NullFloat64
	}

	var sqlQuery string
	var args []interface{}

	// 构建SQL查询
	if startDate != "" && endDate != "" {
		// expect-next: static
		sqlQuery = `
			SELECT COALESCE(SUM(
				CASE 
					WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
					ELSE amount
				END
			), 0) as total
			FROM orders 
			WHERE status = ? AND DATE(created_at) >= ? AND DATE(created_at) <= ?
		`
		args = []interface{}{status, startDate, endDate}
	} else if startDate != "" {
		// expect-next: static
		sqlQuery = `
			SELECT COALESCE(SUM(
				CASE 
					WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
					ELSE amount
				END
			), 0) as total
			FROM orders 
			WHERE status = ? AND DATE(created_at) >= ?
		`
		args = []interface{}{status, startDate}
	} else if endDate != "" {
		// expect-next: static
		sqlQuery = `
			SELECT COALESCE(SUM(
				CASE 
					WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
					ELSE amount
				END
			), 0) as total
			FROM orders 
			WHERE status = ? AND DATE(created_at) <= ?
		`
		args = []interface{}{status, endDate}
	} else {
		// 没有日期范围，使用基础函数
		return CalculateTotalRevenue(db, status)
	}

	err := db.Raw(sqlQuery, args...).Scan(&result).Error
	if err != nil || !result.Total.Valid {
		return 0
	}

	return result.Total.Float64
}

// CalculateTodayRevenue 计算今日收入
func CalculateTodayRevenue(db *gorm.DB, status string) float64 {
	today := GetBeijingTime().Format("2006-01-02")
	var result struct {
		Total sql.NullFloat64
	}

	// expect-next: static
	err := db.Raw(`
		SELECT COALESCE(SUM(
			CASE 
				WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
				ELSE amount
			END
		), 0) as total
		FROM orders 
		WHERE status = ? AND DATE(created_at) = ?
	`, status, today).Scan(&result).Error

	if err != nil || !result.Total.Valid {
		return 0
	}

	return result.Total.Float64
}

// CalculateUserOrderAmount 计算用户订单金额（支持绝对值）
func CalculateUserOrderAmount(db *gorm.DB, userID uint, status string, useAbs bool) float64 {
	var result struct {
		Total sql.NullFloat64
	}

	var sqlQuery string
	if useAbs {
		// expect-next: dynamic
		sqlQuery = `
			SELECT COALESCE(SUM(
				CASE 
					WHEN final_amount IS NOT NULL AND final_amount != 0 THEN ABS(final_amount)
					ELSE ABS(amount)
				END
			), 0) as total
			FROM orders 
			WHERE user_id = ?
		`
	} else {
		// expect-next: dynamic
		sqlQuery = `
			SELECT COALESCE(SUM(
				CASE 
					WHEN final_amount IS NOT NULL AND final_amount != 0 THEN final_amount
					ELSE amount
				END
			), 0) as total
			FROM orders 
			WHERE user_id = ?
		`
	}

	args := []interface{}{userID}
	if status != "" {
		sqlQuery += " AND status = ?"
		args = append(args, status)
	}

	err := db.Raw(sqlQuery, args...).Scan(&result).Error
	if err != nil || !result.Total.Valid {
		return 0
	}

	return result.Total.Float64
}

// ---- 3. gnasnik/titan-explorer: signatures ----

const tableNameSignature = "signature"

func AddSignature(ctx context.Context, signature *model.Signature) error {
	_, err := DB.NamedExecContext(ctx, fmt.Sprintf(
		`INSERT INTO %s (username, node_id, area_id, message, hash, signature, created_at, updated_at) VALUES (:username, :node_id, :area_id, :message, :hash, :signature, now(), now());`, tableNameSignature), // expect: dynamic
		signature)
	return err
}

func GetSignatureByHash(ctx context.Context, hash string) (*model.Signature, error) {
	var out model.Signature
	if err := DB.QueryRowxContext(ctx, fmt.Sprintf(
		`SELECT * FROM %s WHERE hash = ?`, tableNameSignature), hash, // expect: dynamic
	).StructScan(&out); err != nil {
		if err == sql.ErrNoRows {
			return nil, ErrNoRow
		}
		return nil, err
	}
	return &out, nil
}

func UpdateSignature(ctx context.Context, signature, nodeId, areaId, hash string) error {
	query := fmt.Sprintf(`UPDATE %s SET signature = ?, node_id = ?, area_id = ?, updated_at = now() WHERE hash = ?`, tableNameSignature) // expect: dynamic
	_, err := DB.ExecContext(ctx, query, signature, nodeId, areaId, hash)
	return err
}

// ---- 4. RoundPostgres ----

func (r *RoundPostgres) GetByID(ctx context.Context, id uint) (model.Round, error) {
	var round model.Round
	query := fmt.Sprintf("SELECT %s FROM %s WHERE id = $1;", roundColumns, roundsTable) // expect: dynamic
	err := r.db.GetContext(ctx, &round, query, id)

	return round, err
}

// ListByGameID returns a game's rounds in the order they were played.
func (r *RoundPostgres) ListByGameID(ctx context.Context, gameID uint) ([]model.Round, error) {
	rounds := make([]model.Round, 0)
	query := fmt.Sprintf("SELECT %s FROM %s WHERE game_id = $1 ORDER BY id;", roundColumns, roundsTable) // expect: dynamic

	if err := r.db.SelectContext(ctx, &rounds, query, gameID); err != nil {
		return nil, err
	}

	return rounds, nil
}

// UpdateStats writes back the tallies collected while the round was played.
func (r *RoundPostgres) UpdateStats(ctx context.Context, round *model.Round) error {
	// expect-next: dynamic
	query := fmt.Sprintf(`UPDATE %s SET truth_finders = $2, total_guessers = $3, players_present = $4
		WHERE id = $1;`, roundsTable)

	res, err := r.db.ExecContext(ctx, query,
		round.ID, round.TruthFinders, round.TotalGuessers, round.PlayersPresent)
	if err != nil {
		return err
	}

	return requireOneRow(res, "round", round.ID)
}

func (r *RoundPostgres) Delete(ctx context.Context, id uint) error {
	query := fmt.Sprintf("DELETE FROM %s WHERE id = $1;", roundsTable) // expect: dynamic

	res, err := r.db.ExecContext(ctx, query, id)
	if err != nil {
		return err
	}

	return requireOneRow(res, "round", id)
}
