-- Copies the articles that generate_articles created (no revision) :copies times, on PostgreSQL,
-- so a 100,000-article database takes minutes rather than an hour of generate_articles on a busy
-- machine. Each copy gets its own tree path, slugs, URL paths, translation key, tags, authors
-- and search documents; publication dates move by a few minutes per copy.
--   psql -v copies=9 -f scripts/multiply_articles.sql DBNAME
\set ON_ERROR_STOP on
BEGIN;
CREATE FUNCTION pg_temp.b36(n int) RETURNS text LANGUAGE sql IMMUTABLE AS $$
  SELECT string_agg(substr('0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ', ((n / (36 ^ (3 - i))::int) % 36) + 1, 1), '' ORDER BY i)
  FROM generate_series(0, 3) AS i $$;

-- Search documents for generated articles indexed with --no-index (title and lead).
INSERT INTO site_search_searchdocument (page_id, language, title, body, title_folded, body_folded, keywords, keywords_folded, date)
SELECT p.id, l.code, CASE l.code WHEN 'vi' THEN p.title_vi ELSE p.title_en END,
       CASE l.code WHEN 'vi' THEN a.lead_vi ELSE a.lead_en END, '', '', '', '', a.publication_date
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
CROSS JOIN (VALUES ('vi'), ('en')) AS l(code)
WHERE (l.code = 'vi' OR coalesce(p.title_en, '') <> '')
  AND NOT EXISTS (SELECT 1 FROM site_search_searchdocument d WHERE d.page_id = p.id AND d.language = l.code);

CREATE TEMP TABLE parent AS
SELECT p.id, p.path, p.numchild FROM wagtailcore_page p
JOIN django_content_type ct ON ct.id = p.content_type_id AND ct.app_label = 'news' AND ct.model = 'newsindexpage';

CREATE TEMP TABLE source AS
SELECT p.id AS old_id, row_number() OVER (ORDER BY p.id) AS rn
FROM wagtailcore_page p JOIN news_articlepage a ON a.page_ptr_id = p.id
WHERE p.latest_revision_id IS NULL;

CREATE TEMP TABLE copy_map AS
SELECT s.old_id, k.copy,
       (SELECT path FROM parent) || pg_temp.b36(((SELECT numchild FROM parent) + (k.copy - 1) * (SELECT count(*) FROM source) + s.rn)::int) AS new_path,
       NULL::int AS new_id
FROM source s CROSS JOIN generate_series(1, :copies) AS k(copy);

INSERT INTO wagtailcore_page (path, depth, numchild, title, slug, live, has_unpublished_changes, url_path, seo_title,
  show_in_menus, search_description, go_live_at, expire_at, expired, content_type_id, owner_id, locked,
  latest_revision_created_at, first_published_at, live_revision_id, last_published_at, draft_title, locked_at,
  locked_by_id, translation_key, locale_id, alias_of_id, latest_revision_id, title_vi, title_en, slug_vi, slug_en,
  url_path_vi, url_path_en, seo_title_vi, seo_title_en, search_description_vi, search_description_en)
SELECT m.new_path, p.depth, 0, p.title, p.slug || '-' || m.copy, p.live, p.has_unpublished_changes,
  regexp_replace(p.url_path, '/$', '-' || m.copy || '/'), p.seo_title, p.show_in_menus, p.search_description,
  p.go_live_at, p.expire_at, p.expired, p.content_type_id, p.owner_id, p.locked, p.latest_revision_created_at,
  p.first_published_at, p.live_revision_id, p.last_published_at, p.draft_title, p.locked_at, p.locked_by_id,
  gen_random_uuid(), p.locale_id, p.alias_of_id, p.latest_revision_id, p.title_vi, p.title_en,
  p.slug_vi || '-' || m.copy, CASE WHEN p.slug_en IS NULL THEN NULL ELSE p.slug_en || '-' || m.copy END,
  regexp_replace(p.url_path_vi, '/$', '-' || m.copy || '/'), regexp_replace(p.url_path_en, '/$', '-' || m.copy || '/'),
  p.seo_title_vi, p.seo_title_en, p.search_description_vi, p.search_description_en
FROM copy_map m JOIN wagtailcore_page p ON p.id = m.old_id;

UPDATE copy_map m SET new_id = p.id FROM wagtailcore_page p WHERE p.path = m.new_path;

INSERT INTO news_articlepage (page_ptr_id, lead, lead_vi, lead_en, hero_caption, hero_caption_vi, hero_caption_en,
  body, body_vi, body_en, must_see, publication_date, hero_image_id, category_id, social_image_id)
SELECT m.new_id, a.lead, a.lead_vi, a.lead_en, a.hero_caption, a.hero_caption_vi, a.hero_caption_en, a.body,
  a.body_vi, a.body_en, a.must_see, a.publication_date - m.copy * interval '7 minutes', a.hero_image_id,
  a.category_id, a.social_image_id
FROM copy_map m JOIN news_articlepage a ON a.page_ptr_id = m.old_id;

INSERT INTO news_taggedarticle (tag_id, content_object_id)
SELECT t.tag_id, m.new_id FROM copy_map m JOIN news_taggedarticle t ON t.content_object_id = m.old_id;

INSERT INTO news_articlepage_authors (articlepage_id, author_id)
SELECT m.new_id, x.author_id FROM copy_map m JOIN news_articlepage_authors x ON x.articlepage_id = m.old_id;

INSERT INTO site_search_searchdocument (page_id, language, title, body, title_folded, body_folded, keywords, keywords_folded, date)
SELECT m.new_id, d.language, d.title, d.body, d.title_folded, d.body_folded, d.keywords, d.keywords_folded,
  d.date - m.copy * interval '7 minutes'
FROM copy_map m JOIN site_search_searchdocument d ON d.page_id = m.old_id;

UPDATE wagtailcore_page SET numchild = numchild + (SELECT count(*) FROM copy_map) WHERE id = (SELECT id FROM parent);
COMMIT;
ANALYZE;
