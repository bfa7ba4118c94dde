"""Hub staff: one page with the programme's three targets (Programmadoelen), chart and export."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import render

from community.exports import tabular_response
from community.permissions import is_hub_staff

from ..reports.goals import chart, goals_table, programme_goals, school_rows


@login_required
def programme_goals_view(request):
    if not is_hub_staff(request.user):
        raise PermissionDenied
    goals = programme_goals()
    region = [(y.school_year, y.development.get(None, (0, 0, None))[2]) for y in goals["years"]]
    authorised = [(y.school_year, y.authorised.get(None, (0, 0, None))[2]) for y in goals["years"]]
    inflow = [(y.school_year, y.inflow.get(None, (0, None, None))[0]) for y in goals["years"]]
    target = max([t for y in goals["years"] if (t := y.inflow.get(None, (0, None, None))[1])] or [1])
    return render(request, "courses/goals/programme_goals.html", {
        "goals": goals,
        "charts": [
            ("development", goals["labels"]["development"], chart(region), "%", school_rows(goals, "development")),
            ("authorised", goals["labels"]["authorised"], chart(authorised), "%", school_rows(goals, "authorised")),
            ("inflow", goals["labels"]["inflow"], chart(inflow, maximum=target), "", school_rows(goals, "inflow")),
        ],
    })


@login_required
def programme_goals_export(request):
    if not is_hub_staff(request.user):
        raise PermissionDenied
    headers, rows = goals_table(programme_goals())
    file_format = "xlsx" if request.GET.get("format") == "xlsx" else "csv"
    return tabular_response(headers, rows, filename="programmadoelen", file_format=file_format)
