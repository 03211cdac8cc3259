from django.conf import settings
from wagtail.api.v2.pagination import WagtailPagination
from wagtail.api.v2.utils import BadRequestError

# Far beyond any real listing, far below what makes a database overflow (a 500 in stock Wagtail).
MAX_OFFSET = 1_000_000


def parse_bounded_int(request, name, default, maximum, minimum=0):
    raw = request.GET.get(name)
    if raw is None:
        return default
    if not (raw.isascii() and raw.isdigit()):  # not "１２", which int() would take
        raise BadRequestError(f"{name} must be a positive integer")
    if int(raw) < minimum:
        raise BadRequestError(f"{name} must be at least {minimum}")
    if len(raw) > 9 or int(raw) > maximum:
        raise BadRequestError(f"{name} cannot be higher than {maximum}")
    return int(raw)


class CappedPagination(WagtailPagination):
    """Wagtail's limit/offset pagination with every bad value answered by a 400."""

    def paginate_queryset(self, queryset, request, view=None):
        limit_max = settings.WAGTAILAPI_LIMIT_MAX
        limit = parse_bounded_int(request, "limit", min(20, limit_max), limit_max, minimum=1)
        offset = parse_bounded_int(request, "offset", 0, MAX_OFFSET)
        self.view = view
        self.total_count = queryset.count()
        return self.window(queryset, offset, limit)

    def window(self, queryset, offset, limit):
        return queryset[offset : offset + limit]
