-- name: GetUser :one
SELECT id, email FROM users WHERE id = $1; -- expect: static

-- name: ListOrders :many
SELECT o.id, o.total -- expect: static
FROM orders o
WHERE o.user_id = sqlc.arg(user_id)
ORDER BY o.id DESC;

-- name: RecentTotals :many
WITH recent AS ( -- expect: static
    SELECT user_id, total FROM orders WHERE created_at > now() - interval '7 days'
)
SELECT user_id, sum(total) FROM recent GROUP BY user_id;

-- name: DeleteUser :exec
DELETE FROM users WHERE id = @id; -- expect: static

-- name: MysqlStyle :one
SELECT `id` FROM `users` LIMIT 1; -- expect: static
