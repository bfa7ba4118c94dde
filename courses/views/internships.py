"""Teacher internships: browse and apply, host offers and applicants, placements, review."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from community.files import serve_private_file
from community.models import VmboProfile
from community.permissions import is_forum_member
from community.selectors.forum import ask_url, post_for_source, posts_about

from ..forms.internships import (
    ApplicationForm,
    CheckinForm,
    DecisionForm,
    HostFeedbackForm,
    OfferForm,
    ReportForm,
    ReviewForm,
    SummaryForm,
)
from ..models import (
    ApplicationStatus,
    InternshipApplication,
    InternshipKind,
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
)
from ..permissions import (
    can_apply_for_internships,
    can_manage_offer,
    can_offer_internships,
    is_applicant,
    is_hub_staff,
)
from ..services import internships as services


def _err(error):
    return " ".join(error.messages)


@login_required
def offer_list(request):
    offers = (
        InternshipOffer.objects.listed().filter(period_end__gte=timezone.localdate())
        .select_related("host").prefetch_related("profiles", "tags")
        .annotate(taken=Count("applications", filter=Q(applications__status=ApplicationStatus.ACCEPTED)))
    )
    kind = request.GET.get("kind", "")
    profile = request.GET.get("profile", "")
    tag = request.GET.get("tag", "").strip()
    host_kind = request.GET.get("host_kind", "")
    query = request.GET.get("q", "").strip()
    if kind in InternshipKind.values:
        offers = offers.filter(kind=kind)
    if profile:
        offers = offers.filter(profiles__code=profile)
    if tag:
        offers = offers.filter(tags__name__iexact=tag)
    if host_kind in ("company", "school"):
        offers = offers.filter(host__kind=host_kind)
    if query:
        offers = offers.filter(Q(title__icontains=query) | Q(description__icontains=query) | Q(host__name__icontains=query))
    page_obj = Paginator(offers.distinct().order_by("period_start", "pk"), 12).get_page(request.GET.get("page"))
    applied = set()
    if can_apply_for_internships(request.user):
        applied = set(
            InternshipApplication.objects.filter(applicant=request.user).exclude(status=ApplicationStatus.WITHDRAWN)
            .values_list("offer_id", flat=True)
        )
    return render(request, "courses/internships/offer_list.html", {
        "page_obj": page_obj, "kinds": InternshipKind.choices, "profiles": VmboProfile.objects.all(),
        "kind": kind, "profile": profile, "tag": tag, "host_kind": host_kind, "q": query, "applied": applied,
        "can_offer": can_offer_internships(request.user),
    })


def _offer(request, pk):
    return get_object_or_404(InternshipOffer.objects.visible_to(request.user).select_related("host"), pk=pk)


@login_required
def offer_detail(request, pk):
    offer = _offer(request, pk)
    manager = can_manage_offer(request.user, offer)
    my_application = None
    if request.user.is_authenticated:
        my_application = InternshipApplication.objects.filter(offer=offer, applicant=request.user).first()
    applications = []
    if manager:
        applications = list(
            offer.applications.select_related("applicant", "placement").prefetch_related("goals").order_by("created_at")
        )
    return render(request, "courses/internships/offer_detail.html", {
        "offer": offer, "manager": manager, "my_application": my_application, "applications": applications,
        "taken": services.accepted_count(offer),
        "can_apply": can_apply_for_internships(request.user) and offer.is_listed
        and (my_application is None or my_application.status == ApplicationStatus.WITHDRAWN),
        "review_form": ReviewForm() if is_hub_staff(request.user) and offer.status == OfferStatus.PENDING else None,
        **_community_questions(request, offer),
    })


def _community_questions(request, offer):
    """Members ask the community about an internship; the questions link back here."""
    if not is_forum_member(request.user):
        return {}
    url = request.path
    return {
        "community_questions": posts_about(url, request.user),
        "community_ask_url": ask_url(
            about_url=url, about_title=offer.title, tags=[t.name for t in offer.tags.all()],
            profile_ids=[p.pk for p in offer.profiles.all()],
        ),
    }


@login_required
def offer_create(request):
    if not can_offer_internships(request.user):
        raise PermissionDenied
    form = OfferForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        offer = services.offer_save(offer=form.save(commit=False), by=request.user, form=form)
        if offer.is_listed:
            messages.success(request, _("The offer is listed."))
        else:
            messages.success(request, _("Thank you. The hub reviews the offer before it is listed."))
        return redirect("courses:internship_offer_detail", pk=offer.pk)
    return render(request, "courses/internships/offer_form.html", {"form": form, "offer": None})


@login_required
def offer_edit(request, pk):
    offer = _offer(request, pk)
    if not can_manage_offer(request.user, offer):
        raise PermissionDenied
    form = OfferForm(request.POST if request.method == "POST" else None, instance=offer, user=request.user)
    if request.method == "POST" and form.is_valid():
        services.offer_save(offer=form.save(commit=False), by=request.user, form=form)
        messages.success(request, _("The offer is saved."))
        return redirect("courses:internship_offer_detail", pk=offer.pk)
    return render(request, "courses/internships/offer_form.html", {"form": form, "offer": offer})


@login_required
@require_POST
def offer_review(request, pk):
    if not is_hub_staff(request.user):
        raise PermissionDenied
    offer = _offer(request, pk)
    form = ReviewForm(request.POST)
    form.is_valid()
    approve = request.POST.get("decision") == "approve"
    services.offer_review(offer=offer, by=request.user, approve=approve, note=form.cleaned_data.get("note", ""))
    messages.success(request, _("The offer is listed.") if approve else _("The offer is sent back to the host."))
    return redirect("courses:internship_review")


@login_required
def review_queue(request):
    if not is_hub_staff(request.user):
        raise PermissionDenied
    pending = InternshipOffer.objects.filter(status=OfferStatus.PENDING).select_related("host", "created_by").prefetch_related("profiles")
    recent = InternshipOffer.objects.exclude(status=OfferStatus.PENDING).select_related("host").order_by("-reviewed_at", "-pk")[:10]
    return render(request, "courses/internships/review.html", {"pending": pending, "recent": recent, "form": ReviewForm()})


@login_required
def hosting(request):
    """A host's offers with their applicants (company mentors, school HR/team leaders, hub)."""
    if not can_offer_internships(request.user):
        raise PermissionDenied
    offers = InternshipOffer.objects.all() if is_hub_staff(request.user) else InternshipOffer.objects.hosted_by(request.user)
    offers = list(
        offers.select_related("host").order_by("-period_start", "pk")
        .prefetch_related("applications__applicant", "applications__placement")
    )
    return render(request, "courses/internships/hosting.html", {"offers": offers})


@login_required
def apply(request, pk):
    offer = _offer(request, pk)
    if not can_apply_for_internships(request.user):
        raise PermissionDenied
    form = ApplicationForm(request.POST if request.method == "POST" else None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            application = services.application_submit(
                offer=offer, applicant=request.user, motivation=form.cleaned_data["motivation"],
                goals=list(form.cleaned_data["goals"]), goal_text=form.cleaned_data["goal_text"],
            )
        except services.InternshipError as error:
            messages.error(request, _err(error))
        else:
            messages.success(request, _("Your application is sent to the host."))
            return redirect("courses:internship_application_detail", pk=application.pk)
    return render(request, "courses/internships/apply.html", {"offer": offer, "form": form})


def _application(request, pk):
    return get_object_or_404(
        InternshipApplication.objects.visible_to(request.user).select_related("offer__host", "applicant"), pk=pk
    )


@login_required
def application_detail(request, pk):
    application = _application(request, pk)
    manager = can_manage_offer(request.user, application.offer)
    placement = InternshipPlacement.objects.filter(application=application).first()
    return render(request, "courses/internships/application_detail.html", {
        "application": application, "manager": manager, "placement": placement,
        "goals": list(application.goals.select_related("plan")),
        "decision_form": DecisionForm(initial={"start_date": application.offer.period_start, "end_date": application.offer.period_end})
        if manager and application.status == ApplicationStatus.SUBMITTED else None,
        "is_applicant": is_applicant(request.user, application),
    })


@login_required
@require_POST
def application_decide(request, pk):
    application = _application(request, pk)
    if not can_manage_offer(request.user, application.offer):
        raise PermissionDenied
    form = DecisionForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose accept or decline, with valid dates."))
        return redirect("courses:internship_application_detail", pk=application.pk)
    try:
        services.application_decide(
            application=application, by=request.user, accept=form.cleaned_data["decision"] == "accept",
            note=form.cleaned_data["note"], start_date=form.cleaned_data["start_date"], end_date=form.cleaned_data["end_date"],
        )
    except services.InternshipError as error:
        messages.error(request, _err(error))
    else:
        messages.success(request, _("The applicant is informed."))
    return redirect("courses:internship_application_detail", pk=application.pk)


@login_required
@require_POST
def application_withdraw(request, pk):
    application = _application(request, pk)
    if not is_applicant(request.user, application):
        raise PermissionDenied
    try:
        services.application_withdraw(application=application)
    except services.InternshipError as error:
        messages.error(request, _err(error))
    else:
        messages.success(request, _("Your application is withdrawn."))
    return redirect("courses:internship_mine")


@login_required
def mine(request):
    applications = (
        InternshipApplication.objects.filter(applicant=request.user)
        .select_related("offer__host", "placement").order_by("-created_at")
    )
    return render(request, "courses/internships/mine.html", {
        "applications": applications, "can_apply": can_apply_for_internships(request.user),
    })


def _placement(request, pk):
    return get_object_or_404(
        InternshipPlacement.objects.visible_to(request.user).select_related("application__offer__host", "application__applicant"),
        pk=pk,
    )


@login_required
def placement_detail(request, pk):
    placement = _placement(request, pk)
    user = request.user
    teacher = placement.application.applicant_id == user.pk
    host = can_manage_offer(user, placement.application.offer)
    forms = {}
    if request.method == "POST":
        step = request.POST.get("step")
        ok = _placement_step(request, placement, step, teacher=teacher, host=host, forms=forms)
        if ok:
            return redirect("courses:internship_placement", pk=placement.pk)
    active = not placement.is_completed
    context = {
        "placement": placement, "application": placement.application, "offer": placement.application.offer,
        "is_teacher": teacher, "is_host": host,
        "goals": list(placement.application.goals.all()),
        "checkin_form": forms.get("checkin") or (CheckinForm(instance=placement) if active and (teacher or host) else None),
        "report_form": forms.get("report") or (ReportForm(instance=placement) if active and teacher else None),
        "feedback_form": forms.get("feedback") or (HostFeedbackForm(instance=placement) if active and host else None),
        "summary_form": forms.get("summary") or (
            SummaryForm(initial={"summary": placement.summary, "publish": placement.summary_published,
                               "share_deliverable": placement.deliverable_published}, has_deliverable=bool(placement.deliverable))
            if teacher and placement.is_completed else None
        ),
        "can_complete": host and active and bool(placement.report_submitted_at),
        "community_post": post_for_source(placement.community_source_key, user) if placement.summary_published else None,
    }
    return render(request, "courses/internships/placement.html", context)


def _placement_step(request, placement, step, *, teacher, host, forms):
    try:
        if step == "checkin" and (teacher or host):
            form = forms["checkin"] = CheckinForm(request.POST, instance=placement)
            if form.is_valid():
                services.placement_update(placement=form.save(commit=False), fields=["midway_date", "midway_notes"])
                messages.success(request, _("The check-in is saved."))
                return True
        elif step == "report" and teacher:
            form = forms["report"] = ReportForm(request.POST, request.FILES, instance=placement)
            if form.is_valid():
                services.placement_submit_report(
                    placement=placement, report=form.cleaned_data["report"],
                    deliverable=form.cleaned_data.get("deliverable"),
                    deliverable_description=form.cleaned_data["deliverable_description"],
                )
                messages.success(request, _("Your report is submitted; the host is informed."))
                return True
        elif step == "feedback" and host:
            form = forms["feedback"] = HostFeedbackForm(request.POST, instance=placement)
            if form.is_valid():
                services.placement_update(placement=form.save(commit=False), fields=["host_feedback"])
                messages.success(request, _("Your feedback is saved."))
                return True
        elif step == "complete" and host:
            services.placement_complete(placement=placement, by=request.user)
            messages.success(request, _("The internship is completed; the report and hours are in the teacher's portfolio."))
            return True
        elif step == "summary" and teacher:
            form = forms["summary"] = SummaryForm(request.POST, has_deliverable=bool(placement.deliverable))
            if form.is_valid():
                services.placement_publish_summary(
                    placement=placement, summary=form.cleaned_data["summary"], publish=form.cleaned_data["publish"],
                    share_deliverable=form.cleaned_data.get("share_deliverable", False),
                )
                messages.success(
                    request, _("Your summary is published for all members and shared in the community.") if form.cleaned_data["publish"] else _("Your summary is saved.")
                )
                return True
        else:
            raise PermissionDenied
    except services.InternshipError as error:
        messages.error(request, _err(error))
    return False


@login_required
def deliverable(request, pk):
    placement = _placement(request, pk)  # only the teacher, the host and the hub get this far
    return serve_private_file(placement.deliverable)


@login_required
def experiences(request):
    placements = (
        InternshipPlacement.objects.published()
        .select_related("application__offer__host", "application__applicant")
        .prefetch_related("application__offer__profiles")
        .order_by("-summary_published_at", "-pk")
    )
    page_obj = Paginator(placements, 10).get_page(request.GET.get("page"))
    from community.models import Post

    keys = {p.community_source_key: p for p in page_obj}
    for post in Post.objects.filter(source_key__in=list(keys)).only("pk", "source_key"):
        keys[post.source_key].community_post = post
    return render(request, "courses/internships/experiences.html", {"page_obj": page_obj})


@login_required
def shared_material(request, pk):
    """Lesson material a teacher chose to share with their published summary: for all members."""
    from community.permissions import is_forum_member

    placement = get_object_or_404(
        InternshipPlacement.objects.published().filter(deliverable_published=True), pk=pk
    )
    if not is_forum_member(request.user):
        raise Http404
    return serve_private_file(placement.deliverable)
