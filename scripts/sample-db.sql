-- dbooster sample target database: a small shop (customers, products, orders, order items, a
-- partitioned event log, a view, and a schema with quoted identifiers). Some indexes are
-- deliberately missing (orders.customer_id, orders.created_at, order_items.product_id) so that
-- explain and the index advisor have something to find.
--
--   createdb dbooster_sample && psql -d dbooster_sample -f scripts/sample-db.sql
--
-- Run it as a superuser: it creates the login roles sample_reader and sample_writer (passwords
-- equal to their names), the hypopg extension when available, and pg_stat_statements (read by
-- workload analysis once the server preloads it; sample_reader may read every user's statements
-- through pg_read_all_stats). Deterministic (setseed).

CREATE EXTENSION IF NOT EXISTS hypopg;
CREATE EXTENSION IF NOT EXISTS pg_stat_statements;

DO $$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sample_reader') THEN
        CREATE ROLE sample_reader LOGIN PASSWORD 'sample_reader';
    END IF;
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'sample_writer') THEN
        CREATE ROLE sample_writer LOGIN PASSWORD 'sample_writer';
    END IF;
END
$$;

DO $$ BEGIN PERFORM setseed(0.42); END $$;

-- MARK: tables

CREATE TABLE customers (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email text NOT NULL UNIQUE,
    full_name text NOT NULL,
    country char(2) NOT NULL,
    created_at timestamptz NOT NULL
);

CREATE TABLE products (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    sku text NOT NULL,
    name text NOT NULL,
    category text NOT NULL,
    price numeric(10, 2) NOT NULL,
    active boolean NOT NULL DEFAULT true
);

CREATE TABLE orders (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),
    status text NOT NULL,
    total numeric(12, 2) NOT NULL,
    note text,
    created_at timestamptz NOT NULL
);

CREATE TABLE order_items (
    order_id bigint NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line integer NOT NULL,
    product_id integer NOT NULL REFERENCES products (id),
    quantity integer NOT NULL CHECK (quantity > 0),
    unit_price numeric(10, 2) NOT NULL,
    PRIMARY KEY (order_id, line)
);

-- A range-partitioned event log (one partition per quarter of 2025, plus a default).
CREATE TABLE events (
    id bigint GENERATED ALWAYS AS IDENTITY,
    customer_id bigint NOT NULL,
    kind text NOT NULL,
    payload jsonb NOT NULL DEFAULT '{}',
    created_at timestamptz NOT NULL
) PARTITION BY RANGE (created_at);
CREATE TABLE events_2025_q1 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2025-04-01');
CREATE TABLE events_2025_q2 PARTITION OF events FOR VALUES FROM ('2025-04-01') TO ('2025-07-01');
CREATE TABLE events_2025_h2 PARTITION OF events FOR VALUES FROM ('2025-07-01') TO ('2026-01-01');
CREATE TABLE events_default PARTITION OF events DEFAULT;

-- Quoted identifiers in their own schema.
CREATE SCHEMA "Reporting";
CREATE TABLE "Reporting"."Monthly Sales" (
    "Month" date PRIMARY KEY,
    "Order Count" integer NOT NULL,
    "Revenue" numeric(14, 2) NOT NULL
);

-- MARK: data

INSERT INTO customers (email, full_name, country, created_at)
SELECT 'customer' || g || '@example.com',
       'Customer ' || g,
       (ARRAY['US', 'DE', 'FR', 'GB', 'NL', 'SE', 'JP', 'BR'])[1 + (g % 8)],
       timestamptz '2023-01-01' + (g % 730) * interval '1 day'
FROM generate_series(1, 50000) AS g;

INSERT INTO products (sku, name, category, price, active)
SELECT 'SKU-' || lpad(g::text, 5, '0'),
       'Product ' || g,
       (ARRAY['books', 'games', 'garden', 'kitchen', 'music', 'toys'])[1 + (g % 6)],
       round((1 + random() * 199)::numeric, 2),
       g % 10 <> 0
FROM generate_series(1, 2000) AS g;

-- 200,000 orders; 2% are pending, and a handful of customers are very active.
INSERT INTO orders (customer_id, status, total, note, created_at)
SELECT CASE WHEN g % 50 = 0 THEN 1 + (g % 20) ELSE 1 + ((g * 7919) % 50000) END,
       CASE WHEN g % 50 = 1 THEN 'pending' WHEN g % 10 = 2 THEN 'cancelled' ELSE 'shipped' END,
       round((5 + random() * 495)::numeric, 2),
       CASE WHEN g % 3 = 0 THEN 'gift wrap please, order ' || g END,
       timestamptz '2025-01-01' + (g % 365) * interval '1 day' + (g % 86400) * interval '1 second'
FROM generate_series(1, 200000) AS g;

INSERT INTO order_items (order_id, line, product_id, quantity, unit_price)
SELECT o.id, l, 1 + ((o.id * 31 + l * 17) % 2000), 1 + ((o.id + l) % 4), round((1 + random() * 99)::numeric, 2)
FROM orders AS o, generate_series(1, 2) AS l;

INSERT INTO events (customer_id, kind, payload, created_at)
SELECT 1 + (g % 50000),
       (ARRAY['login', 'view', 'cart', 'checkout'])[1 + (g % 4)],
       jsonb_build_object('n', g),
       timestamptz '2025-01-01' + (g % 400) * interval '1 day'
FROM generate_series(1, 60000) AS g;

INSERT INTO "Reporting"."Monthly Sales" ("Month", "Order Count", "Revenue")
SELECT date_trunc('month', created_at)::date, count(*), sum(total)
FROM orders GROUP BY 1;

-- MARK: indexes (partial, expression, unique multi-column, non-btree)

CREATE INDEX customers_lower_email_idx ON customers (lower(email));
CREATE INDEX customers_country_created_idx ON customers (country, created_at);
CREATE UNIQUE INDEX products_sku_key ON products (sku);
CREATE INDEX orders_pending_created_idx ON orders (created_at) WHERE status = 'pending';
CREATE INDEX events_created_brin ON events USING brin (created_at);
CREATE INDEX events_customer_idx ON events (customer_id);

-- MARK: index hygiene fixtures (workload analysis): an audit trail nobody reads by index, with a
-- redundant prefix (actor ⊂ actor, at) and an exact copy of its primary key.

CREATE TABLE audit_trail (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    actor text NOT NULL,
    action text NOT NULL,
    at timestamptz NOT NULL
);
INSERT INTO audit_trail (actor, action, at)
SELECT 'user' || (g % 50), (ARRAY['login', 'export', 'delete'])[1 + (g % 3)], timestamptz '2025-01-01' + g * interval '1 minute'
FROM generate_series(1, 5000) AS g;
CREATE INDEX audit_trail_actor_idx ON audit_trail (actor);
CREATE INDEX audit_trail_actor_at_idx ON audit_trail (actor, at);
CREATE INDEX audit_trail_id_idx ON audit_trail (id);

-- MARK: view

CREATE VIEW customer_order_totals AS
SELECT c.id AS customer_id, c.email, count(o.id) AS order_count, coalesce(sum(o.total), 0) AS revenue
FROM customers AS c LEFT JOIN orders AS o ON o.customer_id = c.id
GROUP BY c.id, c.email;

-- MARK: privileges and statistics

GRANT USAGE ON SCHEMA public, "Reporting" TO sample_reader, sample_writer;
GRANT SELECT ON ALL TABLES IN SCHEMA public, "Reporting" TO sample_reader, sample_writer;
GRANT INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public, "Reporting" TO sample_writer;
GRANT pg_read_all_stats TO sample_reader;

CREATE TABLE sample_version (version integer NOT NULL);
INSERT INTO sample_version VALUES (2);
GRANT SELECT ON sample_version TO sample_reader, sample_writer;

ANALYZE;
