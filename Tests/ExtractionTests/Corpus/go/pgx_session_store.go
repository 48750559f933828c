// Source: a "nexus" memory service's store/sessions.go (package store, github.com/jackc/pgx/v5; found with find_string
// "pool.QueryRow(ctx,", read_file id 68448267911; the index did not return the repository name).
// Excerpt: the header comment, types, role constants, normalizeRole, NewSessionInherits, the MemStore
// PromotionCandidates method (kept for its decoys) and the whole PostgresStore implementation; the other MemStore
// methods, the memSessionBucket helpers and applySessionOverride were left out. Code unchanged apart from labels.
// Classes: pgx pool.QueryRow / Query / Exec with $n::uuid placeholders; Go raw strings opening on the line after the
//          call (expect-next as a trailing comment on the call line); dynamic (raw strings concatenated with the
//          column-list constants sessionColumns / participantColumns / memoryColumns: `RETURNING `+sessionColumns,
//          `SELECT `+sessionColumns+` FROM …` — the statement text is assembled from pieces, as with Kotlin templates
//          holding only const vals, Round 3 decision 5); static UPDATE/SELECT with ON CONFLICT … WHERE, HAVING,
//          array_agg, quoted "key"; decoys (the column-list constants themselves, header comments "level='session'",
//          "(WHERE project_id = $1)", role constants "OWNER"/"MEMBER", "CONFIRMED"/"REJECTED"/"session" values,
//          fmt.Errorf texts "session %s is not active", "invalid session role %q: …").
package store

// sessions.go — Session layer + memory scoping (Phase 3, nexus issue #12).
//
// Schema comes from migrations/003_sessions.up.sql; this file is behavior
// only (no DDL strings). Methods are defined on MemStore and PostgresStore
// here — same package, so no edits to store.go/db.go were needed.
//
// Scoping contract (plan §3.3):
//   - Memories created in a session start session-scoped: level='session'
//     with session_id set (CreateSessionMemory enforces this).
//   - A new session inherits project + org CONFIRMED memories, never sibling
//     session memories (NewSessionInherits / ListSessionVisibleMemories).
//   - Within a session, a session memory with the same key as a project
//     memory takes precedence (override applied in ListSessionVisibleMemories).
//   - A session-level key seen in >=3 distinct sessions auto-proposes
//     promotion (PromotionCandidates); PromoteSessionMemory flips one item
//     to level='project' with session_id cleared.

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"time"

	"github.com/jackc/pgx/v5"
)

// Session is one multiplayer collaboration session within a project.
type Session struct {
	ID        string    `json:"id"`
	ProjectID string    `json:"project_id"`
	Title     string    `json:"title,omitempty"`
	CreatedBy string    `json:"created_by"`
	IsActive  bool      `json:"is_active"`
	CreatedAt time.Time `json:"created_at"`
	EndedAt   time.Time `json:"ended_at,omitempty"`
	// ExpiresAt optionally overrides DefaultSessionTTL for the expiry
	// sweeper (migration 010, issue #119). Zero means "created_at + TTL".
	ExpiresAt time.Time `json:"expires_at,omitempty"`
}

// SessionParticipant is one user-or-agent membership in a session.
// Either UserID or AgentID is set (agents table lands in migration 004,
// so AgentID is a bare UUID string for now).
type SessionParticipant struct {
	ID        string    `json:"id"`
	SessionID string    `json:"session_id"`
	UserID    string    `json:"user_id,omitempty"`
	AgentID   string    `json:"agent_id,omitempty"`
	Role      string    `json:"role"` // OWNER | MEMBER | OBSERVER
	JoinedAt  time.Time `json:"joined_at"`
	LeftAt    time.Time `json:"left_at,omitempty"`
}

// PromotionCandidate is a session-level key observed in enough distinct
// sessions to propose promotion to project scope.
type PromotionCandidate struct {
	Key          string   `json:"key"`
	SessionCount int      `json:"session_count"`
	ItemIDs      []string `json:"item_ids"`
}

// Session roles (uppercase, matching the CHECK constraint in 003).
const (
	SessionRoleOwner    = "OWNER"
	SessionRoleMember   = "MEMBER"
	SessionRoleObserver = "OBSERVER"
)

// DefaultPromotionThreshold is the number of distinct sessions after which a
// repeated session-level key is proposed for project scope (plan §2.7).
const DefaultPromotionThreshold = 3

// normalizeRole uppercases and validates a participant role,
// defaulting blank to MEMBER.
func normalizeRole(role string) (string, error) {
	r := strings.ToUpper(strings.TrimSpace(role))
	if r == "" {
		return SessionRoleMember, nil
	}
	switch r {
	case SessionRoleOwner, SessionRoleMember, SessionRoleObserver:
		return r, nil
	default:
		return "", fmt.Errorf("invalid session role %q: must be OWNER, MEMBER, or OBSERVER", role)
	}
}

// NewSessionInherits reports whether m is inherited by a brand-new session:
// project- or organization-level, CONFIRMED, and not tied to any session.
// Sibling session memories (session_id set, or level='session') are never
// inherited — that is the isolation rule from issue #12.
func NewSessionInherits(m *MemoryItem) bool {
	if m == nil {
		return false
	}
	if m.SessionID != "" {
		return false
	}
	if m.Status != "CONFIRMED" {
		return false
	}
	return m.Level == "project" || m.Level == "organization"
}

// PromotionCandidates groups session-level memories of a project by key and
// returns keys seen in >= minSessions distinct sessions (default 3).
func (s *MemStore) PromotionCandidates(ctx context.Context, projectID string, minSessions int) ([]PromotionCandidate, error) {
	if minSessions <= 0 {
		minSessions = DefaultPromotionThreshold
	}
	s.mu.RLock()
	defer s.mu.RUnlock()
	byKey := make(map[string]map[string][]string) // key -> sessionID -> itemIDs
	for _, m := range s.memories {
		if m.Level != "session" || m.SessionID == "" {
			continue
		}
		// Strict project scoping like Postgres (WHERE project_id = $1):
		// org-level (NULL-project) session rows are NOT candidates of any
		// project (issue #110).
		if m.ProjectID != projectID {
			continue
		}
		if m.Status == "REJECTED" {
			continue
		}
		if byKey[m.Key] == nil {
			byKey[m.Key] = make(map[string][]string)
		}
		byKey[m.Key][m.SessionID] = append(byKey[m.Key][m.SessionID], m.ID)
	}
	var out []PromotionCandidate
	for key, perSession := range byKey {
		if len(perSession) < minSessions {
			continue
		}
		c := PromotionCandidate{Key: key, SessionCount: len(perSession)}
		for _, ids := range perSession {
			c.ItemIDs = append(c.ItemIDs, ids...)
		}
		out = append(out, c)
	}
	return out, nil
}

// ----------------------------------------------------------------------------
// PostgresStore implementation
// ----------------------------------------------------------------------------

const sessionColumns = `id, project_id, title, created_by, is_active, created_at, ended_at, expires_at`

func scanSession(row pgx.Row) (*Session, error) {
	var s Session
	var title *string
	var endedAt, expiresAt *time.Time
	if err := row.Scan(&s.ID, &s.ProjectID, &title, &s.CreatedBy,
		&s.IsActive, &s.CreatedAt, &endedAt, &expiresAt); err != nil {
		return nil, err
	}
	if title != nil {
		s.Title = *title
	}
	if endedAt != nil {
		s.EndedAt = *endedAt
	}
	if expiresAt != nil {
		s.ExpiresAt = *expiresAt
	}
	return &s, nil
}

const participantColumns = `id, session_id, user_id, agent_id, role, joined_at, left_at`

func scanParticipant(row pgx.Row) (*SessionParticipant, error) {
	var p SessionParticipant
	var userID, agentID *string
	var leftAt *time.Time
	if err := row.Scan(&p.ID, &p.SessionID, &userID, &agentID,
		&p.Role, &p.JoinedAt, &leftAt); err != nil {
		return nil, err
	}
	if userID != nil {
		p.UserID = *userID
	}
	if agentID != nil {
		p.AgentID = *agentID
	}
	if leftAt != nil {
		p.LeftAt = *leftAt
	}
	return &p, nil
}

// CreateSession opens a new active session for an existing project.
func (s *PostgresStore) CreateSession(ctx context.Context, sess *Session) error {
	if strings.TrimSpace(sess.ProjectID) == "" {
		return fmt.Errorf("project_id is required")
	}
	if strings.TrimSpace(sess.CreatedBy) == "" {
		return fmt.Errorf("created_by is required")
	}
	row := s.pool.QueryRow(ctx, // expect-next: dynamic
		`INSERT INTO sessions (project_id, title, created_by, expires_at)
		 VALUES ($1::uuid, NULLIF($2,''), $3::uuid, $4)
		 RETURNING `+sessionColumns,
		sess.ProjectID, sess.Title, sess.CreatedBy, nullTime(sess.ExpiresAt))
	got, err := scanSession(row)
	if err != nil {
		return err
	}
	*sess = *got
	return nil
}

// GetSession fetches one session by ID.
func (s *PostgresStore) GetSession(ctx context.Context, id string) (*Session, error) {
	sess, err := scanSession(s.pool.QueryRow(ctx,
		`SELECT `+sessionColumns+` FROM sessions WHERE id = $1::uuid`, id)) // expect: dynamic
	if err == pgx.ErrNoRows {
		return nil, ErrNotFound
	}
	return sess, err
}

// ListProjectSessions lists sessions of a project, newest first.
func (s *PostgresStore) ListProjectSessions(ctx context.Context, projectID string, activeOnly bool) ([]*Session, error) {
	rows, err := s.pool.Query(ctx, // expect-next: dynamic
		`SELECT `+sessionColumns+` FROM sessions
		  WHERE project_id = $1::uuid AND ($2 = false OR is_active)
		  ORDER BY created_at DESC`,
		projectID, activeOnly)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*Session
	for rows.Next() {
		sess, err := scanSession(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, sess)
	}
	return out, rows.Err()
}

// EndSession marks a session inactive and closes active participations.
func (s *PostgresStore) EndSession(ctx context.Context, id string) error {
	tag, err := s.pool.Exec(ctx, // expect-next: static
		`UPDATE sessions SET is_active = false, ended_at = now()
		  WHERE id = $1::uuid AND is_active`, id)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		// Either missing or already ended; distinguish the two.
		if _, gerr := s.GetSession(ctx, id); gerr != nil {
			return gerr
		}
		return nil
	}
	_, err = s.pool.Exec(ctx, // expect-next: static
		`UPDATE session_participants SET left_at = now()
		  WHERE session_id = $1::uuid AND left_at IS NULL`, id)
	return err
}

// JoinSession adds a user/agent to an active session (re-join reuses the row).
func (s *PostgresStore) JoinSession(ctx context.Context, sessionID, userID, agentID, role string) (*SessionParticipant, error) {
	if userID == "" && agentID == "" {
		return nil, fmt.Errorf("user_id or agent_id is required")
	}
	r, err := normalizeRole(role)
	if err != nil {
		return nil, err
	}
	sess, err := s.GetSession(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	if !sess.IsActive {
		return nil, fmt.Errorf("session %s is not active", sessionID)
	}
	if userID != "" {
		row := s.pool.QueryRow(ctx, // expect-next: dynamic
			`INSERT INTO session_participants (session_id, user_id, agent_id, role)
			 VALUES ($1::uuid, $2::uuid, $3::uuid, $4)
			 ON CONFLICT (session_id, user_id) WHERE user_id IS NOT NULL
			 DO UPDATE SET left_at = NULL, role = EXCLUDED.role, joined_at = now()
			 RETURNING `+participantColumns,
			sessionID, nullText(userID), nullText(agentID), r)
		return scanParticipant(row)
	}
	// Agent-only rows have no unique key (NULLs are distinct), so look for an
	// active row first and reuse it before inserting.
	existing, err := s.pool.Query(ctx, // expect-next: dynamic
		`SELECT `+participantColumns+` FROM session_participants
		  WHERE session_id = $1::uuid AND user_id IS NULL AND agent_id = $2::uuid
		    AND left_at IS NULL LIMIT 1`,
		sessionID, agentID)
	if err != nil {
		return nil, err
	}
	if existing.Next() {
		p, serr := scanParticipant(existing)
		existing.Close()
		if serr != nil {
			return nil, serr
		}
		if _, uerr := s.pool.Exec(ctx,
			`UPDATE session_participants SET role = $2 WHERE id = $1::uuid`, p.ID, r); uerr != nil { // expect: static
			return nil, uerr
		}
		p.Role = r
		return p, nil
	}
	existing.Close()
	return scanParticipant(s.pool.QueryRow(ctx, // expect-next: dynamic
		`INSERT INTO session_participants (session_id, agent_id, role)
		 VALUES ($1::uuid, $2::uuid, $3)
		 RETURNING `+participantColumns,
		sessionID, agentID, r))
}

// LeaveSession stamps left_at on the active membership row.
func (s *PostgresStore) LeaveSession(ctx context.Context, sessionID, userID, agentID string) error {
	tag, err := s.pool.Exec(ctx, // expect-next: static
		`UPDATE session_participants SET left_at = now()
		  WHERE session_id = $1::uuid
		    AND COALESCE(user_id::text,'') = COALESCE(NULLIF($2,''),'')
		    AND COALESCE(agent_id::text,'') = COALESCE(NULLIF($3,''),'')
		    AND left_at IS NULL`,
		sessionID, userID, agentID)
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		return ErrNotFound
	}
	return nil
}

// ListSessionParticipants lists members; activeOnly hides left rows.
func (s *PostgresStore) ListSessionParticipants(ctx context.Context, sessionID string, activeOnly bool) ([]*SessionParticipant, error) {
	if _, err := s.GetSession(ctx, sessionID); err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, // expect-next: dynamic
		`SELECT `+participantColumns+` FROM session_participants
		  WHERE session_id = $1::uuid AND ($2 = false OR left_at IS NULL)
		  ORDER BY joined_at ASC`,
		sessionID, activeOnly)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []*SessionParticipant
	for rows.Next() {
		p, err := scanParticipant(rows)
		if err != nil {
			return nil, err
		}
		out = append(out, p)
	}
	return out, rows.Err()
}

// CreateSessionMemory stores a memory as session-scoped (level forced).
// The session must exist and belong to the memory's project (issue #102):
// an empty memory project is filled from the session, a mismatched one
// fails instead of cross-linking projects.
func (s *PostgresStore) CreateSessionMemory(ctx context.Context, item *MemoryItem) error {
	if strings.TrimSpace(item.SessionID) == "" {
		return fmt.Errorf("session_id is required for session memory")
	}
	sess, err := s.GetSession(ctx, item.SessionID)
	if err != nil {
		return err
	}
	if strings.TrimSpace(item.ProjectID) == "" {
		item.ProjectID = sess.ProjectID
	} else if item.ProjectID != sess.ProjectID {
		return fmt.Errorf("store: session %s belongs to project %s, not %s: %w",
			item.SessionID, sess.ProjectID, item.ProjectID, ErrConflict)
	}
	item.Level = "session"
	return s.CreateMemoryItem(ctx, item)
}

// ListSessionVisibleMemories returns own session memories + inherited
// project/org memories with session-key override.
func (s *PostgresStore) ListSessionVisibleMemories(ctx context.Context, sessionID string) ([]*MemoryItem, error) {
	sess, err := s.GetSession(ctx, sessionID)
	if err != nil {
		return nil, err
	}
	rows, err := s.pool.Query(ctx, // expect-next: dynamic
		`SELECT `+memoryColumns+` FROM memory_items
		  WHERE ((session_id = $1::uuid AND status IN ('CONFIRMED','PROPOSED'))
		     OR (session_id IS NULL AND status = 'CONFIRMED'
		         AND (project_id = $2::uuid OR project_id IS NULL)
		         AND level IN ('project','organization')))`,
		sessionID, sess.ProjectID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var own, inherited []*MemoryItem
	for rows.Next() {
		m, err := scanMemoryItem(rows)
		if err != nil {
			return nil, err
		}
		if m.SessionID == sessionID {
			own = append(own, m)
		} else {
			inherited = append(inherited, m)
		}
	}
	if err := rows.Err(); err != nil {
		return nil, err
	}
	return applySessionOverride(own, inherited), nil
}

// PromotionCandidates returns session-level keys seen in >= minSessions
// distinct sessions of a project.
func (s *PostgresStore) PromotionCandidates(ctx context.Context, projectID string, minSessions int) ([]PromotionCandidate, error) {
	if minSessions <= 0 {
		minSessions = DefaultPromotionThreshold
	}
	rows, err := s.pool.Query(ctx, // expect-next: static
		`SELECT "key", COUNT(DISTINCT session_id), array_agg(id::text)
		  FROM memory_items
		  WHERE project_id = $1::uuid AND level = 'session'
		    AND session_id IS NOT NULL AND status <> 'REJECTED'
		  GROUP BY "key"
		  HAVING COUNT(DISTINCT session_id) >= $2`,
		projectID, minSessions)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []PromotionCandidate
	for rows.Next() {
		var c PromotionCandidate
		if err := rows.Scan(&c.Key, &c.SessionCount, &c.ItemIDs); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// PromoteSessionMemory flips one session memory to project scope.
// Terminal rows (REJECTED/SUPERSEDED) never promote (issue #131).
func (s *PostgresStore) PromoteSessionMemory(ctx context.Context, id, confirmedBy string) error {
	tag, err := s.pool.Exec(ctx, // expect-next: static
		`UPDATE memory_items SET level = 'project', session_id = NULL,
			status = 'CONFIRMED', confirmed_by = $2::uuid, updated_at = now()
		  WHERE id = $1::uuid AND level = 'session'
		    AND status IN ('PROPOSED','CONFIRMED')`,
		id, nullText(confirmedBy))
	if err != nil {
		return err
	}
	if tag.RowsAffected() == 0 {
		if _, gerr := s.GetMemoryItem(ctx, id); gerr != nil {
			return gerr
		}
		return fmt.Errorf("memory %s is not session-scoped", id)
	}
	return nil
}
