// Sources (pgx v5 stores; the index gave no repository names):
//   part 1: "companion" app auth store, package auth (module github.com/neifen/companion from an import
//           path), read_file index id 53132881251 (excerpt)
//   part 2: "fbt" backend MFA repository, package mfa, read_file index id 56672144886 (whole file)
// Classes: pgx `Exec` / `QueryRow` / `Query` with `pgx.NamedArgs{…}` and `@name` placeholders (static when
//   the text is a literal); statements built by concatenating a table-name constant
//   (`"INSERT INTO "+verificationTokensTable+"(…) VALUES (@user_id, …)"`: dynamic, Round 4 decision 2),
//   including one with a bug from the source (`"DELETE FROM"+usersTable` lacks a space: hard case);
//   raw strings in `query := \`` whose opening line ends with the backtick (trailing `// expect-next:` on
//   the `func` line, Round 6 A decision 5); ON CONFLICT … DO UPDATE SET key = EXCLUDED.key;
//   a project helper `fetchTOTP(ctx, query, args)`;
//   decoys: const table names "auth.users" / "auth.refresh_tokens" (bare identifiers), fmt.Errorf texts
//   ("auth db: Delete User …", "db error 621: could not delete refresh_token …"), status value 'NEWUSER'
//   inside SQL only.
// Adaptations: two files of different packages concatenated under `package auth`; part 2's
//   `package mfa` line dropped and its import "fbt/backend/internal/errors" aliased `apperrors` (it clashes
//   with the standard "errors" of part 1), with `errors.NotFound` written `apperrors.NotFound`; part 1
//   keeps CreateVerification … ReadUserVerification, CreateUser … ReadUserByEmail and
//   StoreRefreshToken / DeleteRefreshTokenByToken (ReadVerification, ReadUserByUID and
//   ReadRefreshTokenByToken dropped). SQL unchanged.
package auth

import (
	"context"
	"errors"
	"fmt"
	"time"

	apperrors "fbt/backend/internal/errors"
	"fbt/backend/internal/domain/auth/model"

	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
	"github.com/neifen/companion/app/api/crypto"
)

// ---- part 1 (id 53132881251) ----
const (
	usersTable              = "auth.users"
	refreshTokensTable      = "auth.refresh_tokens"
	verificationTokensTable = "auth.verification_tokens"
)

func (pg *AuthStore) CreateVerification(ctx context.Context, u *VerificationTokenModel) error {
	args := pgx.NamedArgs{
		"user_id":    u.UserUID,
		"token_hash": u.TokenHash,
		"channel":    u.Channel,
		"purpose":    u.Purpose,
		"expires_at": u.Expiration,
	}

	_, err := pg.db.Exec(ctx, "INSERT INTO "+verificationTokensTable+"(user_id, token_hash, channel, purpose, expires_at) VALUES (@user_id, @token_hash, @channel, @purpose, @expires_at)", args) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Create Verification Token for user %s %w", u.UserUID, err)
	}

	return nil
}

func (pg *AuthStore) InvalidateVerificationToken(ctx context.Context, u *VerificationTokenModel) error {
	_, err := pg.db.Exec(ctx, "UPDATE "+verificationTokensTable+" set purpose = 'invalid' where id=$1", u.ID) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Consume Verification Token for user %s %w", u.UserUID, err)
	}

	return nil
}
func (pg *AuthStore) AddVerificationAttempt(ctx context.Context, uid uuid.UUID) error {
	_, err := pg.db.Exec(ctx, "UPDATE "+verificationTokensTable+" set attempts = attempts + 1 where user_id=$1", uid) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Add verification attempt for user %s %w", uid, err)
	}

	return nil
}

func (pg *AuthStore) ConsumeVerification(ctx context.Context, u *VerificationTokenModel) error {
	_, err := pg.db.Exec(ctx, "UPDATE "+verificationTokensTable+" set consumed_at = $1 where purpose=$2 and user_id=$3", u.Consumed, u.Purpose, u.UserUID) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Consume Verification Token for user %s %w", u.UserUID, err)
	}

	return nil
}

func (pg *AuthStore) DeleteVerificationToken(ctx context.Context, u *VerificationTokenModel) error {
	_, err := pg.db.Exec(ctx, "DELETE FROM "+verificationTokensTable+" where id=$1", u.ID) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Delete verification Token for user %s %w", u.UserUID, err)
	}

	return nil
}

func (pg *AuthStore) ReadUserVerification(ctx context.Context, purposeIn VerificationPurpose, channelIn VerificationChannel, uid uuid.UUID) (*VerificationTokenModel, error) {
	row := pg.db.QueryRow(ctx, "SELECT id, channel, purpose, attempts, expires_at, consumed_at, created_at from "+verificationTokensTable+" where user_id = $1 and purpose=$2 and channel=$3 AND consumed_at is null", uid, purposeIn, channelIn) // expect: dynamic

	var id int
	var channel VerificationChannel
	var purpose VerificationPurpose
	var attempts int16
	var expiration time.Time
	var comsumed *time.Time
	var createdAt time.Time

	err := row.Scan(&id, &channel, &purpose, &attempts, &expiration, &comsumed, &createdAt)
	if err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return nil, nil
		}

		return nil, fmt.Errorf("auth db: Read User Verification Token with uid %s %w", uid, err)
	}

	model := &VerificationTokenModel{
		ID:         id,
		UserUID:    uid,
		Channel:    channel,
		Purpose:    purpose,
		Attempts:   attempts,
		Consumed:   comsumed,
		Expiration: expiration,
		CreatedAt:  createdAt,
	}

	return model, nil
}

func (pg *AuthStore) CreateUser(ctx context.Context, u *UserModel) error {
	args := pgx.NamedArgs{
		"id":    u.ID,
		"name":  u.Name,
		"email": u.Email,
		"pw":    u.Pw,
	}

	_, err := pg.db.Exec(ctx, "INSERT INTO "+usersTable+"(id, name, email, pw) VALUES (@id, @name, @email, @pw)", args) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Create User %s %s, %s %w", u.ID, u.Name, u.Email, err)
	}

	return nil
}

func (pg *AuthStore) UserVerified(ctx context.Context, uid uuid.UUID) error {
	_, err := pg.db.Exec(ctx, "UPDATE "+usersTable+" set verified = true, status = 'NEWUSER' where id=$1", uid) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: User Verified for user %s %w", uid, err)
	}

	return nil
}

func (pg *AuthStore) UpdateUserPassword(ctx context.Context, uid uuid.UUID, pw []byte) error {
	_, err := pg.db.Exec(ctx, "UPDATE "+usersTable+" set pw=$1 where id = $2 ", pw, uid) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Update User Password ID %d %w", uid, err)
	}

	return nil
}

func (pg *AuthStore) UpdateUser(ctx context.Context, u *UserModel) error {
	ags := pgx.NamedArgs{
		"name":   u.Name,
		"email":  u.Email,
		"pw":     u.Pw,
		"id":     u.ID,
		"status": u.Status,
	}
	ct, err := pg.db.Exec(ctx, "UPDATE "+usersTable+" set name = @name, email=@email, pw=@pw, status=@status where id = @id ", ags) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Update User %s, %s with ID %d %w", u.Name, u.Email, u.ID, err)
	}

	if ct.RowsAffected() != 1 {
		return fmt.Errorf("auth db: Update User %s, %s with ID %d- No Rows affected", u.Name, u.Email, u.ID)
	}

	return nil
}

func (pg *AuthStore) DeleteUser(ctx context.Context, u *UserModel) error {
	ct, err := pg.db.Exec(ctx, "DELETE FROM"+usersTable+" where id = $1 ", u.ID) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Delete User %s, %s with ID %d %w", u.Name, u.Email, u.ID, err)
	}

	if ct.RowsAffected() != 1 {
		return fmt.Errorf("auth db: Delete User %s, %s with ID %d - No Rows affected", u.Name, u.Email, u.ID)
	}

	return nil
}

func (pg *AuthStore) ReadUserByEmail(ctx context.Context, emailReq string) (*UserModel, error) {
	row := pg.db.QueryRow(ctx, "SELECT id, email, pw, name, status from "+usersTable+" where email=$1", emailReq) // expect: dynamic

	var id uuid.UUID
	var email string
	var pw []byte
	var name string
	var status UserStatus

	err := row.Scan(&id, &email, &pw, &name, &status)
	if err != nil {
		return nil, fmt.Errorf("auth db: ReadUserByEmail %s %w", emailReq, err)
	}

	return &UserModel{
		ID:     id,
		Email:  email,
		Pw:     pw,
		Name:   name,
		Status: status,
	}, nil
}

func (pg *AuthStore) StoreRefreshToken(ctx context.Context, uid uuid.UUID, t *crypto.RefreshToken) error {
	_, err := pg.db.Exec(ctx, "INSERT INTO "+refreshTokensTable+"(user_id, token_hash, expires) VALUES ($1, $2, $3)", uid, t.Hashed, t.Exp) // expect: dynamic
	if err != nil {
		return fmt.Errorf("auth db: Store Refresh Token %w", err)
	}

	return nil
}

func (pg *AuthStore) DeleteRefreshTokenByToken(ctx context.Context, hashed []byte) error {
	_, err := pg.db.Exec(ctx, "DELETE FROM "+refreshTokensTable+" rt where rt.token_hash = $1", hashed) // expect: dynamic
	if err != nil {
		return fmt.Errorf("db error 621: could not delete refresh_token %v %w", hashed, err)
	}
	return nil
}

// ---- part 2 (id 56672144886) ----
type repo struct {
	db *pgxpool.Pool
}

func newRepo(db *pgxpool.Pool) *repo {
	return &repo{db}
}

func (s *repo) GetMFAList(ctx context.Context, userID string) (*model.MfaList, error) { // expect-next: static
	query := `
		SELECT mfa_totp.id FROM users
		LEFT JOIN mfa_totp ON users.user_id = mfa_totp.user_id
		WHERE users.user_id = @user_id
	`
	args := pgx.NamedArgs{"user_id": userID}
	row := s.db.QueryRow(ctx, query, args)

	var list struct {
		TotpID *string
	}
	err := row.Scan(&list.TotpID)
	if err != nil {
		return nil, err
	}

	return &model.MfaList{
		Totp: list.TotpID != nil,
	}, nil
}

func (s *repo) GetTOTP(ctx context.Context, userID string) (*model.MfaTotp, error) { // expect-next: static
	query := `
		SELECT * FROM mfa_totp
		WHERE user_id = @user_id
	`
	args := pgx.NamedArgs{"user_id": userID}
	totp, err := s.fetchTOTP(ctx, query, args)
	if err != nil {
		if err == pgx.ErrNoRows {
			return nil, apperrors.NotFound
		}
		return nil, err
	}
	return totp, nil
}

func (s *repo) UpsertTOTP(ctx context.Context, key string, userID string) error { // expect-next: static
	query := `
		INSERT INTO mfa_totp(key, user_id)
		VALUES (@key, @user_id)
		ON CONFLICT(user_id)
		DO UPDATE SET
			key = EXCLUDED.key
	`
	args := pgx.NamedArgs{"key": key, "user_id": userID}
	_, err := s.db.Exec(ctx, query, args)
	return err
}

func (s *repo) fetchTOTP(ctx context.Context, query string, args ...any) (*model.MfaTotp, error) {
	rows, err := s.db.Query(ctx, query, args...)
	if err != nil {
		return nil, err
	}
	defer rows.Close()

	totp, err := pgx.CollectOneRow(rows, pgx.RowToStructByName[model.MfaTotp])
	if err != nil {
		return nil, err
	}
	return &totp, nil
}
