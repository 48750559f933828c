// Source: photoprism/photoprism, internal/entity/query/moments.go (read_file id 71156323341,
// commit 058574b9c2f22f1e76dfa3557094c19d9b72bb6e). Cut: one contiguous part, original lines
// 86-383 (from "// MomentLabelsFilter returns ..." to the end of the file); left out are
// lines 1-85: package clause, imports, the Moment struct and the MomentLabels map (no SQL).
// Unchanged except for this header and the label comments appended at line ends.
// Classes: jinzhu/gorm v1 chains: Select with COUNT(*) expressions and aliases, Where
// conditions (deleted_at IS NULL, <> 'zz', IN (?)), conditional stmt = stmt.Where(...), Joins
// with ON conditions, Order with DESC, Having("COUNT(*) >= ?"); a FROM/JOIN/WHERE/GROUP BY
// piece kept in a Go const (raw string opening mid-line) and spliced after "SELECT ... FROM ";
// gorm Raw/Exec with ? binds (IN (?) expanded by gorm); fmt.Sprintf table name in a DELETE.
// Decoys: Table("photos"), Group("...") column lists, fmt.Sprintf slug/title formats
// ("%s-%s-%04d", "%s / %d"), date.Format("January 2006"), entity.AlbumManual arguments.
// MomentLabelsFilter returns the smart filter string for a moment based on a matching label.
func MomentLabelsFilter(label string) string {
	// TODO: Needs refactoring
	label = strings.SplitN(label, txt.Or, 2)[0]

	title := MomentLabels[label]

	if title == "" {
		return ""
	}

	var l []string

	for i := range MomentLabels {
		if MomentLabels[i] == title {
			l = append(l, i)
		}
	}

	return strings.Join(txt.UniqueWords(l), txt.Or)
}

// CountryName returns the country name if any.
func (m Moment) CountryName() string {
	if m.Country == "" {
		return ""
	}

	return maps.CountryName(m.Country)
}

// Location returns the location name for the moment.
func (m Moment) Location() string {
	if state := clean.State(m.State, m.Country); state != "" {
		return fmt.Sprintf("%s, %s", state, m.CountryName())
	}

	return m.CountryName()
}

// Slug returns an identifier string for a moment.
func (m Moment) Slug() (s string) {
	state := clean.State(m.State, m.Country)

	if state == "" {
		return m.TitleSlug()
	}

	country := maps.CountryName(m.Country)

	switch {
	case m.Year > 1900 && m.Month == 0:
		s = fmt.Sprintf("%s-%s-%04d", country, state, m.Year)
	case m.Year > 1900 && m.Month > 0 && m.Month <= 12:
		s = fmt.Sprintf("%s-%s-%04d-%02d", country, state, m.Year, m.Month)
	default:
		s = fmt.Sprintf("%s-%s", country, state)
	}

	return txt.Slug(s)
}

// TitleSlug returns an identifier string based on the title.
func (m Moment) TitleSlug() string {
	return txt.Slug(m.Title())
}

// Title returns an english title for the moment.
func (m Moment) Title() string {
	state := clean.State(m.State, m.Country)

	if m.Year == 0 && m.Month == 0 {
		if m.Label != "" {
			return MomentLabels[strings.SplitN(m.Label, txt.Or, 2)[0]]
		}
		if state != "" {
			return state
		}

		return m.CountryName()
	}

	if m.Country != "" && m.Year > 1900 && m.Month == 0 {
		if state != "" {
			return fmt.Sprintf("%s / %d", state, m.Year)
		}

		return fmt.Sprintf("%s %d", m.CountryName(), m.Year)
	}

	if m.Year > 1900 && m.Month > 0 && m.Month <= 12 {
		date := time.Date(m.Year, time.Month(m.Month), 1, 0, 0, 0, 0, time.UTC)

		if state != "" {
			return fmt.Sprintf("%s / %s", state, date.Format("January 2006"))
		}

		if m.Country == "" {
			return date.Format("January 2006")
		}

		return fmt.Sprintf("%s / %s", m.CountryName(), date.Format("January 2006"))
	}

	if m.Month > 0 && m.Month <= 12 {
		return time.Month(m.Month).String()
	}

	return m.CountryName()
}

// Moments represents a list of moments.
type Moments []Moment

// MomentsTime counts photos by month and year.
func MomentsTime(threshold int, public bool) (results Moments, err error) {
	stmt := UnscopedDb().Table("photos").
		Select("photos.photo_year AS year, photos.photo_month AS month, COUNT(*) AS photo_count"). // expect: fragment
		Where("photos.photo_quality >= 3 AND deleted_at IS NULL AND photos.photo_year > 0 AND photos.photo_month > 0") // expect: fragment

	// Ignore private pictures?
	if public {
		stmt = stmt.Where("photo_private = FALSE") // expect: fragment
	}

	stmt = stmt.Group("photos.photo_year, photos.photo_month").
		Order("photos.photo_year DESC, photos.photo_month DESC"). // expect: fragment
		Having("COUNT(*) >= ?", threshold) // expect: fragment

	results = make(Moments, 0)

	if err = stmt.Scan(&results).Error; err != nil {
		return results, err
	}

	return results, nil
}

// MomentsCountries returns the most popular countries by year.
func MomentsCountries(threshold int, public bool) (results Moments, err error) {
	stmt := UnscopedDb().Table("photos").
		Select("photo_year AS year, photo_country AS country, COUNT(*) AS photo_count"). // expect: fragment
		Where("photos.photo_quality >= 3 AND deleted_at IS NULL AND photo_country <> 'zz' AND photo_year > 0") // expect: fragment

	// Ignore private pictures?
	if public {
		stmt = stmt.Where("photo_private = FALSE") // expect: fragment
	}

	stmt = stmt.Group("photo_year, photo_country").
		Having("COUNT(*) >= ?", threshold) // expect: fragment

	results = make(Moments, 0)

	if err = stmt.Scan(&results).Error; err != nil {
		return results, err
	}

	return results, nil
}

// MomentsStates returns the most popular states and countries by year.
func MomentsStates(threshold int, public bool) (results Moments, err error) {
	stmt := UnscopedDb().Table("photos").
		Select("p.place_country AS country, p.place_state AS state, COUNT(*) AS photo_count"). // expect: fragment
		Joins("JOIN places p ON p.id = photos.place_id"). // expect: fragment
		Where("photos.photo_quality >= 3 AND photos.deleted_at IS NULL AND p.place_state <> '' AND p.place_country <> 'zz'") // expect: fragment

	// Ignore private pictures?
	if public {
		stmt = stmt.Where("photo_private = FALSE") // expect: fragment
	}

	stmt = stmt.Group("p.place_country, p.place_state").
		Having("COUNT(*) >= ?", threshold) // expect: fragment

	results = make(Moments, 0)

	if err = stmt.Scan(&results).Error; err != nil {
		return results, err
	}

	return results, nil
}

// MomentsLabels returns the most popular photo labels.
func MomentsLabels(threshold int, public bool) (results Moments, err error) {
	var labelSlugs []string

	for labelSlug := range MomentLabels {
		labelSlugs = append(labelSlugs, labelSlug)
	}

	m := Moments{}

	stmt := UnscopedDb().Table("photos").
		Select("l.label_slug AS label, COUNT(*) AS photo_count"). // expect: fragment
		Joins("JOIN photos_labels pl ON pl.photo_id = photos.id AND pl.uncertainty < 100"). // expect: fragment
		Joins("JOIN labels l ON l.id = pl.label_id"). // expect: fragment
		Where("photos.photo_quality >= 3 AND photos.deleted_at IS NULL AND l.label_slug IN (?)", labelSlugs) // expect: fragment

	// Ignore private pictures?
	if public {
		stmt = stmt.Where("photo_private = FALSE") // expect: fragment
	}

	stmt = stmt.Group("l.label_slug").
		Having("COUNT(*) >= ?", threshold) // expect: fragment

	if err = stmt.Scan(&m).Error; err != nil {
		return m, err
	}

	done := make(map[string]bool)

	for i := 0; i < len(m); i++ {
		f := MomentLabelsFilter(m[i].Label)

		if _, ok := done[f]; ok {
			continue
		} else {
			done[f] = true
		}

		m[i].Label = f
		results = append(results, m[i])
	}

	return results, nil
}

// duplicateMomentsFrom is the shared FROM/WHERE that pairs a generated album (a)
// with an earlier same-type sibling (b) it duplicates. It binds three parameters
// in order: the album type to skip (manual), then the folder type twice.
//
// Folder album slugs are not unique identities: long nested paths are truncated to
// ClipSlug runes and slug.Make drops emoji, so distinct sibling folders can share one
// album_slug. Folder albums are therefore deduplicated by album_filter (the serialized
// path) alone; only non-folder albums treat a matching album_slug as a duplicate. // expect-next: fragment
const duplicateMomentsFrom = `albums a JOIN albums b ON a.album_type <> ?
		AND a.album_type = b.album_type AND a.id > b.id
		WHERE ((a.album_type = ? AND a.album_filter = b.album_filter)
			OR (a.album_type <> ? AND (a.album_slug = b.album_slug OR a.album_filter = b.album_filter)))
		GROUP BY a.album_uid`

// RemoveDuplicateMoments deletes generated albums with a duplicate filter, or a
// duplicate slug for non-folder album types, along with their shares and photo links.
func RemoveDuplicateMoments() (removed int, err error) {
	batch := BatchSize()

	// Selects the duplicates once inside the transaction, so every statement acts on the same albums
	// and a failure rolls back the album and its references together.
	err = UnscopedDb().Transaction(func(tx *gorm.DB) error {
		var duplicates []struct {
			ID       uint
			AlbumUID string
		}

		if err := tx.Raw(`SELECT a.id, a.album_uid FROM `+duplicateMomentsFrom, // expect: dynamic
			entity.AlbumManual, entity.AlbumFolder, entity.AlbumFolder).Scan(&duplicates).Error; err != nil {
			return err
		}

		for i := 0; i < len(duplicates); i += batch {
			chunk := duplicates[i:min(i+batch, len(duplicates))]
			ids := make([]uint, len(chunk))
			uids := make([]string, len(chunk))

			for k := range chunk {
				ids[k], uids[k] = chunk[k].ID, chunk[k].AlbumUID
			}

			if res := tx.Exec(`DELETE FROM albums WHERE id IN (?)`, ids); res.Error != nil { // expect: static
				return res.Error
			} else {
				removed += int(res.RowsAffected)
			}

			for _, table := range []string{entity.Link{}.TableName(), entity.UserShare{}.TableName()} {
				if res := tx.Exec(fmt.Sprintf(`DELETE FROM %s WHERE share_uid IN (?)`, table), uids); res.Error != nil { // expect: dynamic
					return res.Error
				}
			}

			if res := tx.Exec(`DELETE FROM photos_albums WHERE album_uid IN (?)`, uids); res.Error != nil { // expect: static
				return res.Error
			}
		}

		return nil
	})

	if err != nil {
		return 0, err
	}

	return removed, nil
}
