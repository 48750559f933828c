// Source: found via find_string (GORM store of a Kubernetes object indexer; file "store.go",
// package store). Repository name not returned by the index — excerpt kept verbatim.
// Classes: fragments (GORM .Where("... = ?") and First(&x, "id = ?") inline conditions),
//          decoys (driver names "sqlite"/"postgres", column-name lists passed to
//          clause.AssignmentColumns, fmt.Errorf messages).

package store

import (
	"context"
	"fmt"
	"time"

	"github.com/google/uuid"
	"gorm.io/gorm"
	"gorm.io/gorm/clause"
)

type store struct {
	db     *gorm.DB
	driver string
}

func NewStore(cfg Config) (Store, error) {
	var db *gorm.DB
	var err error

	switch cfg.Driver {
	case "sqlite":
		db, err = newSQLiteDB(cfg.DSN)
	case "postgres":
		db, err = newPostgresDB(cfg.DSN)
	default:
		return nil, fmt.Errorf("unsupported database driver: %s", cfg.Driver)
	}
	if err != nil {
		return nil, fmt.Errorf("failed to open database: %w", err)
	}

	return &store{db: db, driver: cfg.Driver}, nil
}

func (s *store) UpsertCluster(ctx context.Context, c *ClusterModel) error {
	return s.db.WithContext(ctx).
		Clauses(clause.OnConflict{
			Columns:   []clause.Column{{Name: "name"}},
			DoUpdates: clause.AssignmentColumns([]string{"status", "last_seen", "engaged_at", "labels", "ttl"}),
		}).
		Create(c).Error
}

func (s *store) DeleteObject(ctx context.Context, cluster, apiGroup, kind, namespace, name string) error {
	return s.db.WithContext(ctx).
		Where("cluster = ? AND api_group = ? AND kind = ? AND namespace = ? AND name = ?", // expect: fragment
			cluster, apiGroup, kind, namespace, name).
		Delete(&ObjectModel{}).Error
}

func (s *store) GetObject(ctx context.Context, id uuid.UUID) (*ObjectModel, error) {
	var obj ObjectModel
	if err := s.db.WithContext(ctx).First(&obj, "id = ?", id).Error; err != nil { // expect: fragment
		return nil, err
	}
	return &obj, nil
}

func (s *store) DeleteResourceTypesForCluster(ctx context.Context, cluster string) error {
	return s.db.WithContext(ctx).
		Where("cluster = ?", cluster). // expect: fragment
		Delete(&ResourceTypeModel{}).Error
}

func (s *store) GetCluster(ctx context.Context, name string) (*ClusterModel, error) {
	var c ClusterModel
	if err := s.db.WithContext(ctx).First(&c, "name = ?", name).Error; err != nil { // expect: fragment
		return nil, err
	}
	return &c, nil
}

func (s *store) ListStaleClusters(ctx context.Context, expiredBefore time.Time) ([]ClusterModel, error) {
	var clusters []ClusterModel
	err := s.db.WithContext(ctx).
		Where("status = ? AND last_seen < ?", "stale", expiredBefore). // expect: fragment
		Find(&clusters).Error
	return clusters, err
}

func (s *store) DeleteCluster(ctx context.Context, name string) error {
	return s.db.WithContext(ctx).Where("name = ?", name).Delete(&ClusterModel{}).Error // expect: fragment
}

func (s *store) DeleteObjectsForCluster(ctx context.Context, cluster string) error {
	return s.db.WithContext(ctx).Where("cluster = ?", cluster).Delete(&ObjectModel{}).Error // expect: fragment
}
