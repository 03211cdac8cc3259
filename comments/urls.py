from django.urls import path

from . import views

app_name = "reader_comments"
urlpatterns = [
    path("token/", views.token, name="token"),
    path("post/", views.post, name="post"),
    path("confirm/<str:signed>/", views.confirm, name="confirm"),
    path("delete/<str:signed>/", views.delete, name="delete"),
]
