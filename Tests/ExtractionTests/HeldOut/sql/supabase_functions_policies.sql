-- Source: SQL migrations found with find_string "security definer set search_path = " (ids
-- 33817165, 69446763790, 58129988740, 67639780420); repository names not returned. Three
-- whole files and one excerpt, concatenated.
-- Classes: SET SCHEMA, CREATE FUNCTION ... AS $$ ... $$ in plpgsql and sql (the statements
--          inside a body are not labelled), SECURITY DEFINER SET search_path, CREATE TRIGGER,
--          revoke/grant on function, CREATE POLICY with quoted names, COMMENT ON ... IS on the
--          next line, lower-case DDL, decoys (SQL-looking words in -- comments).
SET SCHEMA 'model'; -- expect: static

-- Note: That if you ever let people update their cids or insert new cids
--       from another vector than create_attendee then you _need_ to
--       lowercase the cid.
CREATE TABLE attendee ( -- expect: static
    id      SERIAL PRIMARY KEY,
    cid     TEXT NOT NULL UNIQUE,
    name    TEXT NOT NULL,
    nick    TEXT,
    created TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

CREATE TABLE attendee_number ( -- expect: static
    id          INTEGER PRIMARY KEY,
    attendee_id INTEGER REFERENCES attendee NOT NULL,
    created     TIMESTAMPTZ DEFAULT CURRENT_TIMESTAMP
);

-- Whenever an attendee number is added, we send a message to the world
-- containing the original attendee and its new number.
CREATE FUNCTION attendee_number_news() RETURNS TRIGGER -- expect: static
  LANGUAGE plpgsql SECURITY DEFINER SET search_path = model, public, pg_temp
  AS $$
  DECLARE
    j json;
  BEGIN
    SELECT row_to_json(r) INTO j
    FROM (
      SELECT a.id, a.cid, a.name, a.nick, json_agg(json_build_object('id', an.id)) AS numbers
      FROM attendee AS a
      LEFT JOIN attendee_number AS an ON an.attendee_id = a.id
      WHERE a.id = NEW.attendee_id
      GROUP BY a.id
    ) AS r;
    PERFORM model.send_websocket_notification('attendee' || '_' || LOWER(TG_OP), j);
    RETURN NEW;
  END
  $$;

CREATE TRIGGER attendee_number_news -- expect: static
    AFTER INSERT ON attendee_number
    FOR EACH ROW
    EXECUTE PROCEDURE attendee_number_news();

-- =====================================================================
-- Octadesk Plus — primeiro acesso: a tela de login só oferece "Criar conta" enquanto não houver usuário.
-- Única função que o visitante sem login (anon) executa; responde só sim/não.
-- =====================================================================

create or replace function octaplus.primeiro_acesso() returns boolean -- expect: static
language sql stable security definer set search_path = octaplus, public as $$
  select not exists (select 1 from auth.users)
$$;

revoke execute on function octaplus.primeiro_acesso() from public; -- expect: static
grant execute on function octaplus.primeiro_acesso() to anon, authenticated; -- expect: static

-- SaveBot: Migration 009 — bump a community template's install_count.
-- The installer isn't the template's creator, so RLS blocks a direct UPDATE;
-- this SECURITY DEFINER function increments it safely. Safe to re-run.

CREATE OR REPLACE FUNCTION public.increment_template_installs(template_id uuid) -- expect: static
RETURNS void
LANGUAGE sql SECURITY DEFINER SET search_path = public
AS $$
    UPDATE public.community_templates
    SET install_count = install_count + 1, updated_at = now()
    WHERE id = template_id;
$$;
GRANT EXECUTE ON FUNCTION public.increment_template_installs(uuid) TO authenticated; -- expect: static

-- Policy 3: Allow authenticated users (developers) to update requests
CREATE POLICY "Developers can update activation requests" -- expect: static
  ON activation_code_requests
  FOR UPDATE
  USING (auth.role() = 'authenticated');

-- ============================================================================
-- Updated At Trigger
-- ============================================================================
-- SECURITY FIX: Added SECURITY DEFINER and SET search_path = public
CREATE OR REPLACE FUNCTION update_activation_requests_updated_at() -- expect: static
RETURNS TRIGGER AS $$
BEGIN
  NEW.updated_at = NOW();
  RETURN NEW;
END;
$$ LANGUAGE plpgsql SECURITY DEFINER SET search_path = public;

CREATE TRIGGER activation_requests_updated_at -- expect: static
  BEFORE UPDATE ON activation_code_requests
  FOR EACH ROW
  EXECUTE FUNCTION update_activation_requests_updated_at();

-- ============================================================================
-- Comments and Documentation
-- ============================================================================

COMMENT ON TABLE activation_code_requests IS -- expect: static
'Stores customer requests for activation codes. Customers (public users) can INSERT. Developers (authenticated) can READ and UPDATE.';

COMMENT ON POLICY "Developers can update activation requests" ON activation_code_requests IS -- expect: static
'Allows authenticated developers to view all pending and fulfilled requests.';
