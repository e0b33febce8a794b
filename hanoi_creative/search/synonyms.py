"""Vietnamese names and terms in the other language's words, so each language's search finds
what its own text says.

English text writes "Hanoi" and "Creative City" where a reader may type "Hà Nội", "ha noi" or
"thành phố sáng tạo"; Vietnamese text writes "Hà Nội" where a reader may type "Hanoi". The
pairs come from the project's glossary (the Vietnamese ↔ English renderings that page content
and demo data use), folded like the index (``text.fold``): lower case ASCII, no accents.

PostgreSQL's thesaurus dictionaries would do this inside the text-search configuration, but
they need files in the server's share directory, which a managed database does not allow;
SQLite's FTS5 has no synonyms at all. Rewriting the folded query words works on both.
"""

from .text import fold

# (Vietnamese, English), as written in the glossary; folded below.
GLOSSARY_PAIRS = [
    ("Hà Nội", "Hanoi"),
    ("Mạng lưới các Thành phố sáng tạo của UNESCO", "UNESCO Creative Cities Network"),
    ("Mạng lưới các Thành phố sáng tạo", "Creative Cities Network"),
    ("Thành phố sáng tạo trong lĩnh vực Thiết kế", "Creative City of Design"),
    ("Thành phố sáng tạo", "Creative City"),
    ("Thiết kế", "Design"),
    ("kinh đô sáng tạo", "creative capital"),
    ("trung tâm sáng tạo", "creative hub"),
    ("công nghiệp văn hóa", "cultural industries"),
    ("công nghiệp sáng tạo", "creative industries"),
    ("kinh tế sáng tạo", "creative economy"),
    ("sức mạnh mềm", "soft power"),
    ("chương trình hành động", "action programme"),
    ("phát triển bền vững", "sustainable development"),
    ("Thành phố Vì hòa bình", "City for Peace"),
    ("thành phố đáng sống", "liveable city"),
    ("làng nghề truyền thống", "traditional craft villages"),
    ("di sản văn hóa", "cultural heritage"),
    ("Thủ đô", "Capital"),
    ("Tin tức", "News"),
    ("Đi lại", "Transport"),
    ("Đô thị", "Urban"),
    ("Giải trí", "Entertainment"),
    ("Kinh doanh", "Business"),
    ("Văn hóa", "Culture"),
]

# Query words (folded) → the words the text in that language uses.
SYNONYMS = {
    "en": {tuple(fold(vi).split()): fold(en).split() for vi, en in GLOSSARY_PAIRS},
    # Only names written as one word in English need the way back; "hanoi" → "ha noi".
    "vi": {tuple(fold(en).split()): fold(vi).split() for vi, en in GLOSSARY_PAIRS if " " not in en},
}
_LONGEST = max(len(key) for table in SYNONYMS.values() for key in table)


def with_synonyms(terms, language):
    """``terms`` with each phrase of the other language replaced by this language's words.

    The longest phrase wins ("thanh pho sang tao" before "sang tao"); other words stay.
    """
    table = SYNONYMS.get(language, {})
    result, position = [], 0
    while position < len(terms):
        for size in range(min(_LONGEST, len(terms) - position), 0, -1):
            replacement = table.get(tuple(terms[position : position + size]))
            if replacement is not None:
                result.extend(word for word in replacement if word not in result)
                position += size
                break
        else:
            if terms[position] not in result:
                result.append(terms[position])
            position += 1
    return result
