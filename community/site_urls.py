"""URLs of the community's own pages, under /community/."""

from django.urls import path  # noqa: F401

from .views import people

app_name = "community"

# People: profiles, invitations, HR's people management.
people_patterns = [
    path("profile/", people.profile_edit, name="profile_edit"),
    path("people/<int:pk>/", people.person_detail, name="person_detail"),
    path("people/<int:pk>/photo/", people.person_photo, name="person_photo"),
    path("invitations/", people.invitation_list, name="invitation_list"),
    path("invitations/new/", people.invitation_create, name="invitation_create"),
    path("invitations/<int:pk>/resend/", people.invitation_resend, name="invitation_resend"),
    path("invitations/<int:pk>/revoke/", people.invitation_revoke, name="invitation_revoke"),
    path("invitation/<str:token>/", people.invitation_accept, name="invitation_accept"),
    path("school/people/", people.school_people, name="school_people"),
    path("school/memberships/<int:pk>/", people.membership_edit, name="membership_edit"),
    path("school/memberships/<int:pk>/end/", people.membership_end, name="membership_end"),
]

# Forum: learning questions and experiences, follows, notifications, directory, search, moderation.
forum_patterns = []

urlpatterns = [*people_patterns, *forum_patterns]
