from django.urls import path

from . import admin_views

app_name = "comments_admin"

urlpatterns = [
    path("", admin_views.queue, name="queue"),
    path("bulk/", admin_views.bulk, name="bulk"),
    path("<int:comment_id>/reply/", admin_views.reply, name="reply"),
    path("article/<int:article_id>/open-close/", admin_views.toggle_article, name="toggle-article"),
    path("erase/", admin_views.erase, name="erase"),
]
