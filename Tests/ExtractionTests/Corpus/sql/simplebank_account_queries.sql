-- Source: techschool/simplebank — db/query/account.sql (MIT License)
-- Complete file, unchanged apart from labels. sqlc input file.
-- Classes: comment-prefix (each statement preceded by "-- name: X :kind"), placeholders
--          ($1.., sqlc.arg(amount), sqlc.arg(id)), short (DELETE ... WHERE id = $1).

-- name: CreateAccount :one
INSERT INTO accounts ( -- expect: static
  owner,
  balance,
  currency
) VALUES (
  $1, $2, $3
) RETURNING *;

-- name: GetAccount :one
SELECT * FROM accounts -- expect: static
WHERE id = $1 LIMIT 1;

-- name: GetAccountForUpdate :one
SELECT * FROM accounts -- expect: static
WHERE id = $1 LIMIT 1
FOR NO KEY UPDATE;

-- name: ListAccounts :many
SELECT * FROM accounts -- expect: static
WHERE owner = $1
ORDER BY id
LIMIT $2
OFFSET $3;

-- name: UpdateAccount :one
UPDATE accounts -- expect: static
SET balance = $2
WHERE id = $1
RETURNING *;

-- name: AddAccountBalance :one
UPDATE accounts -- expect: static
SET balance = balance + sqlc.arg(amount)
WHERE id = sqlc.arg(id)
RETURNING *;

-- name: DeleteAccount :exec
DELETE FROM accounts -- expect: static
WHERE id = $1;
