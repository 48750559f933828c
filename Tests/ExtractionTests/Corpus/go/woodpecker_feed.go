// Source: woodpecker-ci/woodpecker, server/store/datastore/feed.go
// (read_file id 5526911984, commit 00497f0efbe3bbe7850198042dfad71593621cba), Apache-2.0.
// Whole file as found; only this header, five trailing label comments and one inserted comment
// line (an expect-next label before the `Join("LEFT", …, "…= "+` line whose raw string opens at
// the end of the line, because the line before already carries its own label) were added.
// Classes: Woodpecker CI datastore on xorm; a select list with aliases kept in a package variable
// (raw string, unlabelled: column list, README decision 5); xorm Join ON conditions (fragments);
// an ON condition built from a literal and a raw string holding a correlated sub-SELECT with
// ORDER BY … DESC LIMIT 1 (one fragment); decoys: join types "INNER"/"LEFT", table names, bare
// columns in In()/Desc()/Asc(), builder.Eq map keys.
// Copyright 2021 Woodpecker Authors
//
// Licensed under the Apache License, Version 2.0 (the "License");
// you may not use this file except in compliance with the License.
// You may obtain a copy of the License at
//
//      http://www.apache.org/licenses/LICENSE-2.0
//
// Unless required by applicable law or agreed to in writing, software
// distributed under the License is distributed on an "AS IS" BASIS,
// WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
// See the License for the specific language governing permissions and
// limitations under the License.

package datastore

import (
	"xorm.io/builder"

	"github.com/woodpecker-ci/woodpecker/server/model"
)

var feedItemSelect = `repos.repo_owner as feed_repo_owner,
repos.repo_name as feed_repo_name,
repos.repo_full_name as feed_repo_full_name,
pipelines.pipeline_number as feed_pipeline_number,
pipelines.pipeline_event as feed_pipeline_event,
pipelines.pipeline_status as feed_pipeline_status,
pipelines.pipeline_created as feed_pipeline_created,
pipelines.pipeline_started as feed_pipeline_started,
pipelines.pipeline_finished as feed_pipeline_finished,
pipelines.pipeline_commit as feed_pipeline_commit,
pipelines.pipeline_branch as feed_pipeline_branch,
pipelines.pipeline_ref as feed_pipeline_ref,
pipelines.pipeline_refspec as feed_pipeline_refspec,
pipelines.pipeline_clone_url as feed_pipeline_clone_url,
pipelines.pipeline_title as feed_pipeline_title,
pipelines.pipeline_message as feed_pipeline_message,
pipelines.pipeline_author as feed_pipeline_author,
pipelines.pipeline_email as feed_pipeline_email,
pipelines.pipeline_avatar as feed_pipeline_avatar`

func (s storage) GetPipelineQueue() ([]*model.Feed, error) {
	feed := make([]*model.Feed, 0, perPage)
	err := s.engine.Table("pipelines").
		Select(feedItemSelect).
		Join("INNER", "repos", "pipelines.pipeline_repo_id = repos.repo_id"). // expect: fragment
		In("pipelines.pipeline_status", model.StatusPending, model.StatusRunning).
		Find(&feed)
	return feed, err
}

func (s storage) UserFeed(user *model.User) ([]*model.Feed, error) {
	feed := make([]*model.Feed, 0, perPage)
	err := s.engine.Table("repos").
		Select(feedItemSelect).
		Join("INNER", "perms", "repos.repo_id = perms.perm_repo_id"). // expect: fragment
		Join("INNER", "pipelines", "repos.repo_id = pipelines.pipeline_repo_id"). // expect: fragment
		Where(userPushOrAdminCondition(user.ID)).
		Desc("pipelines.pipeline_id").
		Limit(perPage).
		Find(&feed)

	return feed, err
}

func (s storage) RepoListLatest(user *model.User) ([]*model.Feed, error) {
	feed := make([]*model.Feed, 0, perPage)

	err := s.engine.Table("repos").
		Select(feedItemSelect).
		Join("INNER", "perms", "repos.repo_id = perms.perm_repo_id"). // expect: fragment
		// expect-next: fragment
		Join("LEFT", "pipelines", "pipelines.pipeline_id = "+`(
			SELECT pipelines.pipeline_id FROM pipelines
			WHERE pipelines.pipeline_repo_id = repos.repo_id
			ORDER BY pipelines.pipeline_id DESC
			LIMIT 1
			)`).
		Where(userPushOrAdminCondition(user.ID)).
		And(builder.Eq{"repos.repo_active": true}).
		Asc("repos.repo_full_name").
		Find(&feed)

	return feed, err
}
