"""Study days: registration, waitlist, attendance, feedback, calendar — and the page reads.

Every write runs in transaction.atomic and locks the study-day row first (then workshop
rows, in pk order), so two people taking the last place at the same moment are served one
after the other. Emails are enqueued with transaction.on_commit(robust=True): a failing
mail task is logged and never undoes or breaks a registration.
"""

import logging
from collections import defaultdict
from datetime import UTC, datetime, timedelta
from email.utils import parseaddr

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Avg, Count, F, prefetch_related_objects
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop
from icalendar import Calendar, Event, vCalAddress

from community.models import VmboProfile
from community.permissions import is_forum_member
from community.selectors.forum import ask_url, posts_about, posts_tagged
from portfolios.models import EntryKind
from portfolios.services import record_evidence, withdraw_evidence

from ..models import (
    CalendarFeed,
    MaterialAudience,
    RegistrationStatus,
    StudyDayCancellation,
    StudyDayFeedback,
    StudyDayPage,
    StudyDayPageTag,
    StudyDayRegistration,
    Workshop,
    WorkshopChoice,
)
from ..models.studydays import workshop_counts
from ..permissions import can_register_for, is_hub_staff

logger = logging.getLogger(__name__)


class RegistrationError(ValidationError):
    pass


def _in_site_language(message, **params):
    """Evidence is stored text: write it in the platform's language, not the actor's."""
    with translation.override(settings.LANGUAGE_CODE):
        return _(message) % params


# Reads -----------------------------------------------------------------------------------


def study_day_listing(*, index, params):
    days = (
        StudyDayPage.objects.live().public().child_of(index)
        .prefetch_related("profiles", "tags")
    )
    profile = (params.get("profile") or "").strip()
    tag = (params.get("tag") or "").strip()
    if profile:
        days = days.filter(profiles__code=profile)
    if tag:
        days = days.filter(tags__name__iexact=tag)
    days = days.distinct()
    today = timezone.localdate()
    upcoming = list(days.filter(date__gte=today).order_by("date", "pk"))
    past = Paginator(days.filter(date__lt=today).order_by("-date", "-pk"), 10).get_page(params.get("page"))
    tags = (
        StudyDayPageTag.objects.filter(content_object__in=StudyDayPage.objects.live().child_of(index))
        .values_list("tag__name", flat=True).distinct().order_by("tag__name")
    )
    return {
        "upcoming": upcoming,
        "page_obj": past,
        "profiles": VmboProfile.objects.all(),
        "all_tags": list(tags),
        "profile": profile,
        "tag": tag,
    }


def places_taken(study_day) -> int:
    return study_day.registrations.confirmed().count()


def workshops_with_places(study_day):
    workshops = list(study_day.workshops.select_related("speaker").order_by("start_time", "sort_order"))
    counts = workshop_counts([w.pk for w in workshops])
    for w in workshops:
        w.taken = counts.get(w.pk, 0)
        w.places_left = max(w.capacity - w.taken, 0)
        w.is_full = w.places_left == 0
    return workshops


def is_participant(user, study_day) -> bool:
    if not user.is_authenticated:
        return False
    return StudyDayRegistration.objects.filter(
        study_day=study_day, person=user, status=RegistrationStatus.CONFIRMED
    ).exists()


def study_day_page_context(*, page, user):
    registration = None
    if user.is_authenticated:
        registration = (
            StudyDayRegistration.objects.filter(study_day=page, person=user)
            .exclude(status=RegistrationStatus.CANCELLED)
            .prefetch_related("workshop_choices__workshop")
            .first()
        )
    participant = bool(registration and registration.is_confirmed) or is_hub_staff(user)
    materials = list(page.materials.select_related("document"))
    taken = places_taken(page)
    return {
        "cancellation": StudyDayCancellation.objects.filter(study_day=page).first(),
        "workshops": workshops_with_places(page),
        "registration": registration,
        "is_participant": participant,
        "materials": [m for m in materials if m.audience == MaterialAudience.PUBLIC or participant],
        "hidden_material_count": sum(1 for m in materials if m.audience != MaterialAudience.PUBLIC and not participant),
        "places_left": max(page.capacity - taken, 0),
        "can_register": can_register_for(user, page),
        "is_manager": is_hub_staff(user),
        **community_posts_context(page=page, user=user),
    }


COMMUNITY_POSTS_LIMIT = 5


def community_posts_context(*, page, user):
    """The community's posts tagged like this day. The page is public, the community is not:
    only members get anything (issue 7, "Links to the rest")."""
    if not is_forum_member(user):
        return {"show_community": False}
    tag_names = sorted(page.tags.names(), key=str.lower)
    posts = posts_tagged(tag_names, user, limit=COMMUNITY_POSTS_LIMIT)
    # The forum link filters on a tag the shown posts carry, else on the day's first tag.
    prefetch_related_objects(posts, "tags")
    shown = {t.name.lower() for post in posts for t in post.tags.all()}
    forum_tag = next((n for n in tag_names if n.lower() in shown), tag_names[0] if tag_names else "")
    url = page.url or ""
    return {
        "show_community": True, "community_posts": posts, "community_tag": forum_tag,
        "community_questions": posts_about(url, user),
        "community_ask_url": ask_url(
            about_url=url, about_title=page.title, tags=tag_names, profile_ids=[p.pk for p in page.profiles.all()]
        ),
    }


# Registration ----------------------------------------------------------------------------


def _lock_day(study_day) -> StudyDayPage:
    # Locks only the study-day table's row; every capacity decision for this day waits on it.
    return StudyDayPage.objects.select_for_update(of=("self",)).get(pk=study_day.pk)


def _lock_workshops(day, workshop_ids):
    return list(
        Workshop.objects.select_for_update().filter(page=day, pk__in=workshop_ids).order_by("pk")
    )


def _check_workshops(day, workshops, requested_ids):
    if len(workshops) != len(set(requested_ids)):
        raise RegistrationError(_("Choose workshops of this study day."))
    ordered = sorted(workshops, key=lambda w: w.start_time)
    for a, b in zip(ordered, ordered[1:], strict=False):
        if a.overlaps(b):
            raise RegistrationError(
                _("The workshops “%(a)s” and “%(b)s” take place at the same time.") % {"a": a.title, "b": b.title}
            )


def _notify(kind, registration_id, **extra):
    from ..tasks.studydays import send_study_day_email

    def enqueue():
        send_study_day_email.enqueue(registration_id=registration_id, kind=kind, **extra)

    transaction.on_commit(enqueue, robust=True)


@transaction.atomic
def registration_create(*, study_day, person, workshop_ids=()) -> StudyDayRegistration:
    day = _lock_day(study_day)
    if not day.registration_is_open or StudyDayCancellation.objects.filter(study_day=day).exists():
        raise RegistrationError(_("Registration for this study day is closed."))
    if not can_register_for(person, day):
        raise RegistrationError(_("This study day is not open to your role."))
    registration = (
        StudyDayRegistration.objects.select_for_update().filter(study_day=day, person=person).first()
    )
    if registration and registration.status != RegistrationStatus.CANCELLED:
        raise RegistrationError(_("You are already registered for this study day."))
    full = places_taken(day) >= day.capacity
    now = timezone.now()
    if registration is None:
        registration = StudyDayRegistration(study_day=day, person=person)
    registration.status = RegistrationStatus.WAITLISTED if full else RegistrationStatus.CONFIRMED
    registration.requested_at = now
    registration.confirmed_at = None if full else now
    registration.cancelled_at = None
    registration.attended = None
    if registration.pk:
        registration.ics_sequence += 1  # a re-registration replaces the earlier cancellation
    registration.save()
    _set_workshops(day, registration, list(workshop_ids))
    _notify("waitlisted" if full else "confirmed", registration.pk)
    return registration


def _set_workshops(day, registration, workshop_ids):
    """Replace the registration's workshop choices; returns ids of workshops that freed a place."""
    workshops = _lock_workshops(day, workshop_ids)
    _check_workshops(day, workshops, workshop_ids)
    current = {c.workshop_id: c for c in registration.workshop_choices.all()}
    freed = [wid for wid, c in current.items() if wid not in workshop_ids and c.status == RegistrationStatus.CONFIRMED]
    # Locking the workshops we leave too, so their waitlist is promoted consistently.
    _lock_workshops(day, freed)
    registration.workshop_choices.exclude(workshop_id__in=workshop_ids).delete()
    counts = workshop_counts([w.pk for w in workshops])
    now = timezone.now()
    for w in workshops:
        if w.pk in current:
            continue
        has_place = registration.is_confirmed and counts.get(w.pk, 0) < w.capacity
        WorkshopChoice.objects.create(
            registration=registration, workshop=w, requested_at=now,
            status=RegistrationStatus.CONFIRMED if has_place else RegistrationStatus.WAITLISTED,
        )
    if freed:
        _promote_workshops(day, freed)
    return freed


@transaction.atomic
def registration_change_workshops(*, registration, workshop_ids) -> StudyDayRegistration:
    day = _lock_day(registration.study_day)
    registration = StudyDayRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        raise RegistrationError(_("This registration was cancelled."))
    if not day.can_cancel:
        raise RegistrationError(_("Registration has closed; workshops can no longer be changed."))
    _set_workshops(day, registration, list(workshop_ids))
    _bump_sequence(registration)
    return registration


def _bump_sequence(registration):
    registration.ics_sequence += 1
    registration.save(update_fields=["ics_sequence"])


@transaction.atomic
def registration_cancel(*, registration, by) -> StudyDayRegistration:
    day = _lock_day(registration.study_day)
    registration = StudyDayRegistration.objects.select_for_update().get(pk=registration.pk)
    if registration.status == RegistrationStatus.CANCELLED:
        return registration
    if not day.can_cancel and not is_hub_staff(by):
        raise RegistrationError(_("Registration has closed; you can no longer cancel online. Please contact the hub."))
    was_confirmed = registration.is_confirmed
    freed = list(
        registration.workshop_choices.filter(status=RegistrationStatus.CONFIRMED).values_list("workshop_id", flat=True)
    )
    _lock_workshops(day, freed)
    registration.workshop_choices.all().delete()
    registration.status = RegistrationStatus.CANCELLED
    registration.cancelled_at = timezone.now()
    registration.ics_sequence += 1
    registration.save(update_fields=["status", "cancelled_at", "ics_sequence"])
    if was_confirmed:
        _promote_day(day)
        _promote_workshops(day, freed)
    _notify("cancelled", registration.pk)
    return registration


@transaction.atomic
def study_day_cancel(*, study_day, by, reason="") -> StudyDayCancellation:
    """Call the day off: every registration is cancelled and gets a calendar cancellation."""
    day = _lock_day(study_day)
    cancellation, created = StudyDayCancellation.objects.get_or_create(
        study_day=day, defaults={"cancelled_by": by, "reason": reason}
    )
    if not created:
        return cancellation
    now = timezone.now()
    for registration in StudyDayRegistration.objects.select_for_update().filter(study_day=day).exclude(
        status=RegistrationStatus.CANCELLED
    ):
        registration.workshop_choices.all().delete()
        registration.status = RegistrationStatus.CANCELLED
        registration.cancelled_at = now
        registration.ics_sequence += 1
        registration.save(update_fields=["status", "cancelled_at", "ics_sequence"])
        _notify("day_cancelled", registration.pk)
    return cancellation


def _promote_day(day):
    free = day.capacity - places_taken(day)
    if free <= 0:
        return []
    promoted = list(
        StudyDayRegistration.objects.select_for_update()
        .filter(study_day=day, status=RegistrationStatus.WAITLISTED)
        .order_by("requested_at", "pk")[:free]
    )
    now = timezone.now()
    for registration in promoted:
        registration.status = RegistrationStatus.CONFIRMED
        registration.confirmed_at = now
        registration.ics_sequence += 1
        registration.save(update_fields=["status", "confirmed_at", "ics_sequence"])
        _notify("promoted", registration.pk)
    if promoted:
        # Their workshop wishes now compete for places, in the order they were made.
        ids = WorkshopChoice.objects.filter(registration__in=promoted).values_list("workshop_id", flat=True)
        _promote_workshops(day, list(set(ids)), announce=False)
    return promoted


def _promote_workshops(day, workshop_ids, announce=True):
    if not workshop_ids:
        return
    workshops = _lock_workshops(day, workshop_ids)
    counts = workshop_counts(workshop_ids)
    for w in workshops:
        free = w.capacity - counts.get(w.pk, 0)
        if free <= 0:
            continue
        choices = list(
            WorkshopChoice.objects.select_for_update()
            .filter(workshop=w, status=RegistrationStatus.WAITLISTED, registration__status=RegistrationStatus.CONFIRMED)
            .order_by("requested_at", "pk")[:free]
        )
        for choice in choices:
            choice.status = RegistrationStatus.CONFIRMED
            choice.save(update_fields=["status"])
            StudyDayRegistration.objects.filter(pk=choice.registration_id).update(ics_sequence=F("ics_sequence") + 1)
            if announce:
                _notify("workshop_promoted", choice.registration_id, workshop_id=w.pk)


# On the day ------------------------------------------------------------------------------


@transaction.atomic
def attendance_set(*, study_day, registration_ids, attended, by) -> int:
    """Mark attendance (True/False) or clear it (None); attendance becomes portfolio evidence."""
    if study_day.date > timezone.localdate():
        raise RegistrationError(_("Attendance can be marked from the day itself."))
    registrations = list(
        StudyDayRegistration.objects.select_for_update()
        .filter(study_day=study_day, pk__in=registration_ids, status=RegistrationStatus.CONFIRMED)
        .select_related("person")
    )
    now = timezone.now()
    for registration in registrations:
        registration.attended = attended
        registration.attendance_marked_at = now
        registration.attendance_marked_by = by
        if attended:
            record_evidence(
                person=registration.person,
                source_key=registration.evidence_key,
                kind=EntryKind.STUDY_DAY_ATTENDANCE,
                title=_in_site_language(gettext_noop("Study day: %(title)s"), title=study_day.title),
                date=study_day.date,
                hours=study_day.credited_hours,
                source_url=study_day.url or "",
            )
        else:
            withdraw_evidence(person=registration.person, source_key=registration.evidence_key)
    StudyDayRegistration.objects.bulk_update(
        registrations, ["attended", "attendance_marked_at", "attendance_marked_by"]
    )
    return len(registrations)


def can_give_feedback(registration) -> bool:
    return registration.is_confirmed and registration.study_day.date <= timezone.localdate() and registration.attended is not False


@transaction.atomic
def feedback_submit(*, registration, rating, comments="") -> StudyDayFeedback:
    if not can_give_feedback(registration):
        raise RegistrationError(_("Feedback opens after the day, for participants."))
    feedback, _created = StudyDayFeedback.objects.update_or_create(
        registration=registration, defaults={"rating": rating, "comments": comments}
    )
    return feedback


def feedback_summary(study_day):
    rows = StudyDayFeedback.objects.filter(registration__study_day=study_day)
    aggregate = rows.aggregate(average=Avg("rating"), count=Count("pk"))
    distribution = dict(rows.values_list("rating").annotate(n=Count("pk")).order_by())
    return {
        "average": aggregate["average"],
        "count": aggregate["count"],
        "distribution": [(r, distribution.get(r, 0)) for r in range(5, 0, -1)],
        "comments": list(rows.exclude(comments="").order_by("-created_at").values_list("comments", flat=True)),
    }


# Lists for hub staff ---------------------------------------------------------------------


def participant_rows(study_day, *, workshop=None, status=RegistrationStatus.CONFIRMED):
    """Registrations with person, schools and workshops, in a fixed number of queries."""
    qs = (
        StudyDayRegistration.objects.filter(study_day=study_day)
        .select_related("person")
        .prefetch_related("workshop_choices__workshop")
        .order_by("person__sort_name", "pk")
    )
    if status:
        qs = qs.filter(status=status)
    if workshop is not None:
        qs = qs.filter(workshop_choices__workshop=workshop, workshop_choices__status=RegistrationStatus.CONFIRMED)
    registrations = list(qs)
    _attach_organisations(registrations)
    return registrations


def _attach_organisations(registrations):
    from community.models import Membership

    names = defaultdict(list)
    for m in (
        Membership.objects.active()
        .filter(person_id__in={r.person_id for r in registrations})
        .select_related("organisation")
        .order_by("organisation__name")
    ):
        if m.organisation.name not in names[m.person_id]:
            names[m.person_id].append(m.organisation.name)
    for r in registrations:
        r.organisation_names = ", ".join(names.get(r.person_id, []))


# Calendar --------------------------------------------------------------------------------


SEQUENCE_EPOCH = datetime(2020, 1, 1, tzinfo=UTC)


def event_uid(day) -> str:
    return f"studyday-{day.pk}@techniekhub"


def event_sequence(day, registration=None) -> int:
    """Raised by every change a calendar must pick up: the registration's own revisions plus the
    minutes since 2020 at the day's last publication (an edit of the page by the hub)."""
    published = day.last_published_at or day.latest_revision_created_at
    day_part = int((published - SEQUENCE_EPOCH).total_seconds() // 60) if published else 0
    return max(day_part, 0) + (registration.ics_sequence if registration is not None else 0)


def _event_for(day, registration=None, *, cancelled=False):
    tz = timezone.get_current_timezone()
    event = Event()
    event.add("uid", event_uid(day))
    event.add("sequence", event_sequence(day, registration))
    event.add("summary", day.title)
    event.add("dtstart", datetime.combine(day.date, day.start_time, tzinfo=tz))
    event.add("dtend", datetime.combine(day.date, day.end_time, tzinfo=tz))
    event.add("dtstamp", timezone.now())
    event.add("location", ", ".join(filter(None, [day.location, day.address])))
    url = f"{settings.SITE_URL}{day.url or ''}"
    event.add("url", url)
    lines = [url]
    if cancelled:
        event.add("status", "CANCELLED")
    elif registration is not None:
        for choice in registration.workshop_choices.all():
            if choice.status == RegistrationStatus.CONFIRMED:
                lines.append(f"{choice.workshop.start_time:%H:%M} {choice.workshop.title} ({choice.workshop.room})")
        event.add("status", "TENTATIVE" if registration.is_waitlisted else "CONFIRMED")
    if registration is not None:
        organizer = vCalAddress(f"mailto:{parseaddr(settings.DEFAULT_FROM_EMAIL)[1]}")
        organizer.params["cn"] = "TechniekHub"
        event.add("organizer", organizer)
        attendee = vCalAddress(f"mailto:{registration.person.email}")
        attendee.params["partstat"] = "DECLINED" if cancelled else "ACCEPTED"
        event.add("attendee", attendee)
    event.add("description", "\n".join(lines))
    return event


def _calendar(name, method):
    calendar = Calendar()
    calendar.add("prodid", "-//TechniekHub//Studiedagen//NL")
    calendar.add("version", "2.0")
    calendar.add("method", method)
    calendar.add("x-wr-calname", name)
    return calendar


def _to_ical(calendar) -> bytes:
    # Every TZID used gets its VTIMEZONE (RFC 5545 3.6.5); calendar apps guess without it.
    calendar.add_missing_timezones()
    return calendar.to_ical()


def ics_for_registrations(registrations, name, *, method="PUBLISH") -> bytes:
    calendar = _calendar(name, method)
    for registration in registrations:
        calendar.add_component(_event_for(registration.study_day, registration))
    return _to_ical(calendar)


def ics_cancel(registration) -> bytes:
    """METHOD:CANCEL with the event's UID and a higher SEQUENCE: calendar apps remove the event."""
    calendar = _calendar(registration.study_day.title, "CANCEL")
    calendar.add_component(_event_for(registration.study_day, registration, cancelled=True))
    return _to_ical(calendar)


def calendar_feed_for(person) -> CalendarFeed | None:
    return CalendarFeed.objects.filter(person=person).first()


@transaction.atomic
def calendar_feed_regenerate(*, person) -> CalendarFeed:
    CalendarFeed.objects.filter(person=person).delete()
    return CalendarFeed.objects.create(person=person)


@transaction.atomic
def calendar_feed_revoke(*, person) -> None:
    CalendarFeed.objects.filter(person=person).delete()


def feed_registrations(person):
    since = timezone.localdate() - timedelta(days=365)
    return (
        StudyDayRegistration.objects.filter(person=person, study_day__date__gte=since, study_day__live=True)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("study_day")
        .prefetch_related("workshop_choices__workshop")
        .order_by("study_day__date")
    )


def my_registrations(person):
    return (
        StudyDayRegistration.objects.filter(person=person)
        .exclude(status=RegistrationStatus.CANCELLED)
        .select_related("study_day", "feedback")
        .prefetch_related("workshop_choices__workshop")
        .order_by("-study_day__date")
    )


def open_study_days(limit=5):
    today = timezone.localdate()
    return list(
        StudyDayPage.objects.live().public()
        .filter(registration_opens__lte=today, registration_closes__gte=today)
        .order_by("date")[:limit]
    )
