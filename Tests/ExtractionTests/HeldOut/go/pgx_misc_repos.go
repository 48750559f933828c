// Source: five pgx apps found with find_string "pool.QueryRow(ctx, `" (ids 54249409118,
// 70321803248, 58778224688, 62963205653, 60844769138); repository names not returned.
// Excerpts verbatim, concatenated into one file.
// Classes: raw strings opening on the call line (multi-line) and one-line raw strings, a SQL
//          statement continued on the next line, "DELETE FROM "+tbl (dynamic), `...`+customerSelect+`
//          (dynamic), JSON literal inside SQL, set_config, decoys (HTTP paths, t.Fatalf texts,
//          "pg:" keys, provider + " playlist").
package store

func (r *Repo) InsertInstance(ctx context.Context, row *InstanceRow) error {
	// expect-next: static
	_, err := r.pool.Exec(ctx, `
		INSERT INTO instances (
			id, name, owner_principal_id, vm_state,
			instance_type_id, image_id, availability_zone,
			version, created_at, updated_at
		) VALUES ($1,$2,$3,'requested',$4,$5,$6,0,NOW(),NOW())
	`,
		row.ID, row.Name, row.OwnerPrincipalID,
		row.InstanceTypeID, row.ImageID, row.AvailabilityZone,
	)
	if err != nil {
		return fmt.Errorf("InsertInstance: %w", err)
	}
	return nil
}

func (r *Repo) GetInstanceByID(ctx context.Context, id string) (*InstanceRow, error) {
	row := &InstanceRow{}
	// expect-next: static
	err := r.pool.QueryRow(ctx, `
		SELECT id, name, owner_principal_id, vm_state,
		       instance_type_id, image_id, host_id, availability_zone,
		       version, created_at, updated_at, deleted_at
		FROM instances
		WHERE id = $1
		  AND deleted_at IS NULL
	`, id).Scan(
		&row.ID, &row.Name, &row.OwnerPrincipalID, &row.VMState,
		&row.InstanceTypeID, &row.ImageID, &row.HostID, &row.AvailabilityZone,
		&row.Version, &row.CreatedAt, &row.UpdatedAt, &row.DeletedAt,
	)
	if err != nil {
		return nil, fmt.Errorf("GetInstanceByID %s: %w", id, err)
	}
	return row, nil
}

func newHarness(t *testing.T, s *Store) *harness {
	ctx := context.Background()
	for _, tbl := range []string{"points", "visits", "place_visits", "taggings", "tags", "places", "areas", "notes",
		"planned_days", "trips", "track_segments", "tracks", "stats", "imports", "users"} {
		if _, err := s.Pool.Exec(ctx, "DELETE FROM "+tbl); err != nil { // expect: dynamic
			t.Fatalf("clean %s: %v", tbl, err)
		}
	}
	// expect-next: static
	_, _ = s.Pool.Exec(ctx, `INSERT INTO countries (iso_a2, iso_a3, name, geom, created_at, updated_at)
		SELECT 'DE','DEU','Germany', ST_Multi(ST_MakeEnvelope(5.8, 47.2, 15.1, 55.1, 4326)), now(), now()
		WHERE NOT EXISTS (SELECT 1 FROM countries WHERE iso_a2='DE')`)
	key := "test-key-123"
	var uid int64
	// expect-next: static
	if err := s.Pool.QueryRow(ctx, `INSERT INTO users (email, api_key, encrypted_password, status, created_at, updated_at, settings)
		VALUES ('t@example.com',$1,'x',1,now(),now(),'{"minutes_between_routes":"30","min_minutes_spent_in_city":"0","visit_min_duration_minutes":"5","visit_min_points":"3"}') RETURNING id`, key).Scan(&uid); err != nil {
		t.Fatal(err)
	}
	return &harness{t: t, s: s, key: key, uid: uid}
}

func syncPlaylist(ctx context.Context, pool *pgxpool.Pool, p Playlist) error {
	meta, tracks, err := GetPlaylistItemsRefresh(ctx, p.Provider, access, extra, p.ExternalID, refresh)
	if err != nil {
		_, _ = pool.Exec(ctx, `UPDATE external_playlists SET last_sync_status='failed', last_error=$2, last_sync_attempt_at=now() WHERE user_id=$1 AND provider=$3 AND external_playlist_id=$4`, p.UserID, err.Error(), p.Provider, p.ExternalID) // expect: static
		return err
	}
	name := p.Name
	if name == "" {
		name = p.Provider + " playlist"
	}
	sdID := p.PlaylistUUID
	var existing uuid.UUID
	_ = pool.QueryRow(ctx, `SELECT sounddock_playlist_id FROM external_playlists WHERE user_id=$1 AND provider=$2 AND external_playlist_id=$3 AND sounddock_playlist_id IS NOT NULL`, p.UserID, p.Provider, p.ExternalID).Scan(&existing) // expect: static
	if existing != uuid.Nil {
		sdID = existing
	}
	if sdID == uuid.Nil {
		_ = pool.QueryRow(ctx, `INSERT INTO playlists (user_id, name, description) VALUES ($1,$2,$3) RETURNING id`, p.UserID, name, meta.Description).Scan(&sdID) // expect: static
	}
	var prevSnap, prevStatus string
	// expect-next: static
	_ = pool.QueryRow(ctx, `
			SELECT coalesce(external_snapshot,''), coalesce(last_sync_status,'')
			FROM external_playlists WHERE user_id=$1 AND provider=$2 AND external_playlist_id=$3`,
		p.UserID, p.Provider, p.ExternalID).Scan(&prevSnap, &prevStatus)
	_ = tracks
	return nil
}

func (s *Store) BackfillBlockAccounting(ctx context.Context, blockHash string) (fresh bool, err error) {
	var height int64
	if err := s.pool.QueryRow(ctx, `SELECT height FROM blocks WHERE hash = $1`, blockHash).Scan(&height); err != nil { // expect: static
		if errors.Is(err, pgx.ErrNoRows) {
			return false, fmt.Errorf("store: backfill accounting: no block %s", blockHash)
		}
		return false, fmt.Errorf("store: backfill accounting: read block %s: %w", blockHash, err)
	}

	var coinbaseTxid string
	var isCoinbase bool
	// expect-next: static
	err = s.pool.QueryRow(ctx, `
		SELECT t.txid, t.is_coinbase
		FROM block_transactions bt
		JOIN transactions t ON t.txid = bt.txid
		WHERE bt.block_hash = $1 AND bt.tx_index = 0
	`, blockHash).Scan(&coinbaseTxid, &isCoinbase)
	if errors.Is(err, pgx.ErrNoRows) {
		return false, fmt.Errorf("store: backfill accounting: block %s has no tx_index 0 occurrence", blockHash)
	}
	return true, err
}

func (s *Service) GetCustomer(ctx context.Context, c *authdto.Claims, id string) (Customer, error) {
	// expect-next: dynamic
	return scanCustomer(s.pool.QueryRow(ctx, `WITH scope AS (
		SELECT set_config('app.user_id',$2::text,true),set_config('app.merchant_id',$1::text,true),
		(SELECT shop_id FROM user_memberships WHERE merchant_id=$1::uuid AND id=NULLIF($3,'')::uuid) shop_id
	) `+customerSelect+` CROSS JOIN scope WHERE cu.merchant_id=$1::uuid AND cu.id=$4::uuid
	AND (scope.shop_id IS NULL OR EXISTS(SELECT 1 FROM orders o LEFT JOIN locations l ON l.merchant_id=o.merchant_id AND l.id=o.fulfillment_location_id WHERE o.merchant_id=cu.merchant_id AND o.customer_id=cu.id AND l.shop_id=scope.shop_id)
	OR EXISTS(SELECT 1 FROM repair_orders ro JOIN service_orders so ON so.merchant_id=ro.merchant_id AND so.id=ro.service_order_id WHERE ro.merchant_id=cu.merchant_id AND ro.customer_id=cu.id AND so.shop_id=scope.shop_id))`, c.MerchantID, c.IdentityID, c.MembershipID, id))
}
