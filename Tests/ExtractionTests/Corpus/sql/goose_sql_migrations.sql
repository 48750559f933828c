-- Sources (three goose SQL migrations found with find_string "-- +goose StatementBegin";
-- the index did not return the repository names; complete files, concatenated in this order,
-- unchanged apart from labels and the "-- ---- n. ----" separator comments):
--   1. an agent-fleet server's settings projection migration (index id 54251797219);
--   2. a small "newf" last_activity migration (index id 71645876179);
--   3. a users-table migration that kept goose's template line SELECT 'up SQL query';
--      (index id 15273259).
-- Classes: multi-statement .sql (goose annotations -- +goose Up / Down / StatementBegin /
--          StatementEnd are comments, not statements), plpgsql CREATE OR REPLACE FUNCTION … AS $$
--          … $$ (labelled with expect-next: a trailing comment on the opening line would sit
--          inside the function body); the UPDATE inside the function body is part of that
--          statement and carries no label; short (SELECT 'up SQL query'; — a real statement
--          goose runs, even though it looks like a placeholder), lower-case DDL, IF [NOT] EXISTS,
--          decoys (prose comments "Update the projection function to handle the new field",
--          "Restore the projection function without auto_update_agents").

-- ---- 1. ----
-- +goose Up

-- Add auto_update_agents column to server_settings_projection
ALTER TABLE server_settings_projection -- expect: static
    ADD COLUMN auto_update_agents BOOLEAN NOT NULL DEFAULT FALSE;

-- Update the projection function to handle the new field
-- +goose StatementBegin
-- expect-next: static
CREATE OR REPLACE FUNCTION project_server_settings_event(event events) RETURNS void AS $$
BEGIN
    CASE event.event_type
        WHEN 'ServerSettingUpdated' THEN
            UPDATE server_settings_projection
            SET user_provisioning_enabled = COALESCE((event.data->>'user_provisioning_enabled')::BOOLEAN, user_provisioning_enabled),
                ssh_access_for_all = COALESCE((event.data->>'ssh_access_for_all')::BOOLEAN, ssh_access_for_all),
                auto_update_agents = COALESCE((event.data->>'auto_update_agents')::BOOLEAN, auto_update_agents),
                updated_at = event.occurred_at,
                projection_version = event.sequence_num
            WHERE id = 'global';
    END CASE;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

-- +goose Down

-- Restore the projection function without auto_update_agents
-- +goose StatementBegin
-- expect-next: static
CREATE OR REPLACE FUNCTION project_server_settings_event(event events) RETURNS void AS $$
BEGIN
    CASE event.event_type
        WHEN 'ServerSettingUpdated' THEN
            UPDATE server_settings_projection
            SET user_provisioning_enabled = COALESCE((event.data->>'user_provisioning_enabled')::BOOLEAN, user_provisioning_enabled),
                ssh_access_for_all = COALESCE((event.data->>'ssh_access_for_all')::BOOLEAN, ssh_access_for_all),
                updated_at = event.occurred_at,
                projection_version = event.sequence_num
            WHERE id = 'global';
    END CASE;
END;
$$ LANGUAGE plpgsql;
-- +goose StatementEnd

ALTER TABLE server_settings_projection DROP COLUMN auto_update_agents; -- expect: static

-- ---- 2. ----
-- +goose Up
-- +goose StatementBegin
ALTER TABLE newf ADD COLUMN IF NOT EXISTS last_activity TIMESTAMP NULL; -- expect: static
-- +goose StatementEnd
-- +goose StatementBegin
CREATE INDEX IF NOT EXISTS idx_newf_last_activity ON newf (last_activity); -- expect: static
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP INDEX IF EXISTS idx_newf_last_activity; -- expect: static
-- +goose StatementEnd
-- +goose StatementBegin
ALTER TABLE newf DROP COLUMN IF EXISTS last_activity; -- expect: static
-- +goose StatementEnd

-- ---- 3. ----
-- +goose Up
-- +goose StatementBegin
SELECT 'up SQL query'; -- expect: static

create table users ( -- expect: static
    id bigint primary key generated always as identity,
    first_name text not null,
    last_name text not null,
    email text not null,
    password bytea not null
);
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
drop table users; -- expect: static
-- +goose StatementEnd
