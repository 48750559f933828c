-- dbooster advisor benchmark: schema additions on top of scripts/sample-db.sql (used by
-- bench/advisor and the advisor tests; Tests/AppTests/Support/SampleTargetDatabase.swift loads both).
--
--   psql -d dbooster_sample -v ON_ERROR_STOP=1 -f scripts/sample-db.sql
--   psql -d dbooster_sample -v ON_ERROR_STOP=1 -f scripts/sample-db-advisor.sql
--
-- Adds new tables and views only; the rows and indexes of the existing tables are untouched.
-- Deterministic: every value is derived from generate_series counters (no random()), so the
-- data is identical on every load. ~290k rows in total, loads in a few seconds.
--
--   tickets          60,000  text subject (trigram LIKE), jsonb attrs, text[] tags, nullable
--                             assignee_id / closed_at, unindexed FK customer_id
--   ticket_comments  90,000  unindexed FK ticket_id              (join set: customers -> tickets -> comments)
--   suppliers         1,000  UNIQUE code
--   shipments        40,000  unindexed FKs supplier_id, warehouse_id
--   shipment_lines   80,000  unindexed FK shipment_id            (join set: suppliers -> shipments -> lines)
--   warehouses          300  small table, no index on code
--   currencies        1,000  small table, no index on code (looked up in a correlated subquery)
--   coupons           6,000  "small" table where an index still clearly pays off
--   import_batches   20,000  NEVER analysed (autovacuum disabled on it)
--   import_errors       200  NEVER analysed, tiny
--   views: ticket_overview (renames columns), open_tickets, supplier_shipment_lines
--
-- Requires pg_trgm (a trusted extension) for the trigram GIN cases.

CREATE EXTENSION IF NOT EXISTS hypopg;
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- MARK: tickets

CREATE TABLE tickets (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    customer_id bigint NOT NULL REFERENCES customers (id),   -- deliberately unindexed
    assignee_id integer,                                     -- NULL = unassigned (1%); 200 agents
    status text NOT NULL,                                    -- open 4%, pending 8%, closed 88%
    priority smallint NOT NULL,                              -- 1..5, uniform
    subject text NOT NULL,
    tags text[] NOT NULL DEFAULT '{}',
    attrs jsonb NOT NULL DEFAULT '{}',
    closed_at timestamptz,                                   -- NULL unless status = 'closed'
    created_at timestamptz NOT NULL
);

INSERT INTO tickets (customer_id, assignee_id, status, priority, subject, tags, attrs, closed_at, created_at)
SELECT 1 + ((g * 4001) % 50000),
       CASE WHEN g % 100 = 0 THEN NULL ELSE 1 + ((g * 37) % 200) END,
       s.status,
       1 + ((g * 13) % 5),
       CASE WHEN g % 997 = 0 THEN 'Parcel stuck in customs clearance, ticket ' || g
            ELSE (ARRAY['Cannot log in', 'Refund request', 'Invoice missing', 'Password reset',
                        'Shipping delay', 'Damaged item', 'Wrong size delivered', 'Account locked',
                        'Payment failed', 'Coupon not applied'])[1 + (g % 10)] || ', ticket ' || g
       END,
       (ARRAY[(ARRAY['billing', 'shipping', 'account', 'web', 'mobile'])[1 + (g % 5)],
              (ARRAY['email', 'phone', 'chat'])[1 + (g % 3)]])
         || CASE WHEN g % 503 = 0 THEN ARRAY['security'] ELSE '{}'::text[] END,
       jsonb_build_object('channel', (ARRAY['email', 'phone', 'chat', 'web'])[1 + (g % 4)],
                          'severity', CASE WHEN g % 701 = 0 THEN 'critical' WHEN g % 3 = 0 THEN 'minor' ELSE 'normal' END,
                          'order_ref', g * 3)
         || CASE WHEN g % 409 = 0 THEN '{"sla_breached": true}'::jsonb ELSE '{}'::jsonb END,
       CASE WHEN s.status = 'closed' THEN timestamptz '2025-01-01' + (g % 365) * interval '1 day' + interval '3 days' END,
       timestamptz '2025-01-01' + (g % 365) * interval '1 day' + ((g * 97) % 86400) * interval '1 second'
FROM generate_series(1, 60000) AS g,
     LATERAL (SELECT CASE WHEN g % 25 = 0 THEN 'open' WHEN g % 25 IN (1, 2) THEN 'pending' ELSE 'closed' END AS status) AS s;

CREATE TABLE ticket_comments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    ticket_id bigint NOT NULL REFERENCES tickets (id),      -- deliberately unindexed
    author text NOT NULL,
    body text NOT NULL,
    created_at timestamptz NOT NULL
);

INSERT INTO ticket_comments (ticket_id, author, body, created_at)
SELECT 1 + ((g * 7) % 60000),
       CASE WHEN g % 3 = 0 THEN 'customer' ELSE 'agent ' || (1 + g % 200) END,
       'Comment ' || g || ' on the ticket',
       timestamptz '2025-01-01' + (g % 365) * interval '1 day' + (g % 3600) * interval '1 second'
FROM generate_series(1, 90000) AS g;

-- MARK: suppliers -> shipments -> shipment_lines (a chain of unindexed foreign keys)

CREATE TABLE warehouses (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,                                      -- deliberately unindexed (300 rows)
    region text NOT NULL,
    name text NOT NULL
);

INSERT INTO warehouses (code, region, name)
SELECT 'WH-' || lpad(g::text, 3, '0'), (ARRAY['north', 'south', 'east', 'west'])[1 + g % 4], 'Warehouse ' || g
FROM generate_series(1, 300) AS g;

CREATE TABLE suppliers (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    country char(2) NOT NULL
);

INSERT INTO suppliers (code, name, country)
SELECT 'SUP-' || lpad(g::text, 4, '0'), 'Supplier ' || g, (ARRAY['US', 'DE', 'CN', 'VN', 'MX'])[1 + g % 5]
FROM generate_series(1, 1000) AS g;

CREATE TABLE shipments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    supplier_id integer NOT NULL REFERENCES suppliers (id),  -- deliberately unindexed
    warehouse_id integer NOT NULL REFERENCES warehouses (id),-- deliberately unindexed
    status text NOT NULL,
    shipped_on date NOT NULL
);

INSERT INTO shipments (supplier_id, warehouse_id, status, shipped_on)
SELECT 1 + ((g * 17) % 1000), 1 + ((g * 11) % 300),
       CASE WHEN g % 20 = 0 THEN 'in_transit' ELSE 'received' END,
       date '2024-01-01' + (g % 730)
FROM generate_series(1, 40000) AS g;

CREATE TABLE shipment_lines (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shipment_id bigint NOT NULL REFERENCES shipments (id),   -- deliberately unindexed
    sku text NOT NULL,
    quantity integer NOT NULL
);

INSERT INTO shipment_lines (shipment_id, sku, quantity)
SELECT 1 + ((g * 3) % 40000), 'SKU-' || lpad((1 + (g * 31) % 2000)::text, 5, '0'), 1 + g % 50
FROM generate_series(1, 80000) AS g;

-- MARK: small tables

CREATE TABLE currencies (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,                                      -- deliberately unindexed (1,000 rows)
    rate numeric(12, 6) NOT NULL
);

INSERT INTO currencies (code, rate)
SELECT 'C' || lpad(g::text, 3, '0'), round((0.5 + (g % 97) / 50.0)::numeric, 6)
FROM generate_series(0, 999) AS g;

CREATE TABLE coupons (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL,                                      -- deliberately unindexed (6,000 rows)
    discount_pct integer NOT NULL,
    valid_until date NOT NULL
);

INSERT INTO coupons (code, discount_pct, valid_until)
SELECT 'COUPON-' || lpad(g::text, 5, '0') || '-' || md5(g::text), 5 + g % 30, date '2025-01-01' + g % 500
FROM generate_series(1, 6000) AS g;

-- Never analysed: autovacuum is disabled on these so that they keep reltuples = -1 (the
-- planner then guesses their size from the number of pages and uses default selectivities).
CREATE TABLE import_batches (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_ref text NOT NULL,
    source text NOT NULL,
    row_count integer NOT NULL,
    loaded_at timestamptz NOT NULL
) WITH (autovacuum_enabled = false);

INSERT INTO import_batches (batch_ref, source, row_count, loaded_at)
SELECT 'B' || lpad(g::text, 6, '0'), (ARRAY['erp', 'csv', 'api'])[1 + g % 3], g % 5000,
       timestamptz '2025-01-01' + g * interval '17 minutes'
FROM generate_series(1, 20000) AS g;

CREATE TABLE import_errors (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    batch_ref text NOT NULL,
    message text NOT NULL
) WITH (autovacuum_enabled = false);

INSERT INTO import_errors (batch_ref, message)
SELECT 'B' || lpad((g * 97)::text, 6, '0'), 'row rejected: ' || g
FROM generate_series(1, 200) AS g;

-- MARK: views

-- Renames every column: the advisor must map ticket_no -> tickets.id, client_id -> customer_id,
-- state -> status, opened_at -> created_at, agent -> assignee_id.
CREATE VIEW ticket_overview (ticket_no, client_id, agent, state, opened_at, title) AS
SELECT id, customer_id, assignee_id, status, created_at, subject FROM tickets;

CREATE VIEW open_tickets AS
SELECT t.id, t.customer_id, t.assignee_id, t.priority, t.subject, t.created_at
FROM tickets AS t
WHERE t.status <> 'closed';

CREATE VIEW supplier_shipment_lines AS
SELECT s.code AS supplier_code, sh.id AS shipment_id, sh.shipped_on, l.sku, l.quantity
FROM suppliers AS s
JOIN shipments AS sh ON sh.supplier_id = s.id
JOIN shipment_lines AS l ON l.shipment_id = sh.id;

-- MARK: privileges and statistics

GRANT SELECT ON tickets, ticket_comments, warehouses, suppliers, shipments, shipment_lines, currencies, coupons,
    import_batches, import_errors, ticket_overview, open_tickets, supplier_shipment_lines TO sample_reader, sample_writer;

ANALYZE tickets, ticket_comments, warehouses, suppliers, shipments, shipment_lines, currencies, coupons;
-- import_batches and import_errors are deliberately NOT analysed.

-- Bump together with SampleTargetDatabase.version.
INSERT INTO sample_version VALUES (3);
