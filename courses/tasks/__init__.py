"""Background tasks (django_tasks), one module per feature."""
