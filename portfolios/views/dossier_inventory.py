"""Needs inventory pages: the teacher's answers, HR's school, the team leader's team, the hub's overview."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from community.permissions import hr_school_ids, is_hub_staff, led_team_ids

from ..forms.dossier import InventoryResponseForm
from ..models import NeedsInventoryResponse, NeedsInventoryRound
from ..reports import dossier as reports
from ..services import dossier as services
from .dossier import _data


@login_required
def inventory(request):
    """The teacher's rounds: the open one first, earlier ones read-only."""
    rounds = NeedsInventoryRound.objects.all()
    responses = {
        r.round_id: r for r in NeedsInventoryResponse.objects.filter(person=request.user, round__in=rounds)
    }
    rows = [(round, responses.get(round.pk)) for round in rounds]
    return render(
        request,
        "portfolios/dossier/inventory_index.html",
        {"rows": rows, "is_teacher": services.is_technical_teacher(request.user)},
    )


@login_required
def inventory_round(request, round_id):
    round = get_object_or_404(NeedsInventoryRound, pk=round_id)
    existing = NeedsInventoryResponse.objects.filter(round=round, person=request.user).first()
    if existing is None:
        if not services.is_technical_teacher(request.user):
            raise PermissionDenied
        if not round.is_open():
            raise Http404
    response = existing or services.inventory_response_for(round=round, person=request.user)
    editable = round.is_open() and not response.is_submitted
    form = InventoryResponseForm(_data(request), instance=response)
    if request.method == "POST":
        if not editable and "reopen" not in request.POST:
            raise PermissionDenied
        if "reopen" in request.POST:
            if not round.is_open():
                raise PermissionDenied
            response.submitted_at = None
            response.save(update_fields=["submitted_at", "updated_at"])
            messages.info(request, _("Your answers are open for changes again. Submit them when you are done."))
            return redirect("portfolios:inventory_round", round_id=round.pk)
        if form.is_valid():
            answers = form.save(commit=False)
            try:
                services.inventory_save(response=answers, submit="submit" in request.POST)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                form.save_m2m()
                if answers.is_submitted:
                    messages.success(request, _("Thank you: your inventory has been submitted."))
                    return redirect("portfolios:inventory")
                messages.success(request, _("Your draft has been saved."))
                return redirect("portfolios:inventory_round", round_id=round.pk)
    return render(
        request,
        "portfolios/dossier/inventory_form.html",
        {"round": round, "response": response, "form": form, "editable": editable},
    )


def _round_from_query(request):
    rounds = list(NeedsInventoryRound.objects.all())
    chosen = request.GET.get("round")
    round = next((r for r in rounds if str(r.pk) == chosen), None) or services.open_round() or (rounds[0] if rounds else None)
    return rounds, round


@login_required
def inventory_school(request):
    """HR: response rate of its school and who has not responded yet."""
    schools = hr_school_ids(request.user)
    if not schools:
        raise PermissionDenied
    rounds, round = _round_from_query(request)
    rates, missing = [], []
    if round:
        rates = reports.inventory_rates(round, school_ids=schools)
        missing = [(rate.school, reports.inventory_non_responders(round, rate.school.pk)) for rate in rates]
    return render(
        request,
        "portfolios/dossier/inventory_school.html",
        {"rounds": rounds, "round": round, "rates": rates, "missing": missing},
    )


@login_required
def inventory_team(request):
    """Team leader: the response of their team's technical teachers and who has not answered."""
    teams = led_team_ids(request.user)
    if not teams:
        raise PermissionDenied
    rounds, round = _round_from_query(request)
    rate = reports.team_inventory_rates(round, teams) if round else None
    missing = reports.team_inventory_non_responders(round, teams) if round else []
    return render(
        request,
        "portfolios/dossier/inventory_team.html",
        {"rounds": rounds, "round": round, "rate": rate, "missing": missing},
    )


@login_required
def inventory_overview(request):
    """Hub staff: response rates per school, counts only."""
    if not is_hub_staff(request.user):
        raise PermissionDenied
    rounds, round = _round_from_query(request)
    rates = reports.inventory_rates(round) if round else []
    return render(
        request,
        "portfolios/dossier/inventory_overview.html",
        {"rounds": rounds, "round": round, "rates": rates, "total": reports.inventory_total(rates)},
    )


