"""Teacher internships: offers, review by the hub, applications, placements, evidence."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone, translation
from django.utils.html import linebreaks
from django.utils.translation import gettext as _

from community.services.forum import experience_share
from portfolios.models import EntryKind
from portfolios.services import record_evidence

from ..models import (
    ApplicationStatus,
    InternshipApplication,
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
    PlacementStatus,
)
from ..permissions import can_apply_for_internships, is_hub_staff


class InternshipError(ValidationError):
    pass


def _notify(kind, **ids):
    from ..tasks.internships import send_internship_email

    transaction.on_commit(lambda: send_internship_email.enqueue(kind=kind, **ids), robust=True)


@transaction.atomic
def offer_save(*, offer, by, form=None) -> InternshipOffer:
    """Save a new or edited offer. Hub offers are listed at once; others wait for the hub."""
    creating = offer.pk is None
    if creating:
        offer.created_by = by
        offer.status = OfferStatus.APPROVED if is_hub_staff(by) else OfferStatus.PENDING
        if offer.status == OfferStatus.APPROVED:
            offer.reviewed_by, offer.reviewed_at = by, timezone.now()
    elif offer.status == OfferStatus.REJECTED and not is_hub_staff(by):
        offer.status = OfferStatus.PENDING  # an improved offer goes back to the hub
    offer.full_clean()
    offer.save()
    if form is not None:
        form.save_m2m()
    if creating and offer.status == OfferStatus.PENDING:
        _notify("offer_submitted", offer_id=offer.pk)
    return offer


@transaction.atomic
def offer_review(*, offer, by, approve: bool, note="") -> InternshipOffer:
    offer = InternshipOffer.objects.select_for_update().get(pk=offer.pk)
    offer.status = OfferStatus.APPROVED if approve else OfferStatus.REJECTED
    offer.reviewed_by, offer.reviewed_at, offer.review_note = by, timezone.now(), note
    offer.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_note", "updated_at"])
    _notify("offer_reviewed", offer_id=offer.pk)
    return offer


@transaction.atomic
def offer_close(*, offer) -> InternshipOffer:
    offer.status = OfferStatus.CLOSED
    offer.save(update_fields=["status", "updated_at"])
    return offer


def accepted_count(offer) -> int:
    return offer.applications.filter(status=ApplicationStatus.ACCEPTED).count()


@transaction.atomic
def application_submit(*, offer, applicant, motivation, goals=(), goal_text="") -> InternshipApplication:
    offer = InternshipOffer.objects.select_for_update().get(pk=offer.pk)
    if not offer.is_listed or offer.period_end < timezone.localdate():
        raise InternshipError(_("This offer is not open for applications."))
    if not can_apply_for_internships(applicant):
        raise InternshipError(_("Only teachers and hybrid teachers can apply."))
    if any(goal.plan.person_id != applicant.pk for goal in goals):
        raise InternshipError(_("Choose goals from your own development plan."))
    application = InternshipApplication.objects.filter(offer=offer, applicant=applicant).first()
    if application and application.status != ApplicationStatus.WITHDRAWN:
        raise InternshipError(_("You have already applied for this internship."))
    application = application or InternshipApplication(offer=offer, applicant=applicant)
    application.motivation = motivation
    application.goal_text = goal_text
    application.status = ApplicationStatus.SUBMITTED
    application.decided_by = application.decided_at = None
    application.save()
    application.goals.set(goals)
    _notify("application_submitted", application_id=application.pk)
    return application


@transaction.atomic
def application_withdraw(*, application) -> InternshipApplication:
    if application.status != ApplicationStatus.SUBMITTED:
        raise InternshipError(_("Only an application that awaits a decision can be withdrawn."))
    application.status = ApplicationStatus.WITHDRAWN
    application.save(update_fields=["status"])
    return application


@transaction.atomic
def application_decide(*, application, by, accept: bool, note="", start_date=None, end_date=None) -> InternshipApplication:
    offer = InternshipOffer.objects.select_for_update().get(pk=application.offer_id)
    application = InternshipApplication.objects.select_for_update().get(pk=application.pk)
    if application.status != ApplicationStatus.SUBMITTED:
        raise InternshipError(_("This application has already been decided."))
    if accept and accepted_count(offer) >= offer.places:
        raise InternshipError(_("All places of this internship are taken."))
    application.status = ApplicationStatus.ACCEPTED if accept else ApplicationStatus.DECLINED
    application.decision_note = note
    application.decided_by, application.decided_at = by, timezone.now()
    application.save(update_fields=["status", "decision_note", "decided_by", "decided_at"])
    if accept:
        InternshipPlacement.objects.create(
            application=application,
            start_date=start_date or offer.period_start,
            end_date=end_date or offer.period_end,
        )
    _notify("application_decided", application_id=application.pk)
    return application


@transaction.atomic
def placement_update(*, placement, fields) -> InternshipPlacement:
    if placement.is_completed and set(fields) - {"summary", "summary_published", "summary_published_at"}:
        raise InternshipError(_("This internship is completed; its record can no longer change."))
    placement.full_clean()
    placement.save()
    return placement


@transaction.atomic
def placement_submit_report(*, placement, report, deliverable=None, deliverable_description="") -> InternshipPlacement:
    if placement.is_completed:
        raise InternshipError(_("This internship is completed; its record can no longer change."))
    if timezone.localdate() < placement.start_date:
        raise InternshipError(_("The final report can be submitted once the internship has started."))
    placement.report = report
    placement.deliverable_description = deliverable_description
    if deliverable is not None:
        placement.deliverable.save(deliverable.name, deliverable, save=False)
    placement.report_submitted_at = timezone.now()
    placement.save()
    _notify("report_submitted", placement_id=placement.pk)
    return placement


@transaction.atomic
def placement_complete(*, placement, by) -> InternshipPlacement:
    placement = InternshipPlacement.objects.select_for_update().select_related(
        "application__offer__host", "application__applicant"
    ).get(pk=placement.pk)
    if placement.is_completed:
        return placement
    if timezone.localdate() < placement.start_date:
        raise InternshipError(_("An internship cannot be completed before it starts."))
    if not placement.report_submitted_at:
        raise InternshipError(_("The teacher's final report is needed before the internship can be completed."))
    placement.status = PlacementStatus.COMPLETED
    placement.completed_at = timezone.now()
    placement.save(update_fields=["status", "completed_at"])
    offer = placement.application.offer
    with translation.override(settings.LANGUAGE_CODE):  # stored text, in the platform's language
        title, text = _completion_text(placement, offer)
    record_evidence(
        person=placement.application.applicant,
        source_key=placement.evidence_key,
        kind=EntryKind.INTERNSHIP_REPORT,
        title=title,
        date=placement.end_date,
        hours=offer.hours,
        text=text,
    )
    return placement


def _completion_text(placement, offer):
    text = placement.report
    if placement.deliverable_description:
        text += "\n\n" + _("Deliverable: %(what)s") % {"what": placement.deliverable_description}
    if placement.host_feedback:
        text += "\n\n" + _("Feedback from the host: %(feedback)s") % {"feedback": placement.host_feedback}
    title = _("Teacher internship: %(title)s at %(host)s") % {"title": offer.title, "host": offer.host.name}
    return title, text


@transaction.atomic
def placement_publish_summary(*, placement, summary, publish: bool, share_deliverable: bool = False) -> InternshipPlacement:
    if publish and not placement.is_completed:
        raise InternshipError(_("You can publish a summary once the internship is completed."))
    if publish and not summary.strip():
        raise InternshipError(_("Write a summary before publishing it."))
    placement.summary = summary
    if publish and not placement.summary_published:
        placement.summary_published_at = timezone.now()
    placement.summary_published = publish
    placement.deliverable_published = bool(publish and share_deliverable and placement.deliverable)
    placement.save(update_fields=["summary", "summary_published", "summary_published_at", "deliverable_published"])
    if publish:
        placement_share_summary(placement=placement)
    return placement


# The tag every internship experience carries in the community, next to the offer's own tags.
COMMUNITY_TAG = "docentstage"


def placement_share_summary(*, placement):
    """The published summary as a community experience by the teacher (issue 5): once per
    placement; publishing again or unpublishing leaves the post to its author."""
    offer = placement.application.offer
    with translation.override(settings.LANGUAGE_CODE):  # stored text, in the platform's language
        title = _("Teacher internship: %(title)s at %(host)s") % {"title": offer.title, "host": offer.host.name}
    tags = {}
    for name in [*offer.tags.names(), COMMUNITY_TAG]:
        tags.setdefault(name.lower(), name)
    return experience_share(
        author=placement.application.applicant, title=title, body_html=linebreaks(placement.summary, autoescape=True),
        tags=list(tags.values()), profiles=list(offer.profiles.all()), source_key=placement.community_source_key,
    )
