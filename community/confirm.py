"""A second step before anything destructive, that works without JavaScript.

The destructive view stays POST-only. A POST without `confirmed=yes` answers with a page
that says what will happen and posts the same fields again with `confirmed=yes`.
"""

from django.shortcuts import render


def confirmed(request) -> bool:
    return request.method == "POST" and request.POST.get("confirmed") == "yes"


def confirm_step(request, *, title: str, question: str, button: str, cancel_url: str, details=()):
    keep = [
        (name, value)
        for name, values in request.POST.lists()
        for value in values
        if name not in ("csrfmiddlewaretoken", "confirmed")
    ]
    return render(
        request,
        "includes/confirm_step.html",
        {
            "title": title,
            "question": question,
            "button": button,
            "cancel_url": cancel_url,
            "details": details,
            "keep": keep,
            "action": request.path,
        },
    )
