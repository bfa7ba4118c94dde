"""Portfolio entries: saving with attachments, sharing and showcases."""

import io

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.translation import gettext as _
from PIL import Image

from community.uploads import CleanFile

from ..models import COMMUNITY_SHAREABLE_KINDS, Attachment, PortfolioEntry, Showcase

THUMBNAIL_SIZE = (480, 480)


def _thumbnail(content: ContentFile) -> ContentFile:
    content.seek(0)
    with Image.open(content) as image:
        image.thumbnail(THUMBNAIL_SIZE)
        out = io.BytesIO()
        image.convert("RGB").save(out, "JPEG", quality=80)
    content.seek(0)
    stem = content.name.rsplit(".", 1)[0]
    return ContentFile(out.getvalue(), name=f"{stem}-thumb.jpg")


@transaction.atomic
def attachment_add(*, entry: PortfolioEntry, clean: CleanFile) -> Attachment:
    """Store an already validated file (see forms.clean_attachment) privately."""
    attachment = Attachment(
        entry=entry,
        kind=Attachment.Kind.IMAGE if clean.kind == "image" else Attachment.Kind.DOCUMENT,
        name=clean.content.name,
        content_type=clean.content_type,
        size=clean.size,
    )
    attachment.file.save(clean.content.name, clean.content, save=False)
    if attachment.is_image:
        thumb = _thumbnail(clean.content)
        attachment.thumbnail.save(thumb.name, thumb, save=False)
    attachment.save()
    return attachment


def attachment_delete(attachment: Attachment) -> None:
    files = [f for f in (attachment.file, attachment.thumbnail) if f]
    attachment.delete()
    for field_file in files:
        field_file.storage.delete(field_file.name)


def entry_delete(entry: PortfolioEntry) -> None:
    for attachment in list(entry.attachments.all()):
        attachment_delete(attachment)
    entry.delete()


def showcase_revoke(showcase: Showcase) -> None:
    if showcase.revoked_at is None:
        showcase.revoked_at = timezone.now()
        showcase.save(update_fields=["revoked_at"])


def entry_has_text(entry: PortfolioEntry) -> bool:
    return bool(strip_tags(entry.text).strip())


def entry_share_in_community(*, entry: PortfolioEntry):
    """Share the entry's title, text and tags as a community experience, once per entry.

    Files are never shared: they stay private in the portfolio.
    """
    from community.services.forum import experience_share

    if entry.kind not in COMMUNITY_SHAREABLE_KINDS:
        raise ValidationError(_("This kind of entry cannot be shared in the community."))
    if not entry_has_text(entry):
        raise ValidationError(_("Write what you learned in the text first; an empty experience helps nobody."))
    return experience_share(
        author=entry.owner, title=entry.title, body_html=entry.text,  # sanitised when saved
        tags=list(entry.tags.names()), source_key=entry.community_source_key,
    )
