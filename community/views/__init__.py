"""Views, one module per feature (dashboard, people and invitations, forum)."""
