"""People: my profile, a person's page and photo, invitations, HR's people management."""

from django.contrib import messages
from django.contrib.auth import login
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, Q
from django.http import Http404, HttpResponseNotAllowed
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from ..files import serve_private_file
from ..forms.people import (
    AcceptInvitationForm,
    EndMembershipForm,
    InvitationForm,
    MembershipForm,
    PeopleSearchForm,
    ProfileForm,
)
from ..models import Invitation, Membership, Person
from ..permissions import hr_school_ids, invitable_organisations, is_hub_staff, require
from ..services import people as services

PEOPLE_PER_PAGE = 25


def _active_memberships_prefetch(to_attr="current_memberships"):
    return Prefetch(
        "memberships",
        queryset=Membership.objects.active().select_related("organisation", "team").prefetch_related("profiles"),
        to_attr=to_attr,
    )


# ---- Profiles -------------------------------------------------------------------------------


@login_required
def profile_edit(request):
    person = request.user
    form = ProfileForm(request.POST or None, request.FILES or None, instance=person)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        services.profile_update(
            person=person,
            data=data,
            photo=data.pop("photo_upload", None),
            remove_photo=data.pop("remove_photo", False),
        )
        messages.success(request, _("Your profile has been saved."))
        return redirect("community:person_detail", pk=person.pk)
    return render(request, "community/people/profile_edit.html", {"form": form})


@login_required
def person_detail(request, pk):
    person = get_object_or_404(
        Person.objects.visible_to(request.user).prefetch_related("expertise", _active_memberships_prefetch()),
        pk=pk,
    )
    require_member_page_visible(request.user, person)
    return render(request, "community/people/person_detail.html", {"person": person})


def require_member_page_visible(user, person):
    """Someone not listed in the directory has a page only for colleagues of their own
    organisations (and hub staff); others get a 404, as if there were no such page."""
    if person.listed_in_directory or person.pk == user.pk or is_hub_staff(user):
        return
    memberships = getattr(person, "current_memberships", None)
    if memberships is None:
        memberships = person.active_memberships
    theirs = {m.organisation_id for m in memberships}
    if not theirs & {m.organisation_id for m in user.active_memberships}:
        raise Http404


@login_required
def person_photo(request, pk):
    person = get_object_or_404(Person.objects.visible_to(request.user), pk=pk)
    if not person.photo:
        raise Http404
    return serve_private_file(person.photo, inline=True)


# ---- Invitations ----------------------------------------------------------------------------


def _require_inviter(user):
    require(is_hub_staff(user) or bool(hr_school_ids(user)))


@login_required
def invitation_list(request):
    _require_inviter(request.user)
    invitations = (
        Invitation.objects.visible_to(request.user).pending()
        .select_related("organisation", "invited_by").order_by("-created_at")
    )
    page_obj = Paginator(invitations, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    return render(request, "community/people/invitation_list.html", {"page_obj": page_obj, "now": timezone.now()})


@login_required
def invitation_create(request):
    _require_inviter(request.user)
    form = InvitationForm(request.POST or None, inviter=request.user)
    if request.method == "POST" and form.is_valid():
        outcome = services.invitation_create(invited_by=request.user, **form.cleaned_data)
        if outcome.added_existing:
            messages.success(
                request,
                _("%(name)s already has an account and is now %(role)s at %(organisation)s.")
                % {
                    "name": outcome.membership.person,
                    "role": outcome.membership.get_role_display().lower(),
                    "organisation": outcome.membership.organisation,
                },
            )
        else:
            messages.success(
                request, _("Invitation sent to %(email)s.") % {"email": outcome.invitation.email}
            )
        return redirect("community:invitation_list")
    return render(request, "community/people/invitation_form.html", {"form": form})


def _invitation_for(user, pk):
    return get_object_or_404(Invitation.objects.visible_to(user).pending(), pk=pk)


@login_required
def invitation_resend(request, pk):
    invitation = _invitation_for(request.user, pk)  # 404 before 405: no hint to outsiders
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.invitation_resend(invitation=invitation)
    messages.success(request, _("A new link has been sent to %(email)s.") % {"email": invitation.email})
    return redirect("community:invitation_list")


@login_required
def invitation_revoke(request, pk):
    invitation = _invitation_for(request.user, pk)
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    services.invitation_revoke(invitation=invitation)
    messages.success(request, _("The invitation to %(email)s has been withdrawn.") % {"email": invitation.email})
    return redirect("community:invitation_list")


def invitation_accept(request, token):
    invitation = Invitation.objects.select_related("organisation").filter(token=token).first()
    if invitation is None or not invitation.is_usable:
        if invitation is None:
            problem = "unknown"
        elif invitation.accepted_at:
            problem = "used"
        else:
            problem = "expired"
        return render(
            request, "community/people/invitation_unusable.html",
            {"problem": problem, "invitation": invitation}, status=410 if invitation else 404,
        )
    if request.user.is_authenticated and request.user.email.lower() != invitation.email.lower():
        return render(request, "community/people/invitation_wrong_account.html", {"invitation": invitation})
    form = AcceptInvitationForm(request.POST or None, invitation=invitation)
    if request.method == "POST" and form.is_valid():
        person = services.invitation_accept(invitation=invitation, password=form.cleaned_data["password1"])
        login(request, person, backend="django.contrib.auth.backends.ModelBackend")
        messages.success(request, _("Welcome to TechniekHub! Your account is ready."))
        return redirect("community:profile_edit")
    return render(request, "community/people/invitation_accept.html", {"form": form, "invitation": invitation})


# ---- HR: the school's people ----------------------------------------------------------------


def _require_people_manager(user):
    require(bool(hr_school_ids(user)) or is_hub_staff(user))


def _managed_school_ids(user):
    """HR manages its own schools here; hub staff use the Wagtail admin but may look too."""
    if is_hub_staff(user) and not hr_school_ids(user):
        return None
    return hr_school_ids(user)


@login_required
def school_people(request):
    _require_people_manager(request.user)
    school_ids = _managed_school_ids(request.user)
    form = PeopleSearchForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    memberships = Membership.objects.all()
    if school_ids is not None:
        memberships = memberships.filter(organisation_id__in=school_ids)
    if filters.get("status") != "all":
        memberships = memberships.active()
    if filters.get("role"):
        memberships = memberships.filter(role=filters["role"])
    people = Person.objects.filter(pk__in=memberships.values("person_id"))
    if filters.get("q"):
        for word in filters["q"].split()[:5]:
            people = people.filter(
                Q(first_name__icontains=word) | Q(last_name__icontains=word) | Q(email__icontains=word)
            )
    people = people.order_by("sort_name", "pk").prefetch_related(
        Prefetch(
            "memberships",
            queryset=memberships.select_related("organisation", "team").prefetch_related("profiles")
            .order_by("organisation__name", "role"),
            to_attr="school_memberships",
        )
    )
    page_obj = Paginator(people, PEOPLE_PER_PAGE).get_page(request.GET.get("page"))
    organisations = invitable_organisations(request.user).filter(pk__in=school_ids) if school_ids else []
    return render(
        request, "community/people/school_people.html",
        {"page_obj": page_obj, "form": form, "organisations": organisations, "today": timezone.localdate()},
    )


def _membership_for(user, pk):
    return get_object_or_404(
        Membership.objects.visible_to(user).select_related("person", "organisation", "team"), pk=pk
    )


def _refuse_own_hr_membership(request, membership):
    if membership.person_id == request.user.pk and membership.role == "hr" and not is_hub_staff(request.user):
        raise PermissionDenied(_("You cannot change your own HR membership; ask the hub."))


@login_required
def membership_edit(request, pk):
    _require_people_manager(request.user)
    membership = _membership_for(request.user, pk)
    if request.method == "POST":
        _refuse_own_hr_membership(request, membership)
    form = MembershipForm(request.POST or None, instance=membership, editor=request.user)
    if request.method == "POST" and form.is_valid():
        data = {k: v for k, v in form.cleaned_data.items() if k != "profiles" and k in form.changed_data}
        services.membership_update(membership=membership, data=data, profiles=form.cleaned_data["profiles"])
        messages.success(request, _("The membership of %(name)s has been saved.") % {"name": membership.person})
        return redirect("community:school_people")
    return render(request, "community/people/membership_form.html", {"form": form, "membership": membership})


@login_required
def membership_end(request, pk):
    _require_people_manager(request.user)
    membership = _membership_for(request.user, pk)
    if request.method == "POST":
        _refuse_own_hr_membership(request, membership)
    form = EndMembershipForm(
        request.POST or None, membership=membership,
        initial={"end_date": membership.end_date or timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        services.membership_end(membership=membership, on=form.cleaned_data["end_date"])
        messages.success(
            request,
            _("The membership of %(name)s ends on %(date)s.")
            % {"name": membership.person, "date": form.cleaned_data["end_date"].strftime("%d-%m-%Y")},
        )
        return redirect("community:school_people")
    return render(request, "community/people/membership_end.html", {"form": form, "membership": membership})
