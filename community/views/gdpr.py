"""AVG/GDPR: "Mijn gegevens" (what we keep, download it all, ask for erasure) and hub staff's handling."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from ..confirm import confirm_step, confirmed
from ..forms.gdpr import ErasureHandleForm, ErasureRequestForm
from ..models import ErasureRequest
from ..permissions import is_hub_staff, require
from ..personal_data import erasure_details, exporters, links
from ..services import gdpr as services


@login_required
def my_data(request):
    erasure_requests = list(ErasureRequest.objects.visible_to(request.user).filter(person=request.user)[:5])
    open_request = next((r for r in erasure_requests if r.status == ErasureRequest.Status.OPEN), None)
    return render(
        request,
        "community/gdpr/my_data.html",
        {
            "parts": [e.label for e in exporters()],
            "links": links(),
            "erasure_details": erasure_details(),
            "erasure_requests": erasure_requests,
            "open_request": open_request,
            "form": ErasureRequestForm(),
        },
    )


@login_required
def my_data_download(request):
    content = services.export_json(request.user)
    response = HttpResponse(content, content_type="application/json; charset=utf-8")
    filename = f"techniekhub-mijn-gegevens-{timezone.localdate():%Y-%m-%d}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "no-store"
    return response


@login_required
@require_POST
def erasure_request_create(request):
    form = ErasureRequestForm(request.POST)
    if form.is_valid():
        try:
            services.erasure_request_create(person=request.user, reason=form.cleaned_data["reason"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Your erasure request has been received. We have sent you a confirmation email."))
    return redirect("community:my_data")


@login_required
def erasure_requests(request):
    require(is_hub_staff(request.user))
    requests = list(ErasureRequest.objects.visible_to(request.user).select_related("person", "handled_by")[:100])
    open_requests = [r for r in requests if r.status == ErasureRequest.Status.OPEN]
    handled = [r for r in requests if r.status != ErasureRequest.Status.OPEN]
    return render(
        request,
        "community/gdpr/erasure_requests.html",
        {"open_requests": open_requests, "handled_requests": handled, "form": ErasureHandleForm()},
    )


def _handle(request, pk, action):
    require(is_hub_staff(request.user))
    erasure_request = get_object_or_404(ErasureRequest.objects.visible_to(request.user), pk=pk)
    form = ErasureHandleForm(request.POST)
    note = form.cleaned_data["note"] if form.is_valid() else ""
    try:
        action(request=erasure_request, by=request.user, note=note)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return None
    return erasure_request


@login_required
@require_POST
def erasure_request_anonymise(request, pk):
    require(is_hub_staff(request.user))
    erasure_request = get_object_or_404(ErasureRequest.objects.visible_to(request.user).select_related("person"), pk=pk)
    if not confirmed(request):
        return confirm_step(
            request,
            title=_("Anonymise this person?"),
            question=_("%(name)s will be anonymised and their account closed. This cannot be undone.")
            % {"name": erasure_request.person.get_full_name() or erasure_request.person.email},
            button=_("Yes, anonymise"),
            cancel_url=reverse("community:erasure_requests"),
            details=erasure_details(),
        )
    if _handle(request, pk, services.anonymise):
        messages.success(request, _("The person has been anonymised and their account deactivated."))
    return redirect("community:erasure_requests")


@login_required
@require_POST
def erasure_request_decline(request, pk):
    if _handle(request, pk, services.erasure_decline):
        messages.success(request, _("The request has been declined."))
    return redirect("community:erasure_requests")
