"""URLs of the community's own pages (profiles, invitations, people, questions)."""



urlpatterns = []
