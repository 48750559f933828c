# Sources (the index gave no repository names; open with read_file id=…):
#   (a) id 31689188028: views of a Django "support" ticket app (old Django, core.urlresolvers).
#   (b) id 38059212933: django-filters ProductFilter of a Polish shop app.
#   (c) id 11559580488: views of a Django "librairie" (library of texts) app.
#   (d) id 68793242860: FastAPI telemetry router of "mvtwin" (mine conveyor digital twin),
#       SQLAlchemy 2.0 Core select().
# Classes: Django QuerySet.extra(select={…}) select expressions (fragments): a correlated
# scalar sub-SELECT kept in a class attribute as a triple-quoted template with `{0}` and
# applied with .format() (fragment, Round 4 decision 4), a CASE expression over two adjacent
# literals (twice), UPPER(nom); decoys: order_by=['-price_val'] / order_by('-last_update') /
# expr = '-name' (identifiers), annotate(Max('comment__create_date')), template names, choice
# labels; SQLAlchemy Core select/where/group_by built from model columns with func.date_bin,
# text(f"INTERVAL '{…} seconds'") and literal_column("TIMESTAMPTZ '1970-…'") (bare typed values,
# unlabelled: Round 3 B decision 7 / Round 5 decision 6), Spanish docstrings and HTTP errors.
# Adaptations: four files concatenated (imports kept per part); parts left out (no SQL): in (a)
# TicketDetailView and AddCommentView, in (c) imports of unused helpers and the views
# RecentTexteList, AuteurTexteList, TagTexteList, TexteDetailView, in (d) get_latest; an `# expect-next:` comment line
# added before `sql_new_count_tmpl = """SELECT …` (the SQL starts on the opening line, which
# cannot carry a comment). Code otherwise verbatim.

# ---- (a) id 31689188028
from django.views.generic import (
    ListView,
    DetailView,
    FormView,
)
from django.db.models import Max
from django.shortcuts import redirect
from django.core.urlresolvers import reverse
from django.shortcuts import get_object_or_404

from .models import Ticket
from .forms import CommentForm


class TicketSecurityMixin(object):

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated():
            return redirect('support_index')
        return super(TicketSecurityMixin, self).dispatch(
                request,
                *args,
                **kwargs
        )

    def get_queryset(self):
        queryset = super(TicketSecurityMixin, self).get_queryset()
        # if not admin show only own tickets
        if not self.request.user.is_superuser:
            queryset = queryset.filter(author=self.request.user)
        return queryset


class TicketLastUpdateMixin(object):

    def get_queryset(self):
        queryset = super(TicketLastUpdateMixin, self).get_queryset()
        # Latest ticket update (latest comment)
        queryset = queryset.annotate(last_update=Max('comment__create_date'))
        return queryset


class TicketNewCommentCountMixin(object):

    # expect-next: fragment
    sql_new_count_tmpl = """SELECT COUNT(support_comment.id)
                            FROM support_comment
                            WHERE (NOT support_comment.readed)
                                AND (support_comment.ticket_id = support_ticket.id)
                                AND (support_comment.author_id != {0})"""

    def get_queryset(self):
        queryset = super(TicketNewCommentCountMixin, self).get_queryset()
        # Count of new comment for current user
        sql_new_count = self.sql_new_count_tmpl.format(self.request.user.pk)
        queryset = queryset.extra(select={'new_count': sql_new_count})
        return queryset


class TicketListView(TicketSecurityMixin,
                     TicketLastUpdateMixin,
                     TicketNewCommentCountMixin,
                     ListView):

    model = Ticket

    def get_queryset(self):
        queryset = super(TicketListView, self).get_queryset()
        queryset = queryset.order_by('-last_update')
        return queryset


class CommentsView(TicketSecurityMixin, DetailView):

    model = Ticket
    template_name = 'support/comment_list.html'

    def get(self, request, *args, **kwargs):
        ticket = self.get_object()
        comments = ticket.comment_set.exclude(author=request.user)
        comments.update(readed=True)
        return super(CommentsView, self).get(request, *args, **kwargs)


# ---- (b) id 38059212933
import django_filters
import logging

from .models import Product


class ProductFilter(django_filters.FilterSet):
    CHOICES = (
        ('name_ascending', 'Nazwy rosnąco'),
        ('name_descending', 'Nazwy malejąco'),
        ('price_ascending', 'Ceny rosnąco'),
        ('price_descending', 'Ceny rosnąco')
    )

    sorting = django_filters.ChoiceFilter(choices=CHOICES, method='products_filter')

    class Meta:
        model = Product
        fields = ['category', 'name', 'price', 'discount']

    @staticmethod
    def products_filter(queryset, name, value):
        expr = 'name'  # fallback
        if value == 'name_ascending':
            expr = 'name'
        elif value == 'name_descending':
            expr = '-name'
        elif value == 'price_ascending':
            return queryset.extra(select={'price_val': 'CASE WHEN discount IS NULL THEN price '  # expect: fragment
                                                       'ELSE price-discount END'},
                                  order_by=['price_val'])
        elif value == 'price_descending':
            return queryset.extra(select={'price_val': 'CASE WHEN discount IS NULL THEN price '  # expect: fragment
                                                       'ELSE price-discount END'},
                                  order_by=['-price_val'])
        return queryset.order_by(expr)


# ---- (c) id 11559580488
from django.views.generic import ListView, DetailView
from librairie.models import Auteur, Tag, Texte, IndexFlatPage


class AuteurList(ListView):

    queryset = Auteur.objects.all().extra(select={'imf': 'UPPER(nom)'}, order_by=['imf'])  # expect: fragment
    context_object_name = 'auteur_list'
    model = Texte


class TagList(ListView):

    queryset = Tag.objects.order_by('tag')
    context_object_name = 'tag_list'
    model = Texte


# ---- (d) id 68793242860
from datetime import UTC, datetime, timedelta

from fastapi import APIRouter, HTTPException, Query, status
from sqlalchemy import func, literal_column, select, text
from sqlalchemy.orm import Session

from mvtwin.api.common import DbSession, asset_id_by_code, subtree_ids
from mvtwin.models import Asset, Telemetry
from mvtwin.schemas import LatestValue, TelemetryPoint, TelemetrySeries

router = APIRouter(prefix="/api/v1/telemetry", tags=["telemetry"])

MAX_RANGE = timedelta(days=90)


def _as_utc(ts: datetime) -> datetime:
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts


@router.get("", response_model=TelemetrySeries)
def get_series(
    session: DbSession,
    asset: str,
    metric: str,
    start: datetime | None = None,
    end: datetime | None = None,
    bucket: int | None = Query(None, ge=1, le=86400, description="Agrega por intervalos de N segundos"),
    limit: int = Query(5000, ge=1, le=50000),
) -> TelemetrySeries:
    """Serie de tiempo de una métrica. Por defecto, la última hora.

    Sin `bucket` devuelve las mediciones crudas; con `bucket` devuelve promedio, mínimo
    y máximo por intervalo (lo que conviene para gráficos de días o semanas).
    """
    end = _as_utc(end) if end else datetime.now(UTC)
    start = _as_utc(start) if start else end - timedelta(hours=1)
    if start >= end:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, "start debe ser anterior a end")
    if end - start > MAX_RANGE:
        raise HTTPException(status.HTTP_400_BAD_REQUEST, f"El rango máximo es {MAX_RANGE.days} días")

    asset_id = asset_id_by_code(session, asset)
    where = (Telemetry.asset_id == asset_id, Telemetry.metric == metric, Telemetry.ts >= start, Telemetry.ts < end)

    if bucket is None:
        rows = session.execute(
            select(Telemetry.ts, Telemetry.value).where(*where).order_by(Telemetry.ts).limit(limit)
        ).all()
        points = [TelemetryPoint(ts=_as_utc(ts), value=v) for ts, v in rows]
    elif session.get_bind().dialect.name == "postgresql":
        points = _bucketed_sql(session, where, bucket, limit)
    else:
        points = _bucketed_python(session, where, bucket, limit)
    return TelemetrySeries(asset_code=asset, metric=metric, bucket_s=bucket, points=points)


def _bucketed_sql(session: Session, where: tuple, bucket: int, limit: int) -> list[TelemetryPoint]:
    # date_bin es PostgreSQL estándar (>= 14); en TimescaleDB equivale a time_bucket.
    bucket_ts = func.date_bin(
        text(f"INTERVAL '{int(bucket)} seconds'"), Telemetry.ts, literal_column("TIMESTAMPTZ '1970-01-01 00:00:00+00'")
    ).label("bucket")
    rows = session.execute(
        select(
            bucket_ts,
            func.avg(Telemetry.value),
            func.min(Telemetry.value),
            func.max(Telemetry.value),
            func.count(),
        )
        .where(*where)
        .group_by(bucket_ts)
        .order_by(bucket_ts)
        .limit(limit)
    ).all()
    return [TelemetryPoint(ts=ts, value=avg, min=lo, max=hi, count=n) for ts, avg, lo, hi, n in rows]


def _bucketed_python(session: Session, where: tuple, bucket: int, limit: int) -> list[TelemetryPoint]:
    """Misma agregación que _bucketed_sql, para bases sin date_bin (SQLite en tests)."""
    groups: dict[int, list[float]] = {}
    for ts, value in session.execute(select(Telemetry.ts, Telemetry.value).where(*where)).all():
        key = int(_as_utc(ts).timestamp()) // bucket * bucket
        groups.setdefault(key, []).append(value)
    return [
        TelemetryPoint(
            ts=datetime.fromtimestamp(key, UTC), value=sum(v) / len(v), min=min(v), max=max(v), count=len(v)
        )
        for key, v in sorted(groups.items())[:limit]
    ]
