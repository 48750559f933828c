# Source: a SAST benchmark fixture "shop" search module (found with find_string, index id
# 70525663907; the index did not return the repository name). Complete file.
# Classes: dynamic (Django Manager.raw() with % interpolation and with an f-string), fragments
#          (QuerySet.extra(where=[...]) with a condition concatenated from user input: still a
#          fragment, not a statement). The "# vuln:" comments are the fixture's own markers.
from shop.models import Order


def search(name):
    a = Order.objects.raw("SELECT * FROM shop_order WHERE name = '%s'" % name)  # vuln: dj-sql-raw  # expect: dynamic
    b = Order.objects.raw(f"SELECT * FROM shop_order WHERE name = '{name}'")  # vuln: dj-sql-raw  # expect: dynamic
    c = Order.objects.extra(where=["name = '" + name + "'"])  # vuln: dj-sql-raw  # expect: fragment
    return a, b, c
