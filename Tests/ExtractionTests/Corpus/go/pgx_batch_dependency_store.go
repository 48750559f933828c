// Source: aveloxis/aveloxis (MIT), package db, the dependency / labor / SBOM store file
// (read_file id 60844215637). Companion file: pgx_history_rotation.go (history.go of the same
// package, which defines rotateRepoRowsToHistory used below).
// Library: jackc/pgx v5 (pool.QueryRow/Query/Exec, pgx.Batch Queue + SendBatch inside loops,
// chunked batches inside one transaction).
// Classes: batch.Queue(`…`) statements queued in loops (static, one label each), 4-placeholders
// ($n), multi-line raw strings opening on the call line, LEFT JOIN on a LIMIT 1 sub-select,
// 3-wrappers (rotateRepoRowsToHistory called with table names), 7-decoys (long comments naming
// `ON CONFLICT DO NOTHING`, "INSERT ... SELECT", a removed writer; error text
// "insert repo_labor snapshot rows %d..%d: %w"; literal values 'aveloxis-analysis', 'file scan').
// Adaptations: excerpt: the row types (LibyearRow, RepoLaborRow, RepoForSBOM, SBOMDep, SBOMRecord),
// InsertSBOMWithFormat, InsertRepoLibyear and InsertScorecardResult left out and the long comment on
// ReplaceRepoLaborSnapshot shortened; the import list reduced to what this excerpt uses;
// `// expect-next:` comments appended to the code line before each raw string whose opening line
// ends inside the string. Labelled by hand, blind.

// SPDX-FileCopyrightText: 2026 Sean Goggins, University of Missouri, Derek Howard
// SPDX-License-Identifier: MIT

package db

import (
	"context"
	"fmt"

	"github.com/jackc/pgx/v5"
)

// GetRepoForSBOM returns repo metadata needed for SBOM generation.
func (s *PostgresStore) GetRepoForSBOM(ctx context.Context, repoID int64) (*RepoForSBOM, error) {
	r := &RepoForSBOM{} // expect-next: static
	err := s.pool.QueryRow(ctx, `
		SELECT r.repo_name, r.repo_owner, r.repo_git, COALESCE(ri.license, '')
		FROM aveloxis_data.repos r
		LEFT JOIN (
			SELECT repo_id, license FROM aveloxis_data.repo_info
			WHERE repo_id = $1 ORDER BY data_collection_date DESC LIMIT 1
		) ri ON ri.repo_id = r.repo_id
		WHERE r.repo_id = $1`, repoID).Scan(&r.Name, &r.Owner, &r.GitURL, &r.License)
	return r, err
}

// GetRepoLibyearDeps returns all libyear deps for a repo, for SBOM generation.
func (s *PostgresStore) GetRepoLibyearDeps(ctx context.Context, repoID int64) ([]SBOMDep, error) { // expect-next: static
	rows, err := s.pool.Query(ctx, `
		SELECT name, current_version, package_manager, type, COALESCE(license,''), COALESCE(purl,'')
		FROM aveloxis_data.repo_deps_libyear
		WHERE repo_id = $1
		ORDER BY name`, repoID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var deps []SBOMDep
	for rows.Next() {
		var d SBOMDep
		if err := rows.Scan(&d.Name, &d.CurrentVersion, &d.PackageManager, &d.Type, &d.License, &d.Purl); err != nil {
			return nil, err
		}
		deps = append(deps, d)
	}
	return deps, rows.Err()
}

// InsertSBOM stores a generated SBOM JSON document in repo_sbom_scans.
func (s *PostgresStore) InsertSBOM(ctx context.Context, repoID int64, sbomJSON []byte) error { // expect-next: static
	_, err := s.pool.Exec(ctx, `
		INSERT INTO aveloxis_data.repo_sbom_scans (repo_id, sbom_scan)
		VALUES ($1, $2)`,
		repoID, sbomJSON)
	return err
}

// InsertRepoDependencyBatch inserts multiple dependencies in a single round-trip
// using pgx.Batch. This is significantly faster than individual inserts when
// processing repos with many dependencies (e.g., node_modules with 100+ deps).
func (s *PostgresStore) InsertRepoDependencyBatch(ctx context.Context, repoID int64, deps []struct {
	Name     string
	Count    int
	Language string
}) error {
	if len(deps) == 0 {
		return nil
	}
	// No ON CONFLICT (v0.27.17): repo_dependencies and repo_deps_libyear
	// have NO unique arbiter, so the previous blanket ON CONFLICT DO
	// NOTHING was dead code (the v0.27.7 repo_labor lesson). Write
	// idempotency comes from snapshot-replace: RotateLibyearToHistory
	// deletes the repo's current rows before every fresh insert, and a
	// failed rotation now ABORTS the insert (analysis.go).
	batch := &pgx.Batch{}
	for _, d := range deps { // expect-next: static
		batch.Queue(`
			INSERT INTO aveloxis_data.repo_dependencies
				(repo_id, dep_name, dep_count, dep_language,
				 tool_source, data_source, data_collection_date)
			VALUES ($1, $2, $3, $4, 'aveloxis-analysis', 'file scan', NOW())`,
			repoID, d.Name, d.Count, d.Language)
	}
	return s.pool.SendBatch(ctx, batch).Close()
}

// InsertRepoLibyearBatch inserts multiple libyear records in a single round-trip.
func (s *PostgresStore) InsertRepoLibyearBatch(ctx context.Context, repoID int64, rows []*LibyearRow) error {
	if len(rows) == 0 {
		return nil
	}
	batch := &pgx.Batch{}
	for _, row := range rows { // expect-next: static
		batch.Queue(`
			INSERT INTO aveloxis_data.repo_deps_libyear
				(repo_id, name, requirement, type, package_manager,
				 current_version, latest_version, current_release_date, latest_release_date,
				 libyear, license, purl, tool_source, data_source, data_collection_date)
			VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12,
				'aveloxis-analysis', 'package registry', NOW())`,
			repoID, row.Name, row.Requirement, row.Type, row.PackageManager,
			row.CurrentVersion, row.LatestVersion, row.CurrentReleaseDate, row.LatestReleaseDate,
			row.Libyear, row.License, row.Purl)
	}
	return s.pool.SendBatch(ctx, batch).Close()
}

// ReplaceRepoLaborSnapshot atomically replaces a repo's current
// repo_labor snapshot: rotates every existing row for the repo into
// repo_labor_history and inserts the fresh per-file rows, all inside
// ONE transaction. If any part fails, the whole replace rolls back —
// the previous snapshot stays current, so a failed scc run can never
// leave the table empty or half-written.
//
// ON CONFLICT decision (v0.27.7): the removed writers carried a
// blanket `ON CONFLICT DO NOTHING`. repo_labor has NO unique
// constraint besides the BIGSERIAL primary key (audited v0.27.7), so
// the clause was dead code — a freshly-nextval'd PK can never
// conflict, and every "duplicate" file row was in fact inserted, which
// is exactly how the table grew unboundedly.
func (s *PostgresStore) ReplaceRepoLaborSnapshot(ctx context.Context, repoID int64, rows []*RepoLaborRow) error {
	return s.withRetry(ctx, func(ctx context.Context) error {
		tx, err := s.pool.Begin(ctx)
		if err != nil {
			return err
		}
		defer tx.Rollback(ctx)

		// Rotation FIRST, in the same tx as the insert, exactly once.
		if err := rotateRepoRowsToHistory(ctx, tx,
			"aveloxis_data.repo_labor",
			"aveloxis_data.repo_labor_history", repoID); err != nil {
			return err
		}

		// Chunked batch sends inside the single tx keep the pgx.Batch
		// bounded on monorepos (100K+ files) without giving up
		// atomicity — a failure in any chunk rolls back the rotation
		// too.
		const chunkSize = 5000
		for start := 0; start < len(rows); start += chunkSize {
			end := min(start+chunkSize, len(rows))
			batch := &pgx.Batch{}
			for _, row := range rows[start:end] { // expect-next: static
				batch.Queue(`
					INSERT INTO aveloxis_data.repo_labor
						(repo_id, repo_clone_date, rl_analysis_date, programming_language,
						 file_path, file_name, total_lines, code_lines, comment_lines,
						 blank_lines, code_complexity,
						 tool_source, data_source, data_collection_date)
					VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11,
						'aveloxis-scc', 'scc', NOW())`,
					repoID, row.CloneDate, row.AnalysisDate, row.Language,
					row.FilePath, row.FileName, row.TotalLines, row.CodeLines, row.CommentLines,
					row.BlankLines, row.Complexity)
			}
			if err := tx.SendBatch(ctx, batch).Close(); err != nil {
				return fmt.Errorf("insert repo_labor snapshot rows %d..%d: %w", start, end, err)
			}
		}

		return tx.Commit(ctx)
	})
}

// InsertRepoDependency inserts a dependency into repo_dependencies.
func (s *PostgresStore) InsertRepoDependency(ctx context.Context, repoID int64, depName string, depCount int, depLanguage string) error { // expect-next: static
	_, err := s.pool.Exec(ctx, `
		INSERT INTO aveloxis_data.repo_dependencies
			(repo_id, dep_name, dep_count, dep_language,
			 tool_source, data_source, data_collection_date)
		VALUES ($1, $2, $3, $4, 'aveloxis-analysis', 'file scan', NOW())`,
		repoID, depName, depCount, depLanguage)
	return err
}

// InsertRepoLabor and InsertRepoLaborBatch were removed in v0.27.7.
// Both inserted into repo_labor WITHOUT rotating the previous snapshot
// to repo_labor_history, which is how production accumulated 2.0M live
// rows / 29 GB of stacked snapshots. Use ReplaceRepoLaborSnapshot —
// rotation + insert fused into one transaction so the rotation cannot
// be skipped or double-applied. Do NOT reintroduce a bare repo_labor
// writer; TestRepoLaborWritersCannotSkipRotation fails the build if
// one appears.
