-- Source: a Liquibase "formatted sql" changelog of a child-development follow-up database
-- (schema main: followup, child, coordination, ps, wd); read_file / find_string index id
-- 42569724534 (the index gave no repository name).
-- Classes: 1-comment-prefix (Liquibase `--changeset NP:1 labels:… dbms:postgresql context:…`
-- and `--comment: create table if not exists main.followup` lines before the first statement),
-- 5-multi-statement (13 statements in one changeset), lower-case DDL, CHECK with a decimal list,
-- COMMENT ON COLUMN, multi-line ALTER TABLE … ADD CONSTRAINT (one with a tab-indented line),
-- 2-short (revoke all … from public), 7-decoys (`--comment:` naming a statement, the
-- `--rollback drop table if exists main.followup;` directive: SQL that Liquibase runs only on
-- rollback, written as a comment, so unlabelled per convention 8).
-- Adaptations: none besides this header and the trailing `-- expect:` labels on the first line
-- of each statement. Labelled by hand, blind.
--liquibase formatted sql



--
-- Create tables
--

--changeset NP:1 labels:create_table dbms:postgresql context:dev,qa,uat,prod
--comment: create table if not exists main.followup
create table if not exists main.followup ( -- expect: static
    followup_comment   varchar
    , followup_time      smallint not null
    , child_id           integer not null
    , strabismus         boolean
    , dss                boolean
    , asd                boolean
    , ee                 boolean
    , fad                boolean
    , wd_id              smallint not null
    , sd                 boolean
    , ps_id              smallint not null
    , coordination_id    smallint not null
    , disorder_structure varchar
);

alter table main.followup -- expect: static
    add check ( followup_time in ( 0, 1, 1.5, 2 ) );

comment on column main.followup.dss is -- expect: static
    'Delayed speech skills';

comment on column main.followup.asd is -- expect: static
    'Autism spectrum disorder';

comment on column main.followup.ee is -- expect: static
    'Excessive excitability';

comment on column main.followup.fad is -- expect: static
    'Falling asleep disturbance';

comment on column main.followup.sd is -- expect: static
    'Sleep disturbance';

alter table main.followup add constraint followup_pk -- expect: static
		primary key ( child_id
, followup_time );

alter table main.followup -- expect: static
    add constraint followup_child_fk foreign key ( child_id )
        references main.child ( child_id );

alter table main.followup -- expect: static
    add constraint followup_coordination_fk foreign key ( coordination_id )
        references main.coordination ( coordination_id );

alter table main.followup -- expect: static
    add constraint followup_ps_fk foreign key ( ps_id )
        references main.ps ( ps_id );

alter table main.followup -- expect: static
    add constraint followup_wd_fk foreign key ( wd_id )
        references main.wd ( wd_id );

-- Permissions
revoke all on main.followup from public; -- expect: static

--rollback drop table if exists main.followup;
