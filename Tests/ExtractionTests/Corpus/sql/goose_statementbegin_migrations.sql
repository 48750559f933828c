-- Sources (three goose SQL migrations found with find_string "-- +goose StatementBegin"; the index did not return the
-- repository names; complete files, concatenated in this order, unchanged apart from labels, the "-- ---- n. ----"
-- separators, and one added comment line (expect-next) before the `DO $$` block of file 2):
--   1. an ERP "shop.orders" table migration (read_file id 23129592469);
--   2. a VPC service's address-index migration, header "Copyright (c) PRO-Robotech, SPDX-License-Identifier:
--      BUSL-1.1" (read_file id 60928685494);
--   3. a deployment platform's deployment_logs migration (read_file id 56842843714).
-- Classes: multi-statement .sql between goose annotations (-- +goose Up / Down / StatementBegin / StatementEnd are
--          comments, not statements); one StatementBegin block holding 28 statements (CREATE TABLE, ALTER … OWNER TO,
--          ALTER TABLE ONLY … ADD CONSTRAINT on the line after the keyword line, CREATE INDEX … USING btree,
--          COMMENT ON TABLE / COLUMN with Cyrillic strings); short (SET search_path TO …); a plpgsql
--          `DO $$ … END $$;` guard whose inner SELECT/ALTER TABLE belong to the DO statement (one label, expect-next:
--          a trailing comment on the `DO $$` line would sit inside the body); a partial expression index over
--          jsonb ->>; comment-prefixed statements (a 4-line comment before CREATE TABLE deployment_logs, a long
--          Russian comment block before SET); decoys (prose comments "Kept permanently with the deployment record",
--          "`stream` is 'stdout' | 'stderr' | 'system'", Russian text about indexes and queries).

-- ---- 1. ----
-- +goose Up
-- +goose StatementBegin
CREATE TABLE shop.orders ( -- expect: static
    id serial NOT NULL,
    external_id text NOT NULL,
    price numeric(10,2) NOT NULL,
    warehouse_id integer NOT NULL,
    status_id integer,
    direction text,
    type text,
    sale numeric(10,2),
    card_id integer NOT NULL,
    seller_id integer NOT NULL,
    created_at timestamp without time zone DEFAULT now(),
    updated_at timestamp without time zone DEFAULT now(),
    region_id integer,
    price_size_id integer NOT NULL
);
ALTER TABLE shop.orders OWNER TO erp_db_usr; -- expect: static

ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_pkey PRIMARY KEY (id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_card_id_fkey FOREIGN KEY (card_id) REFERENCES shop.cards(id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_fk FOREIGN KEY (status_id) REFERENCES shop.statuses(id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_price_sizes_fk FOREIGN KEY (price_size_id) REFERENCES shop.price_sizes(id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_regions_fk FOREIGN KEY (region_id) REFERENCES shop.regions(id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_seller_id_fkey FOREIGN KEY (seller_id) REFERENCES shop.sellers(id);
ALTER TABLE ONLY shop.orders -- expect: static
    ADD CONSTRAINT orders_warehouse_idfkey FOREIGN KEY (warehouse_id) REFERENCES shop.warehouses(id);


CREATE INDEX orders_card_id_idx ON shop.orders USING btree (card_id); -- expect: static
CREATE INDEX orders_created_at_idx ON shop.orders USING btree (created_at); -- expect: static
CREATE INDEX orders_external_id_idx ON shop.orders USING btree (external_id); -- expect: static
CREATE INDEX orders_seller_id_idx ON shop.orders USING btree (seller_id); -- expect: static
CREATE INDEX orders_updated_at_idx ON shop.orders USING btree (updated_at); -- expect: static
CREATE INDEX orders_warehouse_id_idx ON shop.orders USING btree (warehouse_id); -- expect: static

COMMENT ON TABLE shop.orders IS 'Заказы'; -- expect: static
COMMENT ON COLUMN shop.orders.id IS 'Идентификатор'; -- expect: static
COMMENT ON COLUMN shop.orders.external_id IS 'Внешний идентификатор'; -- expect: static
COMMENT ON COLUMN shop.orders.price IS 'Цена'; -- expect: static
COMMENT ON COLUMN shop.orders.warehouse_id IS 'Идентификатор склада'; -- expect: static
COMMENT ON COLUMN shop.orders.status_id IS 'Статус заказа'; -- expect: static
COMMENT ON COLUMN shop.orders.direction IS 'Направление заказа'; -- expect: static
COMMENT ON COLUMN shop.orders.type IS 'Тип заказа'; -- expect: static
COMMENT ON COLUMN shop.orders.sale IS 'Скидка (СПП)'; -- expect: static
COMMENT ON COLUMN shop.orders.card_id IS 'Идентификатор номенклатуры'; -- expect: static
COMMENT ON COLUMN shop.orders.seller_id IS 'Идентификатор продавца'; -- expect: static
COMMENT ON COLUMN shop.orders.region_id IS 'Регион заказа'; -- expect: static
COMMENT ON COLUMN shop.orders.price_size_id IS 'Цена по размеру'; -- expect: static
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP INDEX orders_card_id_idx; -- expect: static
DROP INDEX orders_created_at_idx; -- expect: static
DROP INDEX orders_external_id_idx; -- expect: static
DROP INDEX orders_seller_id_idx; -- expect: static
DROP INDEX orders_updated_at_idx; -- expect: static
DROP INDEX orders_warehouse_id_idx; -- expect: static
DROP TABLE shop.orders; -- expect: static
-- +goose StatementEnd

-- ---- 2. ----
-- Copyright (c) PRO-Robotech
-- SPDX-License-Identifier: BUSL-1.1

-- +goose Up
-- +goose StatementBegin

-- =============================================================================
-- Чтения по адресам стоят столько, сколько отдают, а не сколько лежит в таблице.
-- =============================================================================
-- 1) Страница адресов подсети читалась через дизъюнкцию по jsonb-полям, которую
--    не покрывает ни один индекс, — при том что рядом с первой миграции лежит
--    generated-колонка internal_subnet_id и индекс по ней. Запрос переписан на
--    неё; чтобы колонка была авторитетной, инвариант «внутренний адрес несёт
--    ровно одну семью» закрепляется проверкой: колонка выбирает v4, а затем v6,
--    поэтому строка с ДВУМЯ внутренними семьями (в разных подсетях) была бы
--    видна только по одной из них. Ни один путь записи такую строку сейчас не
--    производит (ветви спека взаимоисключающи), но опирающийся на это внешний
--    ключ и переписанный запрос обязаны иметь под собой проверку, а не
--    договорённость.
--
-- 2) Поиск адреса по значению внутреннего IPv4 (публичный AddressService) шёл
--    по неиндексированному выражению: существующий уникальный индекс ведёт
--    подсетью, поэтому фильтр по одному адресу его не задействует.

SET search_path TO kacho_vpc, public; -- expect: static

-- Идемпотентность — DO-guard по pg_constraint (как 0011/0016).
-- expect-next: static
DO $$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'addresses_single_internal_family') THEN
        ALTER TABLE kacho_vpc.addresses
            ADD CONSTRAINT addresses_single_internal_family
            CHECK (NOT (
                internal_ipv4 IS NOT NULL AND COALESCE(internal_ipv4 ->> 'subnet_id', '') <> ''
            AND internal_ipv6 IS NOT NULL AND COALESCE(internal_ipv6 ->> 'subnet_id', '') <> ''
            ));
    END IF;
END $$;

CREATE INDEX IF NOT EXISTS addresses_internal_v4_address_idx -- expect: static
    ON kacho_vpc.addresses (((internal_ipv4 ->> 'address')))
    WHERE internal_ipv4 IS NOT NULL
      AND (internal_ipv4 ->> 'address') <> '';

-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin

SET search_path TO kacho_vpc, public; -- expect: static

DROP INDEX IF EXISTS kacho_vpc.addresses_internal_v4_address_idx; -- expect: static
ALTER TABLE kacho_vpc.addresses -- expect: static
    DROP CONSTRAINT IF EXISTS addresses_single_internal_family;

-- +goose StatementEnd

-- ---- 3. ----
-- +goose Up
-- +goose StatementBegin
-- Build-time logs from `docker compose build`. Kept permanently with the
-- deployment record (per mvp.md § Log Retention). `service_name` is nullable
-- because pipeline-level lines (clone, detect, env-render) are not scoped to
-- a service. `stream` is 'stdout' | 'stderr' | 'system'.
CREATE TABLE deployment_logs ( -- expect: static
    id            BIGSERIAL PRIMARY KEY,
    deployment_id UUID NOT NULL REFERENCES deployments(id) ON DELETE CASCADE,
    service_name  TEXT,
    stream        TEXT NOT NULL,
    message       TEXT NOT NULL,
    ts            TIMESTAMPTZ NOT NULL DEFAULT NOW()
);
-- +goose StatementEnd

-- +goose StatementBegin
CREATE INDEX deployment_logs_deployment_ts_idx -- expect: static
    ON deployment_logs(deployment_id, id);
-- +goose StatementEnd

-- +goose Down
-- +goose StatementBegin
DROP TABLE IF EXISTS deployment_logs; -- expect: static
-- +goose StatementEnd
