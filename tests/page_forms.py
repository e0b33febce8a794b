"""POST data for the admin's StandardPage editor, with every translated field present."""

from wagtail.test.utils.form_data import nested_form_data, streamfield

EMPTY_STANDARD_PAGE = {
    "title_vi": "",
    "title_en": "",
    "slug_vi": "",
    "slug_en": "",
    "intro_vi": "",
    "intro_en": "",
    "hero_caption_vi": "",
    "hero_caption_en": "",
    "seo_title_vi": "",
    "seo_title_en": "",
    "search_description_vi": "",
    "search_description_en": "",
}


def standard_page_form(**fields):
    return nested_form_data(
        {**EMPTY_STANDARD_PAGE, "body_vi": streamfield([]), "body_en": streamfield([]), **fields}
    )
