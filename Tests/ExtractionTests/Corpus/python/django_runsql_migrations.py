# Sources (Django migrations; the index gave no repository names):
#   part 1: "gestion" app migration 0022 (subscriptions/clients), read_file index id 62561063359 (whole file)
#   part 2: gissmo app migration 0047 (documents view), read_file index id 23033629 (whole file)
#   part 3: organizations app migration 0033 (role permissions), read_file index id 68490409564 (whole file)
#   part 4: evaluacion_app migration 0002 (table renames), read_file index id 59072742784 (whole file)
# Classes: Django `migrations.RunSQL(sql, reverse_sql)` (positional and keyword forms; reverse_sql is
#   SQL sent on rollback and is labelled like the forward SQL, README-A decision 4); statements kept in
#   module constants and passed as `RunSQL(DISABLE, reverse_sql=ENABLE)` (labelled where the literal
#   opens, no label at the use); `CREATE EXTENSION`, `CREATE INDEX CONCURRENTLY … USING gin (… gin_trgm_ops)`,
#   `ALTER TABLE … DISABLE TRIGGER`, `ALTER TABLE IF EXISTS … RENAME TO`; a `"""` literal with two
#   statements (DROP VIEW; CREATE OR REPLACE VIEW … UNION …) labelled with expect-next and an in-literal
#   `-- expect:`; `cursor.execute(f"… {table}")` in a RunPython function (table from
#   `schema_editor.quote_name`: dynamic); decoys: `migrations.RunSQL.noop`, `models.Q(...)` checks,
#   index/constraint names, `Lower("name")`, verbose names, comments naming SQL (`::INTEGER on SQL request`),
#   a Spanish docstring.
# Adaptations: four migration files concatenated; each `class Migration` renamed (Migration0022,
#   Migration0047, Migration0033, Migration0002) so that they can share a module; duplicate imports merged
#   at the top; part 2's `# -*- coding: utf-8 -*-` and `from __future__ import unicode_literals` dropped.
#   Otherwise verbatim.
from django.apps.registry import Apps
from django.db import migrations, models
from django.db.backends.base.schema import BaseDatabaseSchemaEditor
from django.db.models.functions import Lower
import orders.encryption


# ---- part 1 (id 62561063359) ----
def merge_duplicate_services(apps, schema_editor):
    Service = apps.get_model("gestion", "Service")
    Subscription = apps.get_model("gestion", "Subscription")
    StockEmail = apps.get_model("gestion", "StockEmail")
    duplicates = (
        Service.objects.values("owner_id")
        .annotate(normalized_name=Lower("name"), total=models.Count("id"))
        .filter(total__gt=1)
    )
    for group in duplicates.iterator():
        rows = list(
            Service.objects.filter(
                owner_id=group["owner_id"], name__iexact=group["normalized_name"]
            ).order_by("id")
        )
        canonical = rows[0]
        for duplicate in rows[1:]:
            Subscription.objects.filter(service_id=duplicate.id).update(service_id=canonical.id)
            StockEmail.objects.filter(service_id=duplicate.id).update(service_id=canonical.id)
            duplicate.delete()


def encrypt_subscription_secrets(apps, schema_editor):
    from orders.encryption import encrypt_text

    table = schema_editor.quote_name("gestion_subscription")
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(f"SELECT id, account_password, profile_pin FROM {table}")  # expect: dynamic
        rows = cursor.fetchall()
        for row_id, password, pin in rows:
            encrypted_password = encrypt_text(password) if password else ""
            encrypted_pin = encrypt_text(pin) if pin else ""
            cursor.execute(
                f"UPDATE {table} SET account_password = %s, profile_pin = %s WHERE id = %s",  # expect: dynamic
                [encrypted_password, encrypted_pin, row_id],
            )


class Migration0022(migrations.Migration):
    atomic = False
    dependencies = [("gestion", "0021_private_payment_proofs")]

    operations = [
        migrations.RunPython(merge_duplicate_services, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="subscription",
            name="account_password",
            field=orders.encryption.EncryptedTextField(blank=True, verbose_name="Contraseña"),
        ),
        migrations.AlterField(
            model_name="subscription",
            name="profile_pin",
            field=orders.encryption.EncryptedTextField(blank=True, verbose_name="PIN"),
        ),
        migrations.RunPython(encrypt_subscription_secrets, migrations.RunPython.noop),
        migrations.AddConstraint(
            model_name="service",
            constraint=models.UniqueConstraint(Lower("name"), "owner", name="uniq_service_owner_name_ci"),
        ),
        migrations.AddIndex(
            model_name="subscription",
            index=models.Index(fields=["owner", "is_archived", "expires_at"], name="sub_owner_active_exp_idx"),
        ),
        migrations.AddConstraint(model_name="subscription", constraint=models.CheckConstraint(condition=models.Q(profiles__gte=1, profiles__lte=7), name="subscription_profiles_1_7")),
        migrations.AddConstraint(model_name="subscription", constraint=models.CheckConstraint(condition=models.Q(exchange_rate__gt=0), name="subscription_exchange_rate_gt_0")),
        migrations.AddConstraint(model_name="subscription", constraint=models.CheckConstraint(condition=models.Q(cost__gte=0, investment__gte=0), name="subscription_amounts_nonnegative")),
        migrations.AddIndex(model_name="transaction", index=models.Index(fields=["owner", "-occurred_at"], name="tx_owner_occurred_idx")),
        migrations.AddConstraint(model_name="transaction", constraint=models.CheckConstraint(condition=models.Q(amount__gte=0, base_amount__gte=0), name="transaction_amounts_nonnegative")),
        migrations.AddConstraint(model_name="transaction", constraint=models.CheckConstraint(condition=models.Q(exchange_rate__gt=0), name="transaction_exchange_rate_gt_0")),
        migrations.RunSQL("CREATE EXTENSION IF NOT EXISTS pg_trgm", migrations.RunSQL.noop),  # expect: static
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS client_name_trgm_idx ON gestion_client USING gin (name gin_trgm_ops)",  # expect: static
            "DROP INDEX CONCURRENTLY IF EXISTS client_name_trgm_idx",  # expect: static
        ),
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS client_email_trgm_idx ON gestion_client USING gin (email gin_trgm_ops)",  # expect: static
            "DROP INDEX CONCURRENTLY IF EXISTS client_email_trgm_idx",  # expect: static
        ),
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS client_whatsapp_trgm_idx ON gestion_client USING gin (whatsapp gin_trgm_ops)",  # expect: static
            "DROP INDEX CONCURRENTLY IF EXISTS client_whatsapp_trgm_idx",  # expect: static
        ),
        migrations.RunSQL(
            "CREATE INDEX CONCURRENTLY IF NOT EXISTS client_telegram_trgm_idx ON gestion_client USING gin (telegram gin_trgm_ops)",  # expect: static
            "DROP INDEX CONCURRENTLY IF EXISTS client_telegram_trgm_idx",  # expect: static
        ),
    ]


# ---- part 2 (id 23033629) ----
class Migration0047(migrations.Migration):

    dependencies = [
        ('gissmo', '0046_auto_20160701_1505'),
    ]

    # ::INTEGER on SQL request avoids this problem:
    # https://www.postgresql.org/message-id/201104122018.p3CKIlWR042915@wwwmaster.postgresql.org
    operations = [
        migrations.RunSQL(  # expect-next: static
            """
            DROP VIEW IF EXISTS gissmo_documentview;

            CREATE OR REPLACE VIEW gissmo_documentview -- expect: static
            AS
                SELECT row_number()  OVER () AS id,
                    'equipment' AS model,
                    edt.equipdoc_type_name AS type,
                    ed.document_title AS title,
                    ed.begin_effective AS start,
                    ed.end_effective AS end,
                    ed.document_equip AS file,
                    NULL::INTEGER AS station_id,
                    ed.equip_id AS equipment_id,
                    NULL AS equipmodel,
                    NULL::INTEGER AS intervention_id
                FROM gissmo_equipdoc AS ed, gissmo_equipdoctype AS edt
                WHERE ed.document_type_id = edt.id
            UNION
                SELECT row_number() OVER () as id,
                    'station' AS model,
                    sdt.stationdoc_type_name AS type,
                    sd.document_title AS title,
                    sd.begin_effective AS start,
                    sd.end_effective AS end,
                    sd.document_station AS file,
                    sd.station_id AS station_id,
                    NULL AS equipment_id,
                    NULL AS equipmodel,
                    NULL AS intervention_id
                FROM gissmo_stationdoc AS sd, gissmo_stationdoctype AS sdt
                WHERE sd.document_type_id = sdt.id
            UNION
                SELECT row_number() OVER () AS id,
                    'equipment_model' AS model,
                    emt.equipmodeldoc_type_name AS type,
                    em.document_title AS title,
                    em.begin_effective AS start,
                    em.end_effective AS end,
                    em.document_equip_model AS file,
                    NULL AS station_id,
                    NULL AS equipment_id,
                    emo.equip_model_name AS equipmodel,
                    NULL AS intervention_id
                FROM
                    gissmo_equipmodeldoc AS em,
                    gissmo_equipmodeldoctype AS emt,
                    gissmo_equipmodel AS emo
                WHERE em.document_type_id = emt.id
                AND em.equip_model_id = emo.id
            UNION
                SELECT row_number() OVER () AS id,
                    'intervention' AS model,
                    NULL AS type,
                    doc.description AS title,
                    interv.intervention_date AS start,
                    NULL AS end,
                    doc._file AS file,
                    NULL AS station_id,
                    NULL AS equipment_id,
                    NULL AS equipmodel,
                    doc.intervention_id AS intervention_id
                FROM gissmo_intervdoc AS doc, gissmo_intervention AS interv
                WHERE doc.intervention_id = interv.id
            ;
            """
        ),
        migrations.CreateModel(
            name='DocumentView',
            fields=[
                ('id', models.AutoField(verbose_name='ID', primary_key=True, auto_created=True, serialize=False)),
                ('model', models.CharField(max_length=30)),
                ('_type', models.IntegerField(null=True)),
                ('title', models.CharField(null=True, max_length=40)),
                ('start', models.DateTimeField(null=True)),
                ('end', models.DateTimeField(null=True)),
                ('_file', models.FileField(upload_to='', null=True)),
            ],
            options={
                'db_table': 'gissmo_documentview',
                'managed': False,
            },
        ),
    ]


# ---- part 3 (id 68490409564) ----
ROLE_PERMISSIONS = {"manager": ("seo.audit.read",), "owner": ("seo.audit.read", "seo.audit.run")}

DISABLE = "ALTER TABLE organizations_role DISABLE TRIGGER organizations_system_role_immutable;"  # expect: static
ENABLE = "ALTER TABLE organizations_role ENABLE TRIGGER organizations_system_role_immutable;"  # expect: static


def add_permissions(apps: Apps, _schema_editor: BaseDatabaseSchemaEditor) -> None:
    role_model = apps.get_model("organizations", "Role")
    for role_key, permissions in ROLE_PERMISSIONS.items():
        role = role_model.objects.get(key=role_key, organization=None)
        role.permissions = list(dict.fromkeys([*role.permissions, *permissions]))
        role.version += 1
        role.save(update_fields=["permissions", "version", "updated_at"])


def remove_permissions(apps: Apps, _schema_editor: BaseDatabaseSchemaEditor) -> None:
    role_model = apps.get_model("organizations", "Role")
    removed = {permission for values in ROLE_PERMISSIONS.values() for permission in values}
    for role_key in ROLE_PERMISSIONS:
        role = role_model.objects.get(key=role_key, organization=None)
        role.permissions = [value for value in role.permissions if value not in removed]
        role.version += 1
        role.save(update_fields=["permissions", "version", "updated_at"])


class Migration0033(migrations.Migration):
    dependencies = [("organizations", "0032_erasurereceipt")]
    operations = [
        migrations.RunSQL(DISABLE, reverse_sql=ENABLE),
        migrations.RunPython(add_permissions, reverse_code=remove_permissions),
        migrations.RunSQL(ENABLE, reverse_sql=DISABLE),
    ]


# ---- part 4 (id 59072742784) ----
class Migration0002(migrations.Migration):
    """Repara bases locales creadas antes de fijar los db_table en 0001_initial.
    No-op en bases nuevas, donde las tablas ya nacen con el nombre correcto."""

    dependencies = [
        ("evaluacion_app", "0001_initial"),
    ]
    operations = [
        migrations.RunSQL(
            sql="ALTER TABLE IF EXISTS evaluacion_app_availablecentercache RENAME TO centros_disponibles_cache;",  # expect: static
            reverse_sql="ALTER TABLE IF EXISTS centros_disponibles_cache RENAME TO evaluacion_app_availablecentercache;",  # expect: static
        ),
        migrations.RunSQL(
            sql="ALTER TABLE IF EXISTS evaluacion_app_evaluacion RENAME TO evaluaciones_riesgo;",  # expect: static
            reverse_sql="ALTER TABLE IF EXISTS evaluaciones_riesgo RENAME TO evaluacion_app_evaluacion;",  # expect: static
        ),
        migrations.RunSQL(
            sql="ALTER TABLE IF EXISTS evaluacion_app_matching RENAME TO matchings;",  # expect: static
            reverse_sql="ALTER TABLE IF EXISTS matchings RENAME TO evaluacion_app_matching;",  # expect: static
        ),
    ]
