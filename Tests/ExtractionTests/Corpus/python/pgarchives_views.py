# Source: postgres/pgarchives — django/archives/mailarchives/views.py (PostgreSQL Licence).
# An early (Python 2) version of the file, as stored in the index; excerpt of monthlist,
# get_monthday_info, render_datelist_from, attachment, _build_thread_structure,
# _get_nextprevious, message, search and legacy. Code unchanged apart from trimming.
# Classes: placeholders (%(name)s pyformat parameters), fragments (Django .extra(where=[...])
#          holding a condition with a subquery, built with %), short (SET gin_fuzzy_search_limit),
#          dynamic (qstr started as a full SELECT and extended with +=; the appended pieces are
#          part of that statement and carry no label), multi-line CTEs (WITH RECURSIVE).

@cache(hours=8)
def monthlist(request, listname):
	l = get_object_or_404(List, listname=listname)
	curs = connection.cursor()
	curs.execute("SELECT year, month FROM list_months WHERE listid=%(listid)s ORDER BY year DESC, month DESC", {'listid': l.listid})  # expect: static
	months=[{'year':r[0],'month':r[1], 'date':datetime(r[0],r[1],1), 'hasmbox': _has_mbox(listname, r[0], r[1])} for r in curs.fetchall()]

	return render_to_response('monthlist.html', {
			'list': l,
			'months': months,
			}, NavContext(request, l.listid))

def get_monthday_info(mlist, l, d):
	allmonths = set([m.date.month for m in mlist])
	monthdate = None
	daysinmonth = None
	if len(allmonths) == 1:
		monthdate = mlist[0].date
	elif len(allmonths) == 0:
		monthdate = d

	if monthdate:
		curs = connection.cursor()
		curs.execute("SELECT DISTINCT extract(day FROM date) FROM messages WHERE date >= %(startdate)s AND date < %(enddate)s AND threadid IN (SELECT threadid FROM list_threads WHERE listid=%(listid)s) ORDER BY 1", {  # expect: static
				'startdate': datetime(year=monthdate.year, month=monthdate.month, day=1),
				'enddate': monthdate + timedelta(days=calendar.monthrange(monthdate.year, monthdate.month)[1]),
				'listid': l.listid,
				})
		daysinmonth = [int(r[0]) for r in curs.fetchall()]

	yearmonth = None
	if monthdate:
		yearmonth = "%s%02d" % (monthdate.year, monthdate.month)
	return (yearmonth, daysinmonth)

def render_datelist_from(request, l, d, title, to=None):
	datefilter = Q(date__gte=d)
	if to:
		datefilter.add(Q(date__lt=to), Q.AND)

	mlist = Message.objects.defer('bodytxt', 'cc', 'to').select_related().filter(datefilter).extra(where=["threadid IN (SELECT threadid FROM list_threads WHERE listid=%s)" % l.listid]).order_by('date')[:200]  # expect: fragment

	r = render_to_response('datelist.html', {
			'list': l,
			'messages': list(mlist),
			'title': title,
			}, NavContext(request, l.listid))
	return r

@cache(hours=4)
def attachment(request, attid):
	# Use a direct query instead of django, since it has bad support for
	# bytea
	curs = connection.cursor()
	curs.execute("SELECT filename, contenttype, attachment FROM attachments WHERE id=%(id)s AND EXISTS (SELECT 1 FROM messages WHERE messages.id=attachments.message AND messages.hiddenstatus IS NULL)", { 'id': int(attid)})  # expect: static
	r = curs.fetchall()
	if len(r) != 1:
		return HttpResponse("Attachment not found")

	return HttpResponse(r[0][2], mimetype=r[0][1])

def _build_thread_structure(threadid):
	# Yeah, this is *way* too complicated for the django ORM
	curs = connection.cursor()
	# expect-next: static
	curs.execute("""WITH RECURSIVE t(id, _from, subject, date, messageid, has_attachment, parentid, datepath) AS(
  SELECT id,_from,subject,date,messageid,has_attachment,parentid,array[]::timestamptz[] FROM messages m WHERE m.threadid=%(threadid)s AND parentid IS NULL
 UNION ALL
  SELECT m.id,m._from,m.subject,m.date,m.messageid,m.has_attachment,m.parentid,t.datepath||t.date FROM messages m INNER JOIN t ON t.id=m.parentid WHERE m.threadid=%(threadid)s
)
SELECT id,_from,subject,date,messageid,has_attachment,parentid,datepath FROM t ORDER BY datepath||date
""", {'threadid': threadid})
	for id,_from,subject,date,messageid,has_attachment,parentid,parentpath in curs.fetchall():
		yield {'id':id, 'mailfrom':_from, 'subject': subject, 'printdate': date.strftime("%Y-%m-%d %H:%M:%S"), 'messageid': messageid, 'hasattachment': has_attachment, 'parentid': parentid, 'indent': "&nbsp;" * len(parentpath)}


def _get_nextprevious(listmap, dt):
	curs = connection.cursor()
	# expect-next: static
	curs.execute("""WITH l(listid) AS (
   SELECT unnest(%(lists)s)
)
SELECT l.listid,1,
 (SELECT ARRAY[messageid,to_char(date, 'yyyy-mm-dd hh24:mi:ss'),subject,_from] FROM messages m
     INNER JOIN list_threads lt ON lt.threadid=m.threadid
     WHERE m.date>%(time)s AND lt.listid=l.listid
     ORDER BY m.date LIMIT 1
  ) FROM l
UNION ALL
SELECT l.listid,0,
 (SELECT ARRAY[messageid,to_char(date, 'yyyy-mm-dd hh24:mi:ss'),subject,_from] FROM messages m
     INNER JOIN list_threads lt ON lt.threadid=m.threadid
     WHERE m.date<%(time)s AND lt.listid=l.listid
     ORDER BY m.date DESC LIMIT 1
 ) FROM l""", {
			'lists': listmap.keys(),
			'time': dt,
			})
	return curs.fetchall()

@cache(hours=4)
def message(request, msgid):
	try:
		m = Message.objects.get(messageid=msgid)
	except Message.DoesNotExist, e:
		raise Http404('Message does not exist')

	lists = List.objects.extra(where=["listid IN (SELECT listid FROM list_threads WHERE threadid=%s)" % m.threadid]).order_by('listname')  # expect: fragment
	listmap = dict([(l.listid, l.listname) for l in lists])
	return listmap

def search(request):
	if not request.method == 'POST':
		raise Http404('I only respond to POST')

	if not request.POST.has_key('q'):
		raise Http404('No search query specified')
	query = request.POST['q']

	# Ok, we have all we need to do the search
	curs = connection.cursor()

	if query.find('@') > 0:
		curs.execute("SELECT messageid FROM messages WHERE messageid=%(q)s", {  # expect: static
				'q': query,
				})
		a = curs.fetchall()

	curs.execute("SET gin_fuzzy_search_limit=10000")  # expect: static
	qstr = "SELECT messageid, date, subject, _from, ts_rank_cd(fti, plainto_tsquery('public.pg', %(q)s)), ts_headline(bodytxt, plainto_tsquery('public.pg', %(q)s),'StartSel=\"[[[[[[\",StopSel=\"]]]]]]\"') FROM messages m WHERE fti @@ plainto_tsquery('public.pg', %(q)s)"  # expect: dynamic
	params = {
		'q': query,
	}
	if lists:
		qstr += " AND EXISTS (SELECT 1 FROM list_threads lt WHERE lt.threadid=m.threadid AND lt.listid=ANY(%(lists)s))"
		params['lists'] = lists
	if firstdate:
		qstr += " AND m.date > %(date)s"
		params['date'] = firstdate
	if list_sort == 'r':
		qstr += " ORDER BY ts_rank_cd(fti, plainto_tsquery(%(q)s)) DESC LIMIT 1000"
	else:
		qstr += " ORDER BY date DESC LIMIT 1000"

	curs.execute(qstr, params)

@cache(hours=8)
def legacy(request, listname, year, month, msgnum):
	curs = connection.cursor()
	curs.execute("SELECT msgid FROM legacymap WHERE listid=(SELECT listid FROM lists WHERE listname=%(list)s) AND year=%(year)s AND month=%(month)s AND msgnum=%(msgnum)s", {  # expect: static
			'list': listname,
			'year': year,
			'month': month,
			'msgnum': msgnum,
			})
	r = curs.fetchall()
	if len(r) != 1:
		raise Http404('Message does not exist')
