"""URLs of the community's own pages, under /community/."""

from django.urls import path  # noqa: F401

from .views import (
    activation,
    forum_moderation,
    forum_people,
    forum_posts,
    forum_search,
    gdpr,
    people,
    security,
)

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
    path("school/activation/", activation.activation_list, name="activation_list"),
    path("school/memberships/<int:pk>/", people.membership_edit, name="membership_edit"),
    path("school/memberships/<int:pk>/end/", people.membership_end, name="membership_end"),
]

# Forum: learning questions and experiences, follows, notifications, directory, search, moderation.
forum_patterns = [
    path("forum/", forum_posts.post_list_view, name="forum_list"),
    path("forum/new/", forum_posts.post_create, name="forum_post_create"),
    path("forum/<int:pk>/", forum_posts.post_detail, name="forum_post"),
    path("forum/<int:pk>/edit/", forum_posts.post_edit, name="forum_post_edit"),
    path("forum/<int:pk>/answer/", forum_posts.answer_create, name="forum_answer_create"),
    path("forum/<int:pk>/helpful/", forum_posts.post_helpful, name="forum_post_helpful"),
    path("forum/<int:pk>/follow/", forum_posts.post_follow, name="forum_post_follow"),
    path("forum/<int:pk>/report/", forum_posts.post_report, name="forum_post_report"),
    path("forum/<int:pk>/review/", forum_posts.post_review, name="forum_post_review"),
    path("forum/<int:pk>/moderate/", forum_moderation.post_moderate, name="forum_post_moderate"),
    path("forum/<int:pk>/merge/", forum_moderation.post_merge, name="forum_post_merge"),
    path("forum/answers/<int:pk>/edit/", forum_posts.answer_edit, name="forum_answer_edit"),
    path("forum/answers/<int:pk>/comment/", forum_posts.comment_create, name="forum_comment_create"),
    path("forum/answers/<int:pk>/solution/", forum_posts.solution_toggle, name="forum_solution"),
    path("forum/answers/<int:pk>/helpful/", forum_posts.answer_helpful, name="forum_answer_helpful"),
    path("forum/answers/<int:pk>/report/", forum_posts.answer_report, name="forum_answer_report"),
    path("forum/answers/<int:pk>/review/", forum_posts.answer_review, name="forum_answer_review"),
    path("forum/answers/<int:pk>/moderate/", forum_moderation.answer_moderate, name="forum_answer_moderate"),
    path("forum/images/<int:pk>/", forum_posts.image_view, name="forum_image"),
    path("forum/tags/<slug:slug>/follow/", forum_posts.tag_follow, name="forum_tag_follow"),
    path("forum/search/", forum_search.search, name="forum_search"),
    path("forum/preview/", forum_posts.preview, name="forum_preview"),
    path("forum/notifications/", forum_people.notification_list, name="forum_notifications"),
    path("forum/notifications/<int:pk>/", forum_people.notification_open, name="forum_notification_open"),
    path("forum/notifications/read/", forum_people.notifications_read_all, name="forum_notifications_read"),
    path("forum/settings/", forum_people.forum_settings, name="forum_settings"),
    path("forum/unsubscribe/<str:token>/", forum_people.unsubscribe, name="forum_unsubscribe"),
    path("forum/members/", forum_people.directory, name="forum_directory"),
    path("forum/members/expertise/", forum_people.expertise_suggestions, name="forum_expertise_suggestions"),
    path("forum/members/<int:pk>/", forum_people.member_detail, name="forum_member"),
    path("forum/members/<int:pk>/follow/", forum_posts.person_follow, name="forum_person_follow"),
    path("forum/moderation/", forum_moderation.queue, name="forum_moderation"),
    path("forum/moderation/log/", forum_moderation.log_view, name="forum_moderation_log"),
    path("forum/moderation/reports/<int:pk>/", forum_moderation.report_resolve, name="forum_report_resolve"),
    path("forum/moderation/moderators/", forum_moderation.moderators, name="forum_moderators"),
]

# AVG/GDPR: my data (export, erasure request) and hub staff's handling of erasure requests.
gdpr_patterns = [
    path("my-data/", gdpr.my_data, name="my_data"),
    path("my-data/download/", gdpr.my_data_download, name="my_data_download"),
    path("my-data/erasure/", gdpr.erasure_request_create, name="erasure_request_create"),
    path("erasure-requests/", gdpr.erasure_requests, name="erasure_requests"),
    path("erasure-requests/<int:pk>/anonymise/", gdpr.erasure_request_anonymise, name="erasure_request_anonymise"),
    path("erasure-requests/<int:pk>/decline/", gdpr.erasure_request_decline, name="erasure_request_decline"),
]

# Security log: one's own, and hub staff's search of everyone's.
security_patterns = [
    path("security/", security.security_log, name="security_log"),
    path("security/search/", security.security_search, name="security_search"),
]

urlpatterns = [*people_patterns, *forum_patterns, *gdpr_patterns, *security_patterns]
