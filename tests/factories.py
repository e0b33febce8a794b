"""factory_boy factories for the newsroom (pages through wagtail-factories' PageFactory)."""

import datetime

import factory
import wagtail_factories
from django.utils import timezone
from factory.django import DjangoModelFactory

from hanoi_creative.core.slugs import fold_slug
from news.models import ArticlePage, Author, Category, Tag, TaggedArticle


class CategoryFactory(DjangoModelFactory):
    name_vi = factory.Sequence(lambda n: f"Chuyên mục thử {n}")
    name_en = factory.Sequence(lambda n: f"Test category {n}")

    class Meta:
        model = Category


class TagFactory(DjangoModelFactory):
    name_vi = factory.Sequence(lambda n: f"Thẻ thử {n}")
    name_en = factory.Sequence(lambda n: f"Test tag {n}")

    class Meta:
        model = Tag


class AuthorFactory(DjangoModelFactory):
    name_vi = factory.Sequence(lambda n: f"Phóng viên {n}")
    role_vi = "Phóng viên"
    role_en = "Reporter"

    class Meta:
        model = Author


class ArticlePageFactory(wagtail_factories.PageFactory):
    """A live article, translated into English unless ``title_en=""`` is passed.

    ``tags=[...]`` and ``authors=[...]`` attach those after the page exists.
    """

    title_vi = factory.Sequence(lambda n: f"Bài viết thử số {n}")
    title_en = factory.Sequence(lambda n: f"Test article number {n}")
    title = factory.SelfAttribute("title_vi")
    slug_vi = factory.LazyAttribute(lambda o: fold_slug(o.title_vi))
    slug_en = factory.LazyAttribute(lambda o: fold_slug(o.title_en) if o.title_en else None)
    slug = factory.SelfAttribute("slug_vi")
    lead_vi = factory.LazyAttribute(lambda o: f"Sapo: {o.title_vi}")
    lead_en = factory.LazyAttribute(lambda o: f"Lead: {o.title_en}" if o.title_en else "")
    category = factory.SubFactory(CategoryFactory)
    publication_date = factory.LazyFunction(timezone.now)
    live = True

    class Meta:
        model = ArticlePage
        skip_postgeneration_save = True

    @factory.post_generation
    def tags(self, create, extracted, **kwargs):
        for tag in extracted or []:
            TaggedArticle.objects.create(tag=tag, content_object_id=self.pk)

    @factory.post_generation
    def authors(self, create, extracted, **kwargs):
        for author in extracted or []:
            ArticlePage.authors.through.objects.create(articlepage_id=self.pk, author_id=author.pk)


def days_ago(days, hour=9):
    """A publication date ``days`` before now, at ``hour`` local time."""
    moment = timezone.localtime() - datetime.timedelta(days=days)
    return moment.replace(hour=hour, minute=0, second=0, microsecond=0)
