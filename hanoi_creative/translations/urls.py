from django.urls import path

from . import views

app_name = "translations"

urlpatterns = [
    path("", views.report, name="report"),
    path("item/<int:pk>/", views.item_view, name="item"),
    path("export/", views.export_view, name="export"),
    path("import/", views.import_view, name="import"),
    path("import/<uuid:pk>/", views.import_run_view, name="import-run"),
    path("review/<int:pk>/publish/", views.publish_review, name="publish-review"),
]
