// Source: driver-hub/driver-hub — internal/.../postgres store (find_string id 69213358793; the
// module path names the repository); Romasmi/s-shop-microservices — delivery-service courier
// repository (id 67142611658). Excerpts verbatim (some methods left out), concatenated.
// Classes: pgx pool.QueryRow / Exec / Query with raw strings opening on the call line,
//          $n placeholders with ::text[] casts, ON CONFLICT upserts, a WHERE clause passed to a
//          helper (fragment) and appended with `+where` (dynamic), double-quoted one-liners,
//          decoys (error messages, nullStr).
package postgres

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/driver-hub/driver-hub/internal/domain"
	"github.com/google/uuid"
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgxpool"
)

type Store struct {
	pool *pgxpool.Pool
}

func (s *Store) CreateCompany(ctx context.Context, c *domain.Company) error {
	// expect-next: static
	return s.pool.QueryRow(ctx, `
		INSERT INTO companies (name, inn, ogrn, email, phone, password_hash, verified)
		VALUES ($1,$2,$3,$4,$5,$6,$7)
		RETURNING id, created_at`,
		c.Name, c.INN, c.OGRN, c.Email, c.Phone, c.PasswordHash, c.Verified,
	).Scan(&c.ID, &c.CreatedAt)
}

func (s *Store) GetCompanyByEmail(ctx context.Context, email string) (*domain.Company, error) {
	var c domain.Company
	// expect-next: static
	err := s.pool.QueryRow(ctx, `
		SELECT id, name, inn, COALESCE(ogrn,''), email, COALESCE(phone,''), password_hash, verified, created_at
		FROM companies WHERE email=$1`, email,
	).Scan(&c.ID, &c.Name, &c.INN, &c.OGRN, &c.Email, &c.Phone, &c.PasswordHash, &c.Verified, &c.CreatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &c, err
}

func (s *Store) UpdateCompanyPassword(ctx context.Context, id uuid.UUID, hash string) error {
	_, err := s.pool.Exec(ctx, `UPDATE companies SET password_hash=$2, verified=TRUE WHERE id=$1`, id, hash) // expect: static
	return err
}

func (s *Store) UpdateDriverPassword(ctx context.Context, id uuid.UUID, hash string) error {
	_, err := s.pool.Exec(ctx, `UPDATE drivers SET password_hash=$2, updated_at=NOW() WHERE id=$1`, id, hash) // expect: static
	return err
}

func (s *Store) UpdateDriverProfile(ctx context.Context, id uuid.UUID, last, first, middle string, birth *time.Time, categories []string) error {
	// expect-next: static
	_, err := s.pool.Exec(ctx, `
		UPDATE drivers SET
			last_name=COALESCE(NULLIF($2,''), last_name),
			first_name=COALESCE(NULLIF($3,''), first_name),
			middle_name=COALESCE(NULLIF($4,''), middle_name),
			birth_date=COALESCE($5, birth_date),
			categories=CASE WHEN cardinality($6::text[])>0 THEN $6 ELSE categories END,
			updated_at=NOW()
		WHERE id=$1`, id, last, first, middle, birth, categories)
	return err
}

func (s *Store) GetDriverByID(ctx context.Context, id uuid.UUID) (*domain.Driver, error) {
	return s.scanDriver(ctx, `WHERE id=$1`, id) // expect: fragment
}

func (s *Store) GetDriverByHubID(ctx context.Context, hubID string) (*domain.Driver, error) {
	return s.scanDriver(ctx, `WHERE hub_id=$1`, hubID) // expect: fragment
}

func (s *Store) scanDriver(ctx context.Context, where string, arg any) (*domain.Driver, error) {
	var d domain.Driver
	// expect-next: dynamic
	err := s.pool.QueryRow(ctx, `
		SELECT id, hub_id, COALESCE(esia_oid,''), COALESCE(email,''), COALESCE(phone,''),
		       last_name, first_name, COALESCE(middle_name,''), birth_date, COALESCE(snils,''), COALESCE(inn,''),
		       experience_years, categories, verification_status, verified_at, created_at, updated_at
		FROM drivers `+where, arg,
	).Scan(&d.ID, &d.HubID, &d.ESIAOID, &d.Email, &d.Phone, &d.LastName, &d.FirstName, &d.MiddleName,
		&d.BirthDate, &d.SNILS, &d.INN, &d.ExperienceYears, &d.Categories, &d.VerificationStatus,
		&d.VerifiedAt, &d.CreatedAt, &d.UpdatedAt)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &d, err
}

func (s *Store) ClearESIAOID(ctx context.Context, driverID uuid.UUID) error {
	_, err := s.pool.Exec(ctx, `UPDATE drivers SET esia_oid=NULL, updated_at=NOW() WHERE id=$1`, driverID) // expect: static
	return err
}

func (s *Store) UpsertLicense(ctx context.Context, lic *domain.DriverLicense) error {
	// expect-next: static
	return s.pool.QueryRow(ctx, `
		INSERT INTO driver_licenses (driver_id, series, number, issue_date, expiry_date, categories, issuer, source, verified, raw_esia_payload)
		VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10)
		ON CONFLICT (driver_id) DO UPDATE SET
			series=EXCLUDED.series, number=EXCLUDED.number, issue_date=EXCLUDED.issue_date,
			expiry_date=EXCLUDED.expiry_date, categories=EXCLUDED.categories, issuer=EXCLUDED.issuer,
			source=EXCLUDED.source, verified=EXCLUDED.verified, raw_esia_payload=EXCLUDED.raw_esia_payload,
			updated_at=NOW()
		RETURNING id, updated_at`,
		lic.DriverID, lic.Series, lic.Number, lic.IssueDate, lic.ExpiryDate, lic.Categories,
		lic.Issuer, lic.Source, lic.Verified, nullStr(lic.RawESIAPayload),
	).Scan(&lic.ID, &lic.UpdatedAt)
}

func (s *Store) ListMedical(ctx context.Context, driverID uuid.UUID) ([]domain.MedicalCertificate, error) {
	// expect-next: static
	rows, err := s.pool.Query(ctx, `
		SELECT id, driver_id, number, issued_at, valid_until, COALESCE(clinic,''), result, categories, COALESCE(file_url,''), source, created_at
		FROM medical_certificates WHERE driver_id=$1 ORDER BY created_at DESC`, driverID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	var out []domain.MedicalCertificate
	for rows.Next() {
		var m domain.MedicalCertificate
		if err := rows.Scan(&m.ID, &m.DriverID, &m.Number, &m.IssuedAt, &m.ValidUntil, &m.Clinic, &m.Result, &m.Categories, &m.FileURL, &m.Source, &m.CreatedAt); err != nil {
			return nil, err
		}
		out = append(out, m)
	}
	return out, rows.Err()
}

func (s *Store) RevokeGrant(ctx context.Context, driverID, companyID uuid.UUID) error {
	// expect-next: static
	_, err := s.pool.Exec(ctx, `
		UPDATE access_grants SET active=FALSE, revoked_at=NOW()
		WHERE driver_id=$1 AND company_id=$2`, driverID, companyID)
	return err
}

func (s *Store) GetActiveGrant(ctx context.Context, driverID, companyID uuid.UUID) (*domain.AccessGrant, error) {
	var g domain.AccessGrant
	// expect-next: static
	err := s.pool.QueryRow(ctx, `
		SELECT id, driver_id, company_id, purpose, granted_at, expires_at, revoked_at, active
		FROM access_grants
		WHERE driver_id=$1 AND company_id=$2 AND active=TRUE
		  AND (expires_at IS NULL OR expires_at > NOW())`, driverID, companyID,
	).Scan(&g.ID, &g.DriverID, &g.CompanyID, &g.Purpose, &g.GrantedAt, &g.ExpiresAt, &g.RevokedAt, &g.Active)
	if errors.Is(err, pgx.ErrNoRows) {
		return nil, nil
	}
	return &g, err
}

func (s *Store) ListRecommendations(ctx context.Context, driverID uuid.UUID) ([]domain.Recommendation, error) {
	// expect-next: static
	rows, err := s.pool.Query(ctx, `
		SELECT r.id, r.driver_id, r.company_id, c.name, r.text, r.rating, r.created_at
		FROM recommendations r JOIN companies c ON c.id=r.company_id
		WHERE r.driver_id=$1 ORDER BY r.created_at DESC`, driverID)
	if err != nil {
		return nil, err
	}
	defer rows.Close()
	return nil, rows.Err()
}

// Romasmi/s-shop-microservices — delivery-service/internal/.../courier_repository.go

type CourierRepository struct {
	pool *pgxpool.Pool
}

func (r *CourierRepository) AddCourier(ctx context.Context, c *courier.Courier) error {
	_, err := r.pool.Exec(ctx, "INSERT INTO couriers (id, name) VALUES ($1, $2) ON CONFLICT (id) DO UPDATE SET name = EXCLUDED.name", c.ID, c.Name) // expect: static
	if err != nil {
		return fmt.Errorf("failed to add courier: %w", err)
	}
	return nil
}

func (r *CourierRepository) GetAvailableCourier(ctx context.Context, from, to int64) (uuid.UUID, error) {
	var courierID uuid.UUID
	// expect-next: static
	err := r.pool.QueryRow(ctx, `
		SELECT id 
		FROM couriers 
		WHERE id NOT IN (
			SELECT courier_id 
			FROM slots 
			WHERE to_date > $1 AND from_date < $2
		) 
		LIMIT 1`, from, to).Scan(&courierID)

	if err != nil {
		if errors.Is(err, pgx.ErrNoRows) {
			return uuid.Nil, courier.ErrNoAvailableCourier
		}
		return uuid.Nil, fmt.Errorf("failed to get available courier: %w", err)
	}
	return courierID, nil
}

func (r *CourierRepository) CreateSlot(ctx context.Context, s *courier.Slot) error {
	_, err := r.pool.Exec(ctx, "INSERT INTO slots (order_id, courier_id, from_date, to_date) VALUES ($1, $2, $3, $4)", s.OrderID, s.CourierID, s.FromDate, s.ToDate) // expect: static
	if err != nil {
		return fmt.Errorf("failed to create slot: %w", err)
	}
	return nil
}
