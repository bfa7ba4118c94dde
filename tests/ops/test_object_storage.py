"""Media and private files on S3-compatible object storage, against a real local S3 server."""

import boto3
import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import storages
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from community.ops.backup import storage_checksums
from community.storage_urls import S3_BACKEND, storage_from_url
from tests.factories import MembershipFactory

KEY, SECRET = "test-key", "test-secret"  # noqa: S105 - the local server accepts any


def _client(endpoint):
    return boto3.client(
        "s3", endpoint_url=endpoint, aws_access_key_id=KEY, aws_secret_access_key=SECRET,
        region_name="eu-central-1",
    )


@pytest.fixture
def s3_storages(s3_endpoint, request):
    client = _client(s3_endpoint)
    suffix = request.node.name.replace("_", "-")[-30:].strip("-")
    buckets = {"default": f"media-{suffix}", "private": f"private-{suffix}"}
    for bucket in buckets.values():
        client.create_bucket(
            Bucket=bucket, CreateBucketConfiguration={"LocationConstraint": "eu-central-1"}
        )
    query = f"endpoint_url={s3_endpoint}&region_name=eu-central-1&addressing_style=path"
    setting = {
        "default": storage_from_url(
            f"s3://{KEY}:{SECRET}@{buckets['default']}/media?{query}", location=None, private=False
        ),
        "private": storage_from_url(
            f"s3://{KEY}:{SECRET}@{buckets['private']}?{query}", location=None, private=True
        ),
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
    }
    with override_settings(STORAGES=setting):
        yield client, buckets


def test_storage_urls_are_parsed_into_settings():
    private = storage_from_url(
        "s3://k%2Fey:s3cret@bucket/some/prefix?endpoint_url=https://s3.example.org&region_name=nl",
        location=None, private=True,
    )
    assert private["BACKEND"] == S3_BACKEND
    options = private["OPTIONS"]
    assert options["bucket_name"] == "bucket"
    assert options["location"] == "some/prefix"
    assert options["access_key"] == "k/ey"
    assert options["endpoint_url"] == "https://s3.example.org"
    assert options["default_acl"] == "private"
    assert options["querystring_auth"] is True
    assert storage_from_url("", location="/srv/private", private=True)["OPTIONS"] == {
        "location": "/srv/private", "base_url": None
    }
    with pytest.raises(ImproperlyConfigured):
        storage_from_url("ftp://host/x", location=None, private=False)
    with pytest.raises(ImproperlyConfigured):
        storage_from_url("s3://bucket?colour=blue", location=None, private=False)


@pytest.mark.django_db
def test_private_files_live_in_the_private_bucket_and_reach_people_only_through_the_view(
    s3_storages, client
):
    s3, buckets = s3_storages
    teacher = MembershipFactory().person
    colleague = MembershipFactory(organisation=teacher.memberships.get().organisation).person
    teacher.photo.save("me.jpg", ContentFile(b"\xff\xd8 photo bytes"), save=True)

    key = teacher.photo.name
    stored = s3.get_object(Bucket=buckets["private"], Key=key)["Body"].read()
    assert stored == b"\xff\xd8 photo bytes"
    grants = s3.get_object_acl(Bucket=buckets["private"], Key=key)["Grants"]
    assert all("URI" not in grant["Grantee"] for grant in grants), "no group (AllUsers) may read"

    photo_url = reverse("community:person_photo", kwargs={"pk": teacher.pk})
    assert client.get(photo_url).status_code == 302  # anonymous: to the login page
    client.force_login(colleague)
    response = client.get(photo_url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\xff\xd8 photo bytes"
    assert response["Cache-Control"] == "private, no-store"

    page = client.get(reverse("community:person_detail", kwargs={"pk": teacher.pk}))
    assert page.status_code == 200
    assert buckets["private"] not in page.content.decode(), "no bucket URL for a personal file"


@pytest.mark.django_db
def test_public_media_get_plain_urls_in_the_media_bucket(s3_storages):
    s3, buckets = s3_storages
    name = storages["default"].save("images/poster.png", ContentFile(b"\x89PNG poster"))
    assert s3.get_object(Bucket=buckets["default"], Key=f"media/{name}")["Body"].read() == b"\x89PNG poster"
    url = storages["default"].url(name)
    assert buckets["default"] in url and "Signature" not in url and "X-Amz" not in url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_backup_reads_files_from_object_storage(s3_storages, tmp_path):
    teacher = MembershipFactory().person
    teacher.photo.save("me.jpg", ContentFile(b"\xff\xd8 photo"), save=True)
    storages["default"].save("documents/programma.pdf", ContentFile(b"%PDF-1.4 programme"))
    checksums = {alias: storage_checksums(storages[alias]) for alias in ("default", "private")}
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", str(archive))

    from community.ops.backup import read_manifest

    assert read_manifest(archive)["files"] == checksums
    assert set(checksums["default"]) == {"documents/programma.pdf"}
