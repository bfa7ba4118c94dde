from datetime import date

import pytest
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from courses.models import (
    ApplicationStatus,
    InternshipApplication,
    InternshipOffer,
    InternshipPlacement,
    OfferStatus,
    PlacementStatus,
)
from courses.services import internships as services
from portfolios.models import DevelopmentPlan, EntryKind, LearningGoal, PortfolioEntry
from tests.courses.factories_studydays import PDF, make_application, make_offer, make_placement
from tests.factories import CompanyFactory, MembershipFactory, PersonFactory

pytestmark = pytest.mark.django_db


def _offer_post(host, **extra):
    data = {
        "host": host.pk, "title": "Meelopen met een monteur", "kind": "exploring", "description": "Drie dagen mee.",
        "period_start": "2027-02-01", "period_end": "2027-04-30", "hours": 24, "places": 1,
        "contact_name": "Gerrit", "contact_email": "gerrit@example.org", "tags": "energie",
    }
    data.update(extra)
    return data


def test_mentor_offer_waits_for_hub_approval_before_teachers_see_it(login, company_mentor, company, teacher, hub_staff, django_capture_on_commit_callbacks):
    client = login(company_mentor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("courses:internship_offer_create"), _offer_post(company))
    offer = InternshipOffer.objects.get()
    assert offer.status == OfferStatus.PENDING and offer.created_by == company_mentor
    assert any(hub_staff.email in m.to for m in mail.outbox)
    assert "Meelopen met een monteur" not in login(teacher).get(reverse("courses:internship_offers")).content.decode()
    assert login(teacher).get(reverse("courses:internship_offer_detail", args=[offer.pk])).status_code == 404
    login(hub_staff).post(reverse("courses:internship_offer_review", args=[offer.pk]), {"decision": "approve"})
    assert "Meelopen met een monteur" in login(teacher).get(reverse("courses:internship_offers")).content.decode()


def test_mentor_can_only_offer_for_their_own_company(login, company_mentor):
    other = CompanyFactory(name="Metalent")
    response = login(company_mentor).post(reverse("courses:internship_offer_create"), _offer_post(other))
    assert response.status_code == 200 and not InternshipOffer.objects.exists()


def test_mentor_sees_only_their_own_organisations_offers_and_applicants(login, company_mentor, company, teacher):
    other_company = CompanyFactory(name="Metalent")
    own = make_offer(company, title="Eigen stage")
    foreign = make_offer(other_company, title="Andere stage", status=OfferStatus.PENDING)
    make_application(own, teacher)
    foreign_application = make_application(make_offer(other_company, title="Derde stage"), teacher)
    client = login(company_mentor)
    html = client.get(reverse("courses:internship_hosting")).content.decode()
    assert "Eigen stage" in html and "Andere stage" not in html and "Derde stage" not in html
    assert client.get(reverse("courses:internship_offer_detail", args=[foreign.pk])).status_code == 404
    assert client.get(reverse("courses:internship_application_detail", args=[foreign_application.pk])).status_code == 404


def test_teacher_sees_only_their_own_applications(login, company, teacher, colleague):
    offer = make_offer(company)
    theirs = make_application(offer, colleague)
    make_application(offer, teacher)
    client = login(teacher)
    assert client.get(reverse("courses:internship_application_detail", args=[theirs.pk])).status_code == 404
    assert "Bakker" not in client.get(reverse("courses:internship_offer_detail", args=[offer.pk])).content.decode()


def test_apply_links_only_the_applicants_own_learning_goals(login, company, teacher, colleague):
    offer = make_offer(company)
    own = LearningGoal.objects.create(plan=DevelopmentPlan.objects.create(person=teacher, school_year="2026-2027"), title="Slimme netten")
    foreign = LearningGoal.objects.create(plan=DevelopmentPlan.objects.create(person=colleague, school_year="2026-2027"), title="Niet van mij")
    client = login(teacher)
    page = client.get(reverse("courses:internship_apply", args=[offer.pk])).content.decode()
    assert "Slimme netten" in page and "Niet van mij" not in page
    client.post(reverse("courses:internship_apply", args=[offer.pk]), {"motivation": "Graag", "goals": [foreign.pk]})
    assert not InternshipApplication.objects.exists()
    client.post(reverse("courses:internship_apply", args=[offer.pk]), {"motivation": "Graag", "goals": [own.pk], "goal_text": "Ook lesmateriaal"})
    application = InternshipApplication.objects.get()
    assert list(application.goals.all()) == [own] and application.goal_text == "Ook lesmateriaal"


def test_host_accepts_within_places(login, company_mentor, company, teacher, colleague):
    offer = make_offer(company, places=1)
    first, second = make_application(offer, teacher), make_application(offer, colleague)
    client = login(company_mentor)
    client.post(reverse("courses:internship_application_decide", args=[first.pk]), {"decision": "accept", "start_date": "2027-02-03", "end_date": "2027-02-20"})
    client.post(reverse("courses:internship_application_decide", args=[second.pk]), {"decision": "accept"})
    first.refresh_from_db()
    second.refresh_from_db()
    assert first.status == ApplicationStatus.ACCEPTED and second.status == ApplicationStatus.SUBMITTED
    assert first.placement.start_date == date(2027, 2, 3)


def test_deliverable_is_private_and_completion_records_evidence(login, company_mentor, company, teacher, colleague, hub_staff):
    placement = make_placement(make_offer(company, hours=32), teacher)
    url = reverse("courses:internship_placement", args=[placement.pk])
    upload = SimpleUploadedFile("lesmateriaal.pdf", PDF, content_type="application/pdf")
    login(teacher).post(url, {"step": "report", "report": "Ik leerde veel.", "deliverable": upload, "deliverable_description": "Lesbrief"})
    placement.refresh_from_db()
    assert placement.report_submitted_at and placement.deliverable
    from django.conf import settings

    assert not placement.deliverable.path.startswith(str(settings.MEDIA_ROOT))
    file_url = reverse("courses:internship_deliverable", args=[placement.pk])
    assert login(teacher).get(file_url).status_code == 200
    assert login(company_mentor).get(file_url).status_code == 200
    assert login(colleague).get(file_url).status_code == 404
    assert login(colleague).post(url, {"step": "complete"}).status_code == 404
    login(company_mentor).post(url, {"step": "feedback", "host_feedback": "Sterk"})
    login(company_mentor).post(url, {"step": "complete"})
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.COMPLETED
    entry = PortfolioEntry.objects.get(owner=teacher)
    assert entry.kind == EntryKind.INTERNSHIP_REPORT and entry.hours == 32 and "Sterk" in entry.text


def test_a_disguised_file_is_refused_as_deliverable(login, company, teacher):
    placement = make_placement(make_offer(company), teacher)
    upload = SimpleUploadedFile("lesmateriaal.pdf", b"<html><script>alert(1)</script>", content_type="application/pdf")
    response = login(teacher).post(reverse("courses:internship_placement", args=[placement.pk]), {"step": "report", "report": "x", "deliverable": upload})
    assert response.status_code == 200
    placement.refresh_from_db()
    assert not placement.deliverable and not placement.report_submitted_at


def test_published_summary_is_shown_to_all_members(login, company, teacher, other_teacher, hub_staff):
    placement = make_placement(make_offer(company), teacher, report="Verslag")
    placement.report_submitted_at = timezone.now()
    placement.save()
    services.placement_complete(placement=placement, by=hub_staff)
    placement.refresh_from_db()
    url = reverse("courses:internship_placement", args=[placement.pk])
    login(teacher).post(url, {"step": "summary", "summary": "Wat ik leerde over slimme netten", "publish": "on"})
    html = login(other_teacher).get(reverse("courses:internship_experiences")).content.decode()
    assert "Wat ik leerde over slimme netten" in html


def test_school_hr_offers_for_their_school_and_sees_only_those(login, hr, school, other_hr, other_school, teacher):
    login(hr).post(reverse("courses:internship_offer_create"), _offer_post(school, title="Meekijken MVI"))
    offer = InternshipOffer.objects.get()
    assert offer.host == school
    assert "Meekijken MVI" not in login(other_hr).get(reverse("courses:internship_hosting")).content.decode()


def test_offer_list_filters_and_runs_fixed_queries(login, company, teacher, django_assert_max_num_queries):
    client = login(teacher)
    for size in (2, 20):
        for n in range(size):
            offer = make_offer(company, title=f"Stage {size}-{n}", profiles=["PIE"], kind="update" if n % 2 else "exploring")
            offer.tags.add("energie")
            make_application(offer, PersonFactory())
        with django_assert_max_num_queries(12):
            assert client.get(reverse("courses:internship_offers")).status_code == 200
    html = client.get(reverse("courses:internship_offers") + "?kind=update").content.decode()
    assert "Stage 2-1" in html and "Stage 2-0" not in html


def test_dashboard_panels_for_teacher_mentor_and_hub(login, teacher, company_mentor, company, hub_staff):
    from tests.courses.factories_studydays import make_study_day, register

    day = make_study_day(title="Voorjaarsdag")
    register(day, teacher)
    offer = make_offer(company, title="Netbeheer")
    make_application(offer, teacher)
    make_offer(company, title="Wacht op goedkeuring", status=OfferStatus.PENDING)
    teacher_html = login(teacher).get(reverse("dashboard")).content.decode()
    assert "Voorjaarsdag" in teacher_html and "Netbeheer" in teacher_html
    mentor_html = login(company_mentor).get(reverse("dashboard")).content.decode()
    assert "Netbeheer" in mentor_html and reverse("courses:internship_offer_create") in mentor_html
    hub_html = login(hub_staff).get(reverse("dashboard")).content.decode()
    assert reverse("courses:internship_review") in hub_html and reverse("courses:learning_figures") in hub_html


def test_hub_staff_manage_offers_in_the_wagtail_admin(login, hub_staff, teacher, company):
    make_offer(company, title="Admin-stage")
    assert "Admin-stage" in login(hub_staff).get(reverse("internship_offers:index")).content.decode()
    assert login(teacher).get(reverse("internship_offers:index")).status_code == 403  # the CMS refusal page, not a login loop


def test_mentor_of_another_company_cannot_decide(login, company, teacher):
    outsider = PersonFactory()
    MembershipFactory(person=outsider, organisation=CompanyFactory(name="Metalent"), role="company_mentor")
    application = make_application(make_offer(company), teacher)
    assert login(outsider).post(reverse("courses:internship_application_decide", args=[application.pk]), {"decision": "accept"}).status_code == 404
    assert not InternshipPlacement.objects.exists()


# Wiring: the published summary is shared into the community (issue 5) ------------------------


def _completed(company, teacher, hub_staff, **offer_fields):
    offer = make_offer(company, profiles=["PIE"], **offer_fields)
    offer.tags.add("energietransitie")
    placement = make_placement(offer, teacher, report="Verslag")
    placement.report_submitted_at = timezone.now()
    placement.save()
    services.placement_complete(placement=placement, by=hub_staff)
    placement.refresh_from_db()
    return placement


def test_publishing_the_summary_shares_it_once_in_the_community_and_links_it(login, company, teacher, colleague, hub_staff):
    from community.models import Post, PostKind

    placement = _completed(company, teacher, hub_staff, title="Slimme netten")
    url = reverse("courses:internship_placement", args=[placement.pk])
    client = login(teacher)
    data = {"step": "summary", "summary": "Wat ik leerde\n\nover <slimme> netten", "publish": "on"}
    client.post(url, data)
    client.post(url, data)  # publishing again does not post again
    post = Post.objects.get()
    assert (post.kind, post.author, post.source_key) == (PostKind.EXPERIENCE, teacher, f"courses.placement:{placement.pk}")
    assert "Slimme netten" in post.title and company.name in post.title
    assert "&lt;slimme&gt;" in post.body and "<p>" in post.body
    assert {t.lower() for t in post.tags.names()} == {"energietransitie", "docentstage"}
    assert list(post.profiles.values_list("code", flat=True)) == ["PIE"]
    html = client.get(url).content.decode()
    assert "Gedeeld in de community" in html
    assert reverse("community:forum_post", args=[post.pk]) in html
    # The existing experiences page keeps working.
    assert "over &lt;slimme&gt; netten" in login(colleague).get(reverse("courses:internship_experiences")).content.decode()


def test_saving_without_publishing_shares_nothing(login, company, teacher, hub_staff):
    from community.models import Post

    placement = _completed(company, teacher, hub_staff)
    url = reverse("courses:internship_placement", args=[placement.pk])
    login(teacher).post(url, {"step": "summary", "summary": "Nog een concept"})
    assert not Post.objects.exists()
    assert "Gedeeld in de community" not in login(teacher).get(url).content.decode()


def test_only_the_teacher_can_publish_the_summary(login, company, company_mentor, teacher, hub_staff):
    from community.models import Post

    placement = _completed(company, teacher, hub_staff)
    url = reverse("courses:internship_placement", args=[placement.pk])
    response = login(company_mentor).post(url, {"step": "summary", "summary": "Van de host", "publish": "on"})
    assert response.status_code == 403
    assert not Post.objects.exists()


# Dates that make sense (issue 15) ----------------------------------------------------------


def test_no_completion_before_the_start_and_no_check_in_or_report_ahead(login, company, company_mentor, teacher, hub_staff):
    from datetime import timedelta

    today = timezone.localdate()
    placement = make_placement(make_offer(company), teacher, start_date=today + timedelta(days=5),
                               end_date=today + timedelta(days=40))
    with pytest.raises(services.InternshipError):
        services.placement_submit_report(placement=placement, report="Te vroeg")
    placement.report_submitted_at = timezone.now()
    placement.save()
    with pytest.raises(services.InternshipError):
        services.placement_complete(placement=placement, by=hub_staff)
    running = make_placement(make_offer(company, title="Tweede"), teacher)
    url = reverse("courses:internship_placement", args=[running.pk])
    response = login(teacher).post(url, {"step": "checkin", "midway_date": (today + timedelta(days=3)).isoformat(),
                                         "midway_notes": "Gaat goed"})
    assert response.status_code == 200 and "toekomst" in response.content.decode()
    running.refresh_from_db()
    assert not running.midway_notes


def test_teacher_chooses_to_share_lesson_material_and_the_card_links_author_and_thread(
    login, company, teacher, other_teacher, hub_staff
):
    placement = make_placement(make_offer(company), teacher, report="Verslag")
    placement.deliverable.save("lesmateriaal.pdf", ContentFile(PDF))
    placement.report_submitted_at = timezone.now()
    placement.save()
    services.placement_complete(placement=placement, by=hub_staff)
    url = reverse("courses:internship_placement", args=[placement.pk])
    client = login(teacher)
    client.post(url, {"step": "summary", "summary": "Wat ik leerde", "publish": "on"})
    placement.refresh_from_db()
    assert placement.summary_published and not placement.deliverable_published  # no tick, no sharing
    material_url = reverse("courses:internship_shared_material", args=[placement.pk])
    assert login(other_teacher).get(material_url).status_code == 404
    login(teacher).post(url, {"step": "summary", "summary": "Wat ik leerde", "publish": "on", "share_deliverable": "on"})
    placement.refresh_from_db()
    assert placement.deliverable_published
    assert login(other_teacher).get(material_url).status_code == 200
    page = login(other_teacher).get(reverse("courses:internship_experiences")).content.decode()
    assert material_url in page
    assert reverse("community:forum_member", args=[teacher.pk]) in page
    assert "/forum/" in page
