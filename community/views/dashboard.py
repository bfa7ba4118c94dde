from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from ..dashboard import rendered_panels


@login_required
def dashboard(request):
    return render(request, "community/dashboard.html", {"panels_html": rendered_panels(request)})
