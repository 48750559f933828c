<?php
// Sources (the index gave no repository names; read_file / find_string index ids):
//   25554699000  DoctrineMigrations\Version20250115000001 (country/travel data app: FX rates,
//                travel advisory, materialized views; PostgreSQL)
//   65939064378  DoctrineMigrations\Version20260710120000 (French accounting "recouvrement" app:
//                materialized view v_impayes over JSONB mirror tables; PostgreSQL)
// Classes: Doctrine Migrations `$this->addSql('…')` on one line and multi-line single-quoted
// literals whose opening line ends inside the string (expect-next on a comment line of its own),
// `\'` escapes inside the SQL, CREATE/DROP MATERIALIZED VIEW, SELECT DISTINCT ON, a SQL `--` comment
// inside a literal, plpgsql function whose body holds REFRESH MATERIALIZED VIEW CONCURRENTLY (one
// statement), GIN index on a tsvector; `'CREATE MATERIALIZED VIEW … AS '.self::selectImpayes(…).'
// WITH DATA'` (dynamic); a SELECT assembled from four nowdoc pieces (`$src`, `$cteTiers`,
// `$colonnes`, `$join`, some chosen by a ternary) and returned for splicing: one dynamic label on
// its first piece, the other pieces unlabelled (see README-B decision 3); decoys: getDescription()
// texts, French doc comments naming LEFT JOIN LATERAL / DISTINCT ON / REFRESH, comments.
// Adaptations: two files concatenated (the second class's namespace/use lines dropped, same
// namespace); `// expect-next:` comment lines of their own were added before each multi-line
// addSql; in 65939064378 the `$colonnes` select list was shortened from 45 to 12 columns.
// Otherwise verbatim.

declare(strict_types=1);

namespace DoctrineMigrations;

use Doctrine\DBAL\Schema\Schema;
use Doctrine\Migrations\AbstractMigration;

/**
 * Add live data tables for FX rates, travel advisory, and country enrichment
 */
final class Version20250115000001 extends AbstractMigration
{
    public function getDescription(): string
    {
        return 'Add live data tables for FX rates, travel advisory, and country enrichment';
    }

    public function up(Schema $schema): void
    {
        // 1) FX rates (point-in-time, append-only to allow history)
        // expect-next: static
        $this->addSql('CREATE TABLE IF NOT EXISTS fx_rate (
            id BIGSERIAL PRIMARY KEY,
            base_currency CHAR(3) NOT NULL,
            quote_currency CHAR(3) NOT NULL,
            rate NUMERIC NOT NULL,
            as_of TIMESTAMPTZ NOT NULL,
            source TEXT NOT NULL,
            UNIQUE(base_currency, quote_currency, as_of)
        );');

        $this->addSql('CREATE INDEX IF NOT EXISTS fx_rate_pair_time ON fx_rate (base_currency, quote_currency, as_of DESC);'); // expect: static

        // 2) Latest fx materialized projection for instant reads
        // expect-next: static
        $this->addSql('CREATE MATERIALIZED VIEW IF NOT EXISTS mv_fx_latest AS
            SELECT DISTINCT ON (base_currency, quote_currency)
                base_currency, quote_currency, rate, as_of
            FROM fx_rate
            ORDER BY base_currency, quote_currency, as_of DESC;');

        $this->addSql('CREATE UNIQUE INDEX IF NOT EXISTS mv_fx_latest_pair ON mv_fx_latest (base_currency, quote_currency);'); // expect: static

        // 3) Travel advisory (latest state per country, overwrite on update)
        // expect-next: static
        $this->addSql('CREATE TABLE IF NOT EXISTS travel_advisory (
            country_id INTEGER NOT NULL REFERENCES country(id) ON DELETE CASCADE,
            iso2 CHAR(2) NOT NULL,
            source TEXT NOT NULL,
            score NUMERIC,
            level INTEGER,
            updated_at TIMESTAMPTZ NOT NULL,
            payload JSONB,
            PRIMARY KEY (country_id, source)
        );');

        $this->addSql('CREATE INDEX IF NOT EXISTS idx_travel_advisory_country ON travel_advisory (country_id);'); // expect: static

        // 4) Optional enrichment table for last-seen provider facts
        // expect-next: static
        $this->addSql('CREATE TABLE IF NOT EXISTS country_enrichment (
            country_id INTEGER PRIMARY KEY REFERENCES country(id) ON DELETE CASCADE,
            currency_code CHAR(3),
            calling_code TEXT,
            languages TEXT[],
            flag_svg_url TEXT,
            updated_at TIMESTAMPTZ NOT NULL DEFAULT now()
        );');

        // 5) Drop and recreate public view with live data
        $this->addSql('DROP MATERIALIZED VIEW IF EXISTS mv_country_public CASCADE;'); // expect: static
        
        // expect-next: static
        $this->addSql('CREATE MATERIALIZED VIEW mv_country_public AS
            SELECT
                c.slug,
                c.iso2, c.iso3, c.name_en, c.name_local, c.continent, c.capital,
                c.population, c.area_km2, c.lat, c.lon,
                COALESCE(c.currency_code, ce.currency_code) AS currency_code,
                COALESCE(c.languages, ce.languages) AS languages,
                COALESCE(c.calling_code, ce.calling_code) AS calling_code,
                COALESCE(c.flag_svg_url, ce.flag_svg_url) AS flag_svg_url,
                (SELECT content FROM country_text ct WHERE ct.country_id=c.id AND ct.section=\'overview\'  AND ct.lang=\'en\') AS overview_en,
                (SELECT content FROM country_text ct WHERE ct.country_id=c.id AND ct.section=\'culture\'   AND ct.lang=\'en\') AS culture_en,
                (SELECT content FROM country_text ct WHERE ct.country_id=c.id AND ct.section=\'demography\'AND ct.lang=\'en\') AS demography_en,
                (SELECT content FROM country_text ct WHERE ct.country_id=c.id AND ct.section=\'economy\'   AND ct.lang=\'en\') AS economy_en,
                (SELECT content FROM country_text ct WHERE ct.country_id=c.id AND ct.section=\'history\'   AND ct.lang=\'en\') AS history_en,
                ta.level           AS advisory_level,
                ta.updated_at      AS advisory_updated_at,
                -- convenient FX snapshot against EUR and USD using country currency
                (SELECT l.rate FROM mv_fx_latest l WHERE l.base_currency=\'EUR\' AND l.quote_currency = COALESCE(c.currency_code, ce.currency_code)) AS fx_eur_to_local,
                (SELECT l.rate FROM mv_fx_latest l WHERE l.base_currency=\'USD\' AND l.quote_currency = COALESCE(c.currency_code, ce.currency_code)) AS fx_usd_to_local,
                now() AS refreshed_at
            FROM country c
            LEFT JOIN country_enrichment ce ON ce.country_id = c.id
            LEFT JOIN travel_advisory ta ON ta.country_id = c.id AND ta.source=\'travel-advisory.info\';');

        $this->addSql('CREATE UNIQUE INDEX mv_country_public_slug ON mv_country_public (slug);'); // expect: static

        // 6) Recreate search view if it doesn't exist
        // expect-next: static
        $this->addSql('CREATE MATERIALIZED VIEW IF NOT EXISTS mv_country_search AS
            SELECT
                c.slug,
                c.name_en,
                coalesce(c.name_local,\'\') AS name_local,
                coalesce(c.continent,\'\') AS continent,
                coalesce(c.capital,\'\') AS capital,
                setweight(to_tsvector(\'simple\', coalesce(c.name_en,\'\')), \'A\') ||
                setweight(to_tsvector(\'simple\', coalesce(c.name_local,\'\')), \'B\') ||
                setweight(to_tsvector(\'simple\', coalesce(c.continent,\'\')), \'C\') ||
                setweight(to_tsvector(\'simple\', coalesce(c.capital,\'\')), \'C\') AS ts
            FROM country c;');

        $this->addSql('CREATE INDEX IF NOT EXISTS mv_country_search_ts ON mv_country_search USING gin(ts);'); // expect: static

        // 7) Update refresh function
        // expect-next: static
        $this->addSql('CREATE OR REPLACE FUNCTION refresh_country_views() RETURNS void LANGUAGE plpgsql AS $$
            BEGIN
                REFRESH MATERIALIZED VIEW CONCURRENTLY mv_fx_latest;
                REFRESH MATERIALIZED VIEW CONCURRENTLY mv_country_public;
                REFRESH MATERIALIZED VIEW CONCURRENTLY mv_country_search;
            END $$;');
    }

    public function down(Schema $schema): void
    {
        $this->addSql('DROP FUNCTION IF EXISTS refresh_country_views();'); // expect: static
        $this->addSql('DROP MATERIALIZED VIEW IF EXISTS mv_country_search;'); // expect: static
        $this->addSql('DROP MATERIALIZED VIEW IF EXISTS mv_country_public;'); // expect: static
        $this->addSql('DROP MATERIALIZED VIEW IF EXISTS mv_fx_latest;'); // expect: static
        $this->addSql('DROP TABLE IF EXISTS country_enrichment;'); // expect: static
        $this->addSql('DROP TABLE IF EXISTS travel_advisory;'); // expect: static
        $this->addSql('DROP TABLE IF EXISTS fx_rate;'); // expect: static
    }
}

/**
 * Recouvrement : corrige la LENTEUR du refresh de v_impayes.
 *
 * La jointure tiers en `LEFT JOIN LATERAL (... LIMIT 1)` forçait un nested-loop
 * (une sous-requete par ligne, ~45 000 fois) -> REFRESH en plusieurs MINUTES,
 * voire bloque. On remplace par une **dedup des tiers en CTE (DISTINCT ON code)**
 * puis un `LEFT JOIN` simple (hash join) : une passe sur tiers + une jointure,
 * O(n+m) -> refresh en quelques secondes. Unicite de `cle` toujours garantie
 * (un seul tiers par code grace au DISTINCT ON). Meme colonnes que la vue
 * precedente (sans `donnees`).
 */
final class Version20260710120000 extends AbstractMigration
{
    public function getDescription(): string
    {
        return 'Recouvrement : refresh v_impayes rapide (dedup tiers en CTE + hash join au lieu de LATERAL)';
    }

    public function up(Schema $schema): void
    {
        $this->recreer(false);
    }

    public function down(Schema $schema): void
    {
        // Revert : rétablit la jointure LATERAL (état de Version20260710100000).
        $this->recreer(true);
    }

    private function recreer(bool $lateral): void
    {
        $this->addSql('DROP MATERIALIZED VIEW IF EXISTS recouvrement.v_impayes'); // expect: static
        $this->addSql('CREATE MATERIALIZED VIEW recouvrement.v_impayes AS '.self::selectImpayes($lateral).' WITH DATA'); // expect: dynamic
        $this->addSql('CREATE UNIQUE INDEX uniq_impayes_cle ON recouvrement.v_impayes (cle)'); // expect: static
        $this->addSql('CREATE INDEX idx_impayes_compte ON recouvrement.v_impayes (compte)'); // expect: static
        $this->addSql('CREATE INDEX idx_impayes_ecriture ON recouvrement.v_impayes (ecriture_id)'); // expect: static
        $this->addSql('CREATE INDEX idx_impayes_email ON recouvrement.v_impayes (lower(btrim(email)))'); // expect: static
    }

    private static function selectImpayes(bool $lateral): string
    {
        // src : les factures FC 411 a solde non nul (CTE de base).
        // expect-next: dynamic
        $src = <<<'SQL'
            WITH src AS (
                SELECT cle, donnees, present_dans_sage, cree_le, vu_le, modifie_le
                FROM mirror.bal_eloficash
                WHERE present_dans_sage
                  AND donnees->>'Code type pièce' = 'FC'
                  AND LEFT(donnees->>'collectif', 3) = '411'
                  AND COALESCE(donnees->>'Montant solde en devise entité', '0,00 €') <> '0,00 €'
            )
            SQL;

        // En mode rapide : une CTE tiers dédupliquée (1 ligne par code).
        $cteTiers = $lateral ? '' : <<<'SQL'
            , tiers_uniq AS (
                SELECT DISTINCT ON (donnees->>'code') donnees->>'code' AS code, donnees
                FROM mirror.tiers
                WHERE present_dans_sage
                ORDER BY donnees->>'code', cle
            )
            SQL;

        // Liste des colonnes (identique aux 2 modes ; t.donnees vient de la CTE ou du LATERAL).
        $colonnes = <<<'SQL'
            SELECT
                src.cle,
                src.present_dans_sage,
                src.cree_le, src.vu_le, src.modifie_le,
                (src.donnees->>'clé écriture') AS ecriture_id,
                (src.donnees->>'Code relancé') AS compte,
                NULLIF(src.donnees->>'Date d''échéance', '')::DATE AS date_echeance,
                CASE
                    WHEN NULLIF(src.donnees->>'Date d''échéance','')::DATE IS NULL THEN NULL
                    ELSE (CURRENT_DATE - NULLIF(src.donnees->>'Date d''échéance','')::DATE)
                END AS jours_retard,
                (t.donnees->>'nom') AS nom,
                (t.donnees->>'prenom') AS prenom,
                (t.donnees->>'email') AS email,
                NULLIF(TRIM(src.donnees->>'cheminpdf'), '') AS chemin_pdf
            SQL;

        // Jointure tiers : hash join dédupliqué (rapide) ou LATERAL (ancien, lent).
        $join = $lateral ? <<<'SQL'
            FROM src
            LEFT JOIN LATERAL (
                SELECT t.donnees
                FROM mirror.tiers t
                WHERE t.present_dans_sage
                  AND t.donnees->>'code' = src.donnees->>'Code relancé'
                ORDER BY t.cle
                LIMIT 1
            ) t ON TRUE
            SQL : <<<'SQL'
            FROM src
            LEFT JOIN tiers_uniq t ON t.code = src.donnees->>'Code relancé'
            SQL;

        return $src.$cteTiers."\n".$colonnes."\n".$join;
    }
}
