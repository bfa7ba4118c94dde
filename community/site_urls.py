"""URLs of the community's own pages (profiles, invitations, people, questions)."""

from django.urls import path

from . import views

urlpatterns = []
