-- Initial schema
CREATE TABLE users ( -- expect: static
    id bigserial PRIMARY KEY,
    email text NOT NULL UNIQUE,
    note text DEFAULT 'a;b'
);

/* orders; with a semicolon in a comment */
CREATE TABLE orders ( -- expect: static
    id bigserial PRIMARY KEY,
    user_id bigint REFERENCES users(id),
    total numeric(12,2) NOT NULL
);

CREATE INDEX orders_user_idx ON orders (user_id); -- expect: static

CREATE FUNCTION touch() RETURNS trigger AS $$ -- expect: static
BEGIN
    NEW.updated_at := now(); -- not a statement of its own
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;

INSERT INTO users (email, note) VALUES ('a@example.com', 'x;y'); -- expect: static
ALTER TABLE orders ADD COLUMN status text; -- expect: static
