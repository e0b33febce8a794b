"""What the desk translates, read from modeltranslation's registry.

Every registered model is covered as soon as its ``translation.py`` registers it: pages of any
type (through their specific class) and snippets alike. Slugs and URL paths are excluded: they
follow the title (see ``exchange.fill_slug``), and a translator never types them.
"""

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.db import connection
from django.utils.functional import cached_property
from modeltranslation.translator import NotRegistered, translator
from modeltranslation.utils import build_localized_fieldname
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from hanoi_creative.core import deferred

SOURCE = settings.MODELTRANSLATION_DEFAULT_LANGUAGE
TARGET = next(code for code, _name in settings.LANGUAGES if code != SOURCE)

EXCLUDED_FIELDS = {"slug", "url_path"}
# Fields a translator expects at the top and at the bottom of an item.
LEADING_FIELDS = ("title", "name")
TRAILING_FIELDS = ("seo_title", "search_description")

TEXT, RICH_TEXT, STREAM = "text", "richtext", "stream"


def source_name(field):
    return build_localized_fieldname(field, SOURCE)


def target_name(field):
    return build_localized_fieldname(field, TARGET)


class FieldSpec:
    def __init__(self, model, name):
        self.model = model
        self.name = name
        self.model_field = model._meta.get_field(name)

    @cached_property
    def kind(self):
        if isinstance(self.model_field, StreamField):
            return STREAM
        if isinstance(self.model_field, RichTextField):
            return RICH_TEXT
        return TEXT

    @property
    def label(self):
        return self.model_field.verbose_name

    @property
    def stream_block(self):
        return self.model_field.stream_block

    @property
    def features(self):
        return getattr(self.model_field, "features", None)

    @property
    def column_names(self):
        return {source_name(self.name), target_name(self.name)}


def is_tracked(model):
    """True for registered concrete models, except Wagtail's base Page (only specific types)."""
    if model is Page or model._meta.abstract or model._meta.proxy:
        return False
    try:
        translator.get_options_for_model(model)
    except NotRegistered:
        return False
    return True


def tracked_models():
    return sorted(
        (model for model in translator.get_registered_models() if is_tracked(model)),
        key=lambda model: (not issubclass(model, Page), model._meta.app_label, model._meta.model_name),
    )


_field_cache = {}


def field_specs(model):
    if model not in _field_cache:
        names = [
            name
            for name in translator.get_options_for_model(model).get_field_names()
            if name not in EXCLUDED_FIELDS
        ]
        order = {field.name: index for index, field in enumerate(model._meta.concrete_fields)}

        def sort_key(name):
            if name in LEADING_FIELDS:
                return (0, LEADING_FIELDS.index(name))
            if name in TRAILING_FIELDS:
                return (2, TRAILING_FIELDS.index(name))
            return (1, order.get(name, 0))

        _field_cache[model] = [FieldSpec(model, name) for name in sorted(names, key=sort_key)]
    return _field_cache[model]


def field_spec(model, name):
    for spec in field_specs(model):
        if spec.name == name:
            return spec
    return None


def item_key(obj):
    meta = obj._meta
    return f"{meta.app_label}.{meta.model_name}:{obj.pk}"


def resolve_item_key(key):
    """The object an item key names, or None (unknown model, untracked, or deleted)."""
    return resolve_item_keys([key]).get(key)


def resolve_item_keys(keys):
    """{key: object} for the item keys that name an existing tracked object.

    One query per model named in ``keys`` (plus the content-type lookups), whatever their
    number: a file naming 100,000 items must not cost 100,000 queries.
    """
    by_model = {}
    for key in keys:
        try:
            label, pk = key.split(":", 1)
            app_label, model_name = label.split(".", 1)
        except ValueError:
            continue
        by_model.setdefault((app_label, model_name), {})[key] = pk
    found = {}
    for (app_label, model_name), wanted in by_model.items():
        try:
            model = ContentType.objects.get_by_natural_key(app_label, model_name).model_class()
        except ContentType.DoesNotExist:
            continue
        if model is None or not is_tracked(model):
            continue
        pk_field = model._meta.pk
        # A page type's pk is its link to the page row: convert with the integer field itself.
        to_python = pk_field.target_field.to_python if pk_field.is_relation else pk_field.to_python
        by_pk = {}
        for key, raw in wanted.items():
            try:
                by_pk.setdefault(to_python(raw), []).append(key)
            except (ValueError, TypeError, ValidationError):
                continue  # a malformed pk (text for an integer key) names nothing
        pks = list(by_pk)
        # One query on PostgreSQL; SQLite bounds the parameters of one statement.
        limit = connection.features.max_query_params
        size = max(1, limit - 10) if limit else max(1, len(pks))
        for start in range(0, len(pks), size):
            for obj in model._default_manager.filter(pk__in=pks[start : start + size]):
                for key in by_pk.get(obj.pk, ()):
                    found[key] = obj
    return found


def section_key(obj):
    if isinstance(obj, Page):
        steplen = Page.steplen
        if obj.depth <= 2:
            return f"page:{obj.pk}"
        top_path = obj.path[: 3 * steplen]
        top = deferred.memo(
            ("section", top_path),
            lambda: Page.objects.filter(path=top_path).values_list("pk", flat=True).first(),
        )
        return f"page:{top or obj.pk}"
    return f"model:{obj._meta.app_label}.{obj._meta.model_name}"


def object_title(obj):
    value = getattr(obj, source_name("title"), None) or getattr(obj, source_name("name"), None)
    return (value or str(obj))[:512]


def section_labels(keys):
    """Readable names for section keys, in the active language."""
    labels = {}
    page_ids = [int(key.split(":", 1)[1]) for key in keys if key.startswith("page:")]
    pages = {page.pk: page for page in Page.objects.filter(pk__in=page_ids)}
    for key in keys:
        kind, _sep, rest = key.partition(":")
        if kind == "page":
            page = pages.get(int(rest))
            labels[key] = page.title if page else key
        else:
            try:
                model = ContentType.objects.get_by_natural_key(*rest.split(".", 1)).model_class()
            except ContentType.DoesNotExist:
                model = None
            labels[key] = str(model._meta.verbose_name_plural).capitalize() if model else key
    return labels
