-- Source: a Supabase SQL-editor migration "Contractor VerifyNow identity verification + ID
-- document attachment" (find_string / read_file index id 56983696352; the index gave no
-- repository name).
-- Classes: CREATE OR REPLACE FUNCTION … LANGUAGE plpgsql AS $$ … $$ whose body runs dynamic DDL
-- through EXECUTE format('ALTER TABLE public.%I ADD COLUMN %I %s', …) (one statement, labelled on
-- the CREATE line; the EXECUTE strings inside the body are part of it and carry no label, Round 3
-- decision 6), 23 short `SELECT public.sa_add_column(…)` calls (with doubled-quote defaults
-- '''unverified''' and '''{}''::jsonb'), CREATE TABLE IF NOT EXISTS, RLS (ENABLE ROW LEVEL
-- SECURITY, DROP/CREATE POLICY), an information_schema check query, 2-short, 8-comments (a
-- `-- unverified | pending | …` enum comment, RAISE NOTICE text).
-- Adaptations: verbatim whole file; this header added and `-- expect:` comments appended.
-- Labelled by hand, blind.

-- Contractor VerifyNow identity verification + ID document attachment
-- Safe / idempotent for Supabase SQL Editor

CREATE OR REPLACE FUNCTION public.sa_add_column(p_table text, p_column text, p_type text, p_default text DEFAULT NULL) -- expect: static
RETURNS void
LANGUAGE plpgsql
AS $$
BEGIN
  IF EXISTS (
    SELECT 1 FROM information_schema.tables
    WHERE table_schema = 'public' AND table_name = p_table
  ) AND NOT EXISTS (
    SELECT 1 FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = p_table AND column_name = p_column
  ) THEN
    IF p_default IS NULL THEN
      EXECUTE format('ALTER TABLE public.%I ADD COLUMN %I %s', p_table, p_column, p_type);
    ELSE
      EXECUTE format(
        'ALTER TABLE public.%I ADD COLUMN %I %s DEFAULT %s',
        p_table, p_column, p_type, p_default
      );
    END IF;
  END IF;
EXCEPTION WHEN others THEN
  RAISE NOTICE 'sa_add_column %.% skip: %', p_table, p_column, SQLERRM;
END;
$$;

CREATE TABLE IF NOT EXISTS public.container_contractors ( -- expect: static
  id bigserial PRIMARY KEY,
  full_name text NOT NULL DEFAULT 'Contractor',
  status text NOT NULL DEFAULT 'active',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

SELECT public.sa_add_column('container_contractors', 'id_number', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'id_document_url', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'id_document_name', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'id_document_uploaded_at', 'timestamptz'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verification_status', 'text', '''unverified'''); -- expect: static
-- unverified | pending | verified | failed | mismatch
SELECT public.sa_add_column('container_contractors', 'verified_at', 'timestamptz'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verification_provider', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verification_reference', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verification_data', 'jsonb', '''{}''::jsonb'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verified_first_names', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verified_last_name', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'verified_dob', 'text'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'consent_identity_check', 'boolean', 'false'); -- expect: static
SELECT public.sa_add_column('container_contractors', 'consent_identity_at', 'timestamptz'); -- expect: static

-- Verification audit log (optional history of checks)
CREATE TABLE IF NOT EXISTS public.contractor_verifications ( -- expect: static
  id bigserial PRIMARY KEY,
  contractor_id bigint,
  profile_id bigint,
  id_number text,
  provider text NOT NULL DEFAULT 'verifynow',
  report_type text,
  status text NOT NULL DEFAULT 'pending',
  request_id text,
  mode text,
  result jsonb DEFAULT '{}'::jsonb,
  created_at timestamptz NOT NULL DEFAULT now()
);

SELECT public.sa_add_column('contractor_verifications', 'contractor_id', 'bigint'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'profile_id', 'bigint'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'id_number', 'text'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'provider', 'text', '''verifynow'''); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'report_type', 'text'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'status', 'text', '''pending'''); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'request_id', 'text'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'mode', 'text'); -- expect: static
SELECT public.sa_add_column('contractor_verifications', 'result', 'jsonb', '''{}''::jsonb'); -- expect: static

ALTER TABLE public.contractor_verifications ENABLE ROW LEVEL SECURITY; -- expect: static
DROP POLICY IF EXISTS contractor_verifications_all ON public.contractor_verifications; -- expect: static
CREATE POLICY contractor_verifications_all ON public.contractor_verifications -- expect: static
  FOR ALL USING (true) WITH CHECK (true);

SELECT -- expect: static
  column_name,
  data_type
FROM information_schema.columns
WHERE table_schema = 'public'
  AND table_name = 'container_contractors'
  AND column_name IN (
    'id_number', 'id_document_url', 'verification_status',
    'verified_at', 'verification_data', 'consent_identity_check'
  )
ORDER BY column_name;
