"""Give the translation desk work to show: a few articles without English, one out of date.

Runs after the news demo (this app comes after ``news`` in INSTALLED_APPS). Safe to rerun: an
article is only stripped of its English, or edited in Vietnamese, while the desk has never
seen its English change; a translator's work is never undone.
"""

from django.db import transaction
from modeltranslation.utils import build_localized_fieldname

from . import segments, status
from .models import FieldTranslation, Status
from .registry import STREAM, TARGET, field_specs, target_name

MISSING_COUNT = 3
# Appended to a paragraph of one translated article, so its English falls behind.
ADDED_SENTENCE = (
    " Thành phố sẽ tổ chức Tuần lễ Thiết kế Hà Nội hằng năm để giới thiệu các sản phẩm sáng tạo của Thủ đô."
)


def _article_model():
    try:
        from news.models import ArticlePage
    except ImportError:
        return None
    return ArticlePage


def _untouched(page, field):
    """True unless a translator has changed this field's English since the desk first saw it."""
    return not FieldTranslation.objects.filter(
        item__content_type__app_label=page._meta.app_label,
        item__content_type__model=page._meta.model_name,
        item__object_id=str(page.pk),
        field=field,
        translated_at__isnull=False,
    ).exists()


def _publish(page):
    page.save_revision().publish()


def strip_english(page):
    for spec in field_specs(type(page)):
        empty = [] if spec.kind == STREAM else ""
        setattr(page, target_name(spec.name), empty)
    # Without an English slug the page keeps answering at its Vietnamese slug under /en/.
    setattr(page, build_localized_fieldname("slug", TARGET), None)
    _publish(page)


def _first_paragraph(body):
    for block in body:
        if (
            block.get("type") == "paragraph"
            and isinstance(block.get("value"), str)
            and "</p>" in block["value"]
        ):
            return block
    return None


def make_outdated(page):
    spec = next(spec for spec in field_specs(type(page)) if spec.name == "body")
    body = segments.source_value(spec, page)
    block = _first_paragraph(body)
    if block is None or ADDED_SENTENCE.strip() in block["value"]:
        return False
    block["value"] = block["value"].replace("</p>", ADDED_SENTENCE + "</p>", 1)
    page.body_vi = body
    _publish(page)
    return True


@transaction.atomic
def load(log=print):
    ArticlePage = _article_model()
    if ArticlePage is None or not ArticlePage.objects.exists():
        log("Translation desk: no articles yet, nothing to set up.")
        return
    articles = list(ArticlePage.objects.live().order_by("-publication_date", "pk"))
    # Short items (headline and lead, no body) lose their English: they show on the desk as
    # missing and drop out of every English listing.
    stripped = 0
    missing = [page for page in articles if not page.body_vi and not page.must_see][:MISSING_COUNT]
    for page in missing:
        if page.title_en and _untouched(page, "title"):
            strip_english(page)
            stripped += 1
    # The newest translated article with rich text gets a new Vietnamese sentence.
    outdated = next(
        (
            page
            for page in articles
            if page.title_en
            and page.body_en
            and _first_paragraph(
                segments.source_value(next(s for s in field_specs(ArticlePage) if s.name == "body"), page)
            )
        ),
        None,
    )
    changed = bool(outdated) and _untouched(outdated, "body") and make_outdated(outdated)
    counts = status.status_counts()
    totals = {name: sum(section[name] for section in counts.values()) for name in Status.values}
    log(
        f"Translation desk: {stripped} articles without English, {int(changed)} out of date; "
        f"{totals['missing']} missing, {totals['outdated']} outdated, {totals['up_to_date']} up to date."
    )
