-- Two tabs refreshing the same token at once: a rotated refresh token may be presented once more
-- within a few seconds and gets the same successor; grace_used_at records that it was.
ALTER TABLE refresh_tokens ADD COLUMN grace_used_at timestamptz;
