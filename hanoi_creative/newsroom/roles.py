"""The newsroom's three roles and what each may do.

Group names are stored bilingual ("Phóng viên / Reporters") because Wagtail shows them in many
admin screens we do not render ourselves (group list, user form, workflow task picker), and a
database value cannot go through gettext. Code never looks a group up by its label: it uses the
role key below, which maps to the stored name once.
"""

REPORTERS = "reporters"
EDITORS = "editors"
TRANSLATORS = "translators"

GROUP_NAMES = {
    REPORTERS: "Phóng viên / Reporters",
    EDITORS: "Biên tập viên / Editors",
    TRANSLATORS: "Biên dịch viên / Translators",
}

WORKFLOW_NAME = "Duyệt bài / Editorial review"
TASK_NAME = "Biên tập viên duyệt / Editors' approval"

# Model permissions ("app_label.codename"). Images and documents are granted per collection
# below as well, because Wagtail checks them on the collection.
MODEL_PERMISSIONS = {
    REPORTERS: [
        "wagtailadmin.access_admin",
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
        # Choosers for the article's classification fields need "view".
        "news.view_category",
        "news.view_author",
        "news.view_tag",
        # Comments on the articles they own (see comments/moderation.py).
        "comments.change_comment",
    ],
    EDITORS: [
        "wagtailadmin.access_admin",
        "translations.use_translation_desk",
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "news.add_category",
        "news.change_category",
        "news.delete_category",
        "news.view_category",
        "news.add_author",
        "news.change_author",
        "news.delete_author",
        "news.view_author",
        "news.add_tag",
        "news.change_tag",
        "news.delete_tag",
        "news.view_tag",
        "comments.change_comment",
        "comments.delete_comment",
        "comments.moderate_all_comments",
        "comments.change_commentsettings",
        # The translation desk's glossary (a snippet).
        "translations.add_glossaryterm",
        "translations.change_glossaryterm",
        "translations.delete_glossaryterm",
        "translations.view_glossaryterm",
    ],
    TRANSLATORS: [
        "wagtailadmin.access_admin",
        "translations.use_translation_desk",
        # "change" lets them translate an image's alt text and credit; they upload nothing.
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.choose_document",
        "news.change_category",
        "news.view_category",
        "news.change_author",
        "news.view_author",
        "news.change_tag",
        "news.view_tag",
        # The translation desk's glossary (a snippet).
        "translations.add_glossaryterm",
        "translations.change_glossaryterm",
        "translations.delete_glossaryterm",
        "translations.view_glossaryterm",
    ],
}

COLLECTION_PERMISSIONS = {
    REPORTERS: [
        "wagtailimages.add_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.choose_document",
    ],
    EDITORS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
    ],
    TRANSLATORS: ["wagtailimages.change_image", "wagtailimages.choose_image", "wagtaildocs.choose_document"],
}

# Page permissions on the root of the tree: editors run every section, translators edit any
# page (the English side; see forms.py) but publish nothing.
ROOT_PAGE_PERMISSIONS = {
    EDITORS: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    TRANSLATORS: ["change_page"],
}
# Page permissions on each news section. "add" without "change": a reporter creates articles and
# edits their own; others' work, publishing and deleting anything live stay with editors.
NEWS_SECTION_PAGE_PERMISSIONS = {
    REPORTERS: ["add_page"],
}


def group_name(role):
    return GROUP_NAMES[role]


def user_role_keys(user):
    """The roles a user holds, as keys (cached on the user object for the request)."""
    if not getattr(user, "is_authenticated", False):
        return set()
    cached = getattr(user, "_newsroom_roles", None)
    if cached is None:
        by_name = {name: key for key, name in GROUP_NAMES.items()}
        cached = {by_name[name] for name in user.groups.values_list("name", flat=True) if name in by_name}
        user._newsroom_roles = cached
    return cached


def may_edit_source_language(user):
    """False for a translator who holds no writing role: they may change English text only.

    Superusers, editors and reporters write Vietnamese (the source language); any other user
    is not limited by the newsroom, only by Wagtail's permissions.
    """
    if user is None or getattr(user, "is_superuser", False):
        return True
    roles = user_role_keys(user)
    return not (TRANSLATORS in roles and not roles & {EDITORS, REPORTERS})


def may_delete_content(user):
    """Translators delete nothing: not pages (see guards.py) and not images or documents,
    which Wagtail lets anyone who may change them delete."""
    return may_edit_source_language(user)
