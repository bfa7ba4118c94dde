"""Storage settings from one URL each (MEDIA_STORAGE_URL, PRIVATE_STORAGE_URL).

    ""                      files on disk under MEDIA_ROOT / PRIVATE_ROOT (the default)
    file:///srv/media       files on disk under that folder
    s3://bucket/prefix?endpoint_url=https://s3.example.org&region_name=eu-central-1
    s3://KEY:SECRET@bucket  credentials in the URL (else the AWS_* environment / instance role)

Private storage on S3 never hands out public URLs: objects are written with a private ACL and
read back by the permission-checked views, which stream them (community/files.py).
"""

from urllib.parse import parse_qs, unquote, urlsplit

from django.core.exceptions import ImproperlyConfigured

S3_BACKEND = "storages.backends.s3.S3Storage"
_S3_OPTIONS = {"endpoint_url", "region_name", "addressing_style", "custom_domain", "signature_version"}


def storage_from_url(url: str, *, location, private: bool, base_url: str | None = None) -> dict:
    if not url:
        if not private:
            # No fixed location: FileSystemStorage then follows MEDIA_ROOT/MEDIA_URL (tests move it).
            return {"BACKEND": "django.core.files.storage.FileSystemStorage"}
        return _filesystem(str(location), private=private, base_url=base_url)
    parts = urlsplit(url)
    if parts.scheme == "file":
        return _filesystem(unquote(parts.path), private=private, base_url=base_url)
    if parts.scheme == "s3":
        return _s3(parts, private=private)
    raise ImproperlyConfigured(f"Unsupported storage URL scheme {parts.scheme!r} in {url!r}")


def _filesystem(location: str, *, private: bool, base_url: str | None) -> dict:
    options = {"location": location}
    if private:
        options["base_url"] = None
    elif base_url:
        options["base_url"] = base_url
    return {"BACKEND": "django.core.files.storage.FileSystemStorage", "OPTIONS": options}


def _s3(parts, *, private: bool) -> dict:
    bucket = parts.hostname
    if not bucket:
        raise ImproperlyConfigured("An s3:// storage URL needs a bucket: s3://bucket/prefix")
    query = {key: values[-1] for key, values in parse_qs(parts.query).items()}
    unknown = set(query) - _S3_OPTIONS - {"acl"}
    if unknown:
        raise ImproperlyConfigured(f"Unknown s3:// storage options: {sorted(unknown)}")
    options = {
        "bucket_name": bucket,
        "location": parts.path.strip("/"),
        "file_overwrite": False,
        **{key: query[key] for key in _S3_OPTIONS & set(query)},
    }
    if parts.username:
        options["access_key"] = unquote(parts.username)
        options["secret_key"] = unquote(parts.password or "")
    if private:
        # Private ACL, and only short-lived signed URLs should anything ever ask for one.
        options.update(default_acl="private", querystring_auth=True, querystring_expire=60)
    else:
        options.update(default_acl=query.get("acl") or None, querystring_auth=False)
    return {"BACKEND": S3_BACKEND, "OPTIONS": options}
