from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from hanoi_creative.core.paging import page_number

from .forms import SearchForm
from .query import search_pages
from .text import MAX_QUERY_LENGTH, normalize, query_terms

RESULTS_PER_PAGE = 10


@require_safe
def search(request):
    form = SearchForm(request.GET if "q" in request.GET else None)
    query = form.cleaned_data["q"] if form.is_bound and form.is_valid() else ""
    results_page = results = None
    if query_terms(query):
        results = search_pages(query, translation.get_language(), request)
        paginator = Paginator(results, RESULTS_PER_PAGE)
        results_page = paginator.get_page(page_number(request.GET.get("page"), paginator.num_pages))
    return render(
        request,
        "search/search.html",
        {
            "form": form,
            # What the visitor typed, made safe to show again (escaped by the template).
            "query": normalize(request.GET.get("q", "")).strip()[:MAX_QUERY_LENGTH],
            "max_length": MAX_QUERY_LENGTH,
            "searched": bool(query_terms(query)),
            "results_page": results_page,
            # Only the newest matches are ranked; say so when there are more than those.
            "more_than_shown": results is not None and results.capped,
            "shown_at_most": results.ranked if results is not None else None,
            "seo_title": _("Search"),
            # Result lists are not pages search engines should index.
            "seo_noindex": True,
        },
    )
