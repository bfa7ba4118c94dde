"""Background work of the forum: notification fan-out and the email digests."""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from django_tasks import task

UNSUBSCRIBE_SALT = "community.forum.digest-unsubscribe"
PERIODS = {"daily": timedelta(days=1), "weekly": timedelta(days=7)}


@task()
def forum_notify(kind, post_id, answer_id=None, actor_id=None):
    from ..services.forum import fan_out

    return fan_out(kind, post_id, answer_id, actor_id)


def unsubscribe_token(person) -> str:
    return signing.dumps({"p": person.pk}, salt=UNSUBSCRIBE_SALT)


def person_for_unsubscribe_token(token):
    from ..models import Person

    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT)
    except signing.BadSignature:
        return None
    return Person.objects.filter(pk=data.get("p")).first()


def digest_notifications(person):
    """Unread, not yet emailed notifications about content that is not hidden."""
    from ..models import Notification

    return (
        Notification.objects.filter(recipient=person, read_at__isnull=True, emailed_at__isnull=True)
        .filter(post__is_hidden=False)
        .filter(Q(answer__isnull=True) | Q(answer__is_hidden=False))
        .select_related("post", "actor", "answer")
        .order_by("-created_at")
    )


def send_digest(person, period) -> bool:
    from django.utils.text import Truncator

    notes = list(digest_notifications(person)[:50])
    if not notes:
        return False
    for note in notes:
        # Plain text in both parts of the email: no Markdown signs, no tags.
        note.excerpt = Truncator((note.answer or note.post).text).words(30)
    unsubscribe_url = settings.SITE_URL + reverse(
        "community:forum_unsubscribe", kwargs={"token": unsubscribe_token(person)}
    )
    context = {
        "person": person,
        "notifications": notes,
        "period": period,
        "site_url": settings.SITE_URL,
        "unsubscribe_url": unsubscribe_url,
        "settings_url": settings.SITE_URL + reverse("community:forum_settings"),
    }
    with translation.override(settings.LANGUAGE_CODE):
        subject = render_to_string("community/forum/email/digest_subject.txt", context).strip()
        text = render_to_string("community/forum/email/digest.txt", context)
        html = render_to_string("community/forum/email/digest.html", context)
    message = EmailMultiAlternatives(
        subject, text, to=[person.email],
        headers={"List-Unsubscribe": f"<{unsubscribe_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
    )
    message.attach_alternative(html, "text/html")
    message.send()
    from ..models import Notification

    Notification.objects.filter(pk__in=[n.pk for n in notes]).update(emailed_at=timezone.now())
    return True


@task()
def send_forum_digests(period):
    """Email every member who chose this period a digest of their unread notifications."""
    from ..models import ForumPreference

    if period not in PERIODS:
        raise ValueError(period)
    now = timezone.now()
    # A run a little early (cron jitter) still counts as due.
    due_before = now - PERIODS[period] + timedelta(hours=1)
    sent = 0
    prefs = (
        ForumPreference.objects.filter(digest=period)
        .filter(Q(last_digest_at__isnull=True) | Q(last_digest_at__lte=due_before))
        .select_related("person")
    )
    for pref in prefs:
        if not pref.person.is_active:
            continue
        if send_digest(pref.person, period):
            sent += 1
        pref.last_digest_at = now
        pref.save(update_fields=["last_digest_at"])
    return sent
