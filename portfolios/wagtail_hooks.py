from .admin_viewsets import authorisation  # noqa: F401
