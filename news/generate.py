"""Fast creation of many realistic bilingual articles, for load tests and query-count tests.

Adding pages one by one through treebeard costs several queries per page (locking, path
lookup, parent update, revision). Articles are all children of one news section, so their
tree paths are simply the next steps after the section's last child: this module computes
them, inserts the page rows and the article rows in multi-row INSERTs, then tags, authors
and the section's child count, all in one transaction. The articles are live and published,
without revisions (the first edit in the admin creates one). ``index_articles`` then adds them
to the site search a batch at a time, and ``analyze`` refreshes PostgreSQL's planner statistics
so listings and search keep good plans after a large load.
"""

import datetime
import itertools
import random

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone, translation
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from hanoi_creative.core.models import record_page_translations
from hanoi_creative.core.slugs import fold_slug

from .models import ArticlePage, Author, Category, NewsIndexPage, Tag, TaggedArticle

BATCH_SIZE = 500

DISTRICTS = [
    ("Ba Đình", "Ba Dinh"),
    ("Hoàn Kiếm", "Hoan Kiem"),
    ("Tây Hồ", "Tay Ho"),
    ("Long Biên", "Long Bien"),
    ("Cầu Giấy", "Cau Giay"),
    ("Đống Đa", "Dong Da"),
    ("Hai Bà Trưng", "Hai Ba Trung"),
    ("Hoàng Mai", "Hoang Mai"),
    ("Thanh Xuân", "Thanh Xuan"),
    ("Hà Đông", "Ha Dong"),
    ("Bắc Từ Liêm", "Bac Tu Liem"),
    ("Nam Từ Liêm", "Nam Tu Liem"),
]

# (title vi, title en, lead vi, lead en); {vi} and {en} are the district's names.
TOPICS = [
    (
        "Quận {vi} mở rộng phố đi bộ cuối tuần",
        "{en} district extends its weekend walking street",
        "Từ tháng tới, phố đi bộ của quận {vi} mở thêm hai tuyến, dành không gian cho người dân và du khách.",
        "From next month, {en} district's walking street adds two routes, making room for residents and visitors.",
    ),
    (
        "{vi}: Tuyến xe buýt điện mới kết nối các khu dân cư",
        "{en}: a new electric bus route links residential areas",
        "Tuyến xe buýt điện mới đi qua các khu dân cư đông đúc của quận {vi}, giảm phụ thuộc vào xe máy.",
        "The new electric bus route runs through {en} district's busiest neighbourhoods, easing reliance on motorbikes.",
    ),
    (
        "Quận {vi} trồng thêm cây xanh trên các tuyến phố",
        "{en} district plants more trees along its streets",
        "Hàng trăm cây xanh được trồng mới trên các tuyến phố của quận {vi}, hướng tới một thành phố đáng sống.",
        "Hundreds of new trees line the streets of {en} district, part of the goal of a liveable city.",
    ),
    (
        "Đêm nhạc ngoài trời tại quận {vi} thu hút đông đảo khán giả",
        "An open-air concert in {en} district draws large crowds",
        "Đêm nhạc ngoài trời tại quận {vi} mang các nghệ sĩ trẻ của Thủ đô đến gần hơn với công chúng.",
        "The open-air concert in {en} district brought the Capital's young artists closer to the public.",
    ),
    (
        "Doanh nghiệp sáng tạo quận {vi} giới thiệu sản phẩm thiết kế mới",
        "Creative businesses in {en} district show new design products",
        "Các doanh nghiệp thiết kế của quận {vi} giới thiệu sản phẩm lấy cảm hứng từ làng nghề truyền thống.",
        "Design businesses in {en} district present products inspired by traditional craft villages.",
    ),
    (
        "Triển lãm thiết kế đương đại khai mạc tại quận {vi}",
        "A contemporary design exhibition opens in {en} district",
        "Triển lãm giới thiệu tác phẩm của các nhà thiết kế trẻ, góp phần xây dựng Hà Nội – Thành phố sáng tạo.",
        "The exhibition shows work by young designers, helping to build Hanoi as a Creative City.",
    ),
    (
        "Không gian sáng tạo mới tại quận {vi} mở cửa đón công chúng",
        "A new creative hub opens its doors in {en} district",
        "Không gian sáng tạo mới của quận {vi} là nơi gặp gỡ của nghệ sĩ, nhà thiết kế và công chúng.",
        "{en} district's new creative hub is a meeting place for artists, designers and the public.",
    ),
    (
        "Chợ phiên hàng thủ công tại quận {vi} hút khách dịp cuối tuần",
        "A crafts fair in {en} district draws weekend visitors",
        "Chợ phiên quy tụ sản phẩm của các làng nghề truyền thống quanh Thủ đô.",
        "The fair brings together products from traditional craft villages around the Capital.",
    ),
]

PARAGRAPHS = [
    (
        "Theo đại diện Ủy ban nhân dân quận, hoạt động nằm trong chương trình hành động của Thành phố sáng tạo "
        "trong lĩnh vực Thiết kế.",
        "According to the district People's Committee, the activity is part of the action programme of the "
        "Creative City of Design.",
    ),
    (
        "Người dân và du khách có thể tham gia miễn phí; thông tin chi tiết được đăng trên trang của quận.",
        "Residents and visitors can take part free of charge; details are on the district's website.",
    ),
    (
        "Hà Nội đặt mục tiêu phát triển công nghiệp văn hóa, công nghiệp sáng tạo trở thành động lực tăng trưởng.",
        "Hanoi aims to make its cultural industries and creative industries a driver of growth.",
    ),
]


def _paragraph(text):
    return {"type": "paragraph", "value": f"<p>{text}</p>"}


def _pools(rng):
    categories = list(Category.objects.all())
    if not categories:
        categories = [Category.objects.create(name_vi="Thành phố sáng tạo", name_en="Creative City")]
    authors = list(Author.objects.all()) or [
        Author.objects.create(name_vi="Ban biên tập", name_en="Editorial desk")
    ]
    tags = list(Tag.objects.all())
    if not tags:
        for name_vi, name_en in (("Thiết kế", "Design"), ("Di sản", "Heritage"), ("Đô thị", "Urban life")):
            tag = Tag(name_vi=name_vi, name_en=name_en)
            tag.save()
            tags.append(tag)
    images = list(get_image_model().objects.order_by("pk").values_list("pk", flat=True)[:50]) or [None]
    return categories, authors, tags, images


def _insert(model, objects):
    """INSERT ``objects`` into ``model``'s own table (not its parents') in multi-row batches.

    Django's ``bulk_create`` refuses multi-table models such as pages; the page rows are
    already in place, so only the article table's columns are written here.
    """
    fields = [field for field in model._meta.local_concrete_fields]
    quote = connection.ops.quote_name
    columns = ", ".join(quote(field.column) for field in fields)
    row = "(" + ", ".join(["%s"] * len(fields)) + ")"
    batch = max(1, connection.ops.bulk_batch_size(fields, objects))
    with connection.cursor() as cursor:
        for start in range(0, len(objects), batch):
            chunk = objects[start : start + batch]
            params = [
                field.get_db_prep_save(field.pre_save(obj, True), connection)
                for obj in chunk
                for field in fields
            ]
            cursor.execute(
                f"INSERT INTO {quote(model._meta.db_table)} ({columns}) VALUES {', '.join([row] * len(chunk))}",
                params,
            )


def _build(index, step, rng, pools, content_type, now):
    categories, authors, tags, images = pools
    district_vi, district_en = rng.choice(DISTRICTS)
    title_vi, title_en, lead_vi, lead_en = (
        part.format(vi=district_vi, en=district_en) for part in rng.choice(TOPICS)
    )
    published = now - datetime.timedelta(minutes=rng.randrange(5 * 365 * 24 * 60))
    path = Page._get_path(index.path, index.depth + 1, step)
    slug_vi = f"{fold_slug(title_vi)}-{step}"
    slug_en = f"{fold_slug(title_en)}-{step}"
    extra = rng.sample(PARAGRAPHS, 2)
    article = ArticlePage(
        content_type=content_type,
        locale_id=index.locale_id,
        path=path,
        depth=index.depth + 1,
        numchild=0,
        title_vi=title_vi,
        title_en=title_en,
        draft_title=title_vi,
        slug_vi=slug_vi,
        slug_en=slug_en,
        url_path_vi=f"{index.url_path_vi}{slug_vi}/",
        url_path_en=f"{index.url_path_en or index.url_path_vi}{slug_en}/",
        live=True,
        has_unpublished_changes=False,
        first_published_at=published,
        last_published_at=published,
        lead_vi=lead_vi,
        lead_en=lead_en,
        body_vi=[_paragraph(lead_vi)] + [_paragraph(vi) for vi, _en in extra],
        body_en=[_paragraph(lead_en)] + [_paragraph(en) for _vi, en in extra],
        hero_image_id=rng.choice(images),
        category=rng.choice(categories),
        must_see=rng.random() < 0.03,
        publication_date=published,
    )
    article.generated_tags = rng.sample(tags, min(len(tags), rng.randint(1, 3)))
    article.generated_authors = [rng.choice(authors)]
    return article


def generate_articles(count, *, seed=None, progress=None):
    """Create ``count`` live, bilingual articles under the news section; return them.

    ``progress`` is called with the number of articles written after each batch.
    """
    rng = random.Random(seed)
    index = NewsIndexPage.objects.first()
    if index is None:
        raise NewsIndexPage.DoesNotExist("There is no news section; run load_demo first.")
    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    created = []
    # Vietnamese is active so that the untranslated base columns (title, slug, url_path, lead,
    # ...) hold the Vietnamese text, as a page saved in the admin would.
    with translation.override("vi"), transaction.atomic():
        pools = _pools(rng)
        # Lock the section row so two generators cannot hand out the same paths.
        index = NewsIndexPage.objects.select_for_update().get(pk=index.pk)
        last = (
            Page.objects.filter(path__startswith=index.path, depth=index.depth + 1).order_by("-path").first()
        )
        next_step = Page._str2int(last.path[-Page.steplen :]) + 1 if last else 1
        steps = itertools.count(next_step)
        remaining = count
        while remaining > 0:
            size = min(BATCH_SIZE, remaining)
            articles = [_build(index, next(steps), rng, pools, content_type, now) for _ in range(size)]
            pages = Page.objects.bulk_create(
                [
                    Page(
                        **{
                            f.attname: getattr(a, f.attname)
                            for f in Page._meta.concrete_fields
                            if f.attname != "id"
                        }
                    )
                    for a in articles
                ]
            )
            for article, page in zip(articles, pages, strict=True):
                article.page_ptr_id = article.id = page.pk
            _insert(ArticlePage, articles)
            record_page_translations(articles)
            TaggedArticle.objects.bulk_create(
                [TaggedArticle(tag=tag, content_object_id=a.pk) for a in articles for tag in a.generated_tags]
            )
            ArticlePage.authors.through.objects.bulk_create(
                [
                    ArticlePage.authors.through(articlepage_id=a.pk, author_id=author.pk)
                    for a in articles
                    for author in a.generated_authors
                ]
            )
            created.extend(articles)
            remaining -= size
            if progress:
                progress(size)
        Page.objects.filter(pk=index.pk).update(numchild=F("numchild") + count)
    return created


def index_articles(articles, *, progress=None):
    """Add ``articles`` (as returned by ``generate_articles``) to the "site" search backend.

    The backend takes a batch at a time (one delete, one multi-row insert, and one query each
    for the batch's categories, tags and authors), not one page at a time.
    """
    backend = get_search_backend("site")
    for start in range(0, len(articles), BATCH_SIZE):
        batch = articles[start : start + BATCH_SIZE]
        backend.add_bulk(ArticlePage, batch)
        if progress:
            progress(len(batch))


def analyze(*, search=True):
    """Refresh PostgreSQL's statistics for the tables a bulk load grew; False on other databases.

    Autovacuum would get there eventually; until it does, the planner still believes the tables
    are small and may choose plans that are slow at the new size.
    """
    if connection.vendor != "postgresql":
        return False
    models = [Page, ArticlePage, TaggedArticle, ArticlePage.authors.through]
    if search:
        models += getattr(get_search_backend("site"), "document_models", ())
    tables = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in models)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {tables}")
    return True
