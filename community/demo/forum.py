"""Demo data: forum. Learning questions and experiences by demo teachers, with answers,
solutions, helpful votes, follows, one hidden post, one open report and a demo moderator.

Idempotent: posts are keyed by source_key, everything else by get_or_create.
"""

from datetime import date, timedelta

from django.utils import timezone

from ..expertise import add_expertise
from ..markup import render_markdown
from ..models import (
    Answer,
    Follow,
    ForumPreference,
    HelpfulVote,
    ModerationLog,
    Notification,
    Organisation,
    Person,
    Post,
    PostKind,
    Report,
    Role,
    VmboProfile,
)
from ..sanitise import clean_html
from .people import membership, person

MODERATOR_EMAIL = "moderator@example.org"

Q, E = PostKind.QUESTION, PostKind.EXPERIENCE

# (key, kind, author email, title, body, tags, profiles, answers [(author, body, solution)], days ago)
POSTS = [
    ("pie-lassen-veilig", Q, "docent@example.org", "Hoe organiseer je lassen veilig met 16 leerlingen tegelijk?",
     "<p>In het PIE-lokaal hebben we zes lasplaatsen. Hoe houden jullie overzicht en veiligheid als de hele groep tegelijk praktijk heeft?</p>",
     ["PIE", "lassen", "veiligheid"], ["PIE"],
     [("moderator@example.org", "<p>Wij werken in rondes van 20 minuten: zes leerlingen lassen, de rest doet de theorie-opdracht bij de werkbank ernaast. Een vaste <strong>veiligheidscheck</strong> aan het begin van elke ronde.</p>", True),
      ("bas.bakker@example.org", "<p>Tip: laat een leerling als 'veiligheidsmaatje' meekijken. Dat werkt bij ons heel goed.</p>", False)], 12),
    ("teambevoegdheid-pie", Q, "anouk.jansen@example.org", "Wat betekent teambevoegdheid voor een zij-instromer in PIE?",
     "<p>Onze nieuwe collega komt uit de installatietechniek. Mag hij onder teambevoegdheid lesgeven terwijl hij zijn bijscholing volgt?</p>",
     ["teambevoegdheid", "PIE", "bevoegdheid"], ["PIE"],
     [("docent@example.org", "<p>Ja, zolang er in het team een bevoegde docent is die eindverantwoordelijk is en er een scholingsplan ligt. Leg het vast in zijn POP.</p>", True)], 20),
    ("studiedag-formatief", E, "docent@example.org", "Wat ik meenam van de studiedag: formatief evalueren in de werkplaats",
     "<p>Op de studiedag leerde ik werken met exit-tickets in de praktijkles. Na elke opdracht drie vragen op een kaartje. Mijn leerlingen vinden het fijn en ik zie direct wie vastloopt.</p>",
     ["studiedag", "formatief evalueren"], ["PIE", "BWI"],
     [("chantal.smit@example.org", "<p>Mooi! Heb je een voorbeeld van zo'n kaartje?</p>", False)], 30),
    ("stage-stedin", E, "hybride@example.org", "Docentstage bij Stedin: wat leerlingen echt moeten kunnen",
     "<p>Tijdens mijn stage zag ik dat monteurs vooral <em>samenwerken en communiceren</em> belangrijk vinden. Ik heb een opdracht gemaakt waarin leerlingen een storingsmelding aan een klant uitleggen.</p>",
     ["docentstage", "PIE", "gastlessen"], ["PIE"], [], 8),
    ("bwi-cnc-start", Q, "bram.visser@example.org", "Met welke CNC-opdracht beginnen jullie in leerjaar 3 BWI?",
     "<p>We hebben een nieuwe CNC-freesmachine. Zoek een eerste opdracht die in twee lessen af kan.</p>",
     ["BWI", "CNC"], ["BWI"],
     [("docent@example.org", "<p>Een naambordje met een eenvoudige contour. Leerlingen tekenen het zelf in de software, dat motiveert.</p>", False)], 5),
    ("mvi-portfolio", Q, "daan.meijer@example.org", "Hoe beoordelen jullie een MVI-portfolio?",
     "<p>Ik zoek een rubric voor het beoordelen van een digitaal portfolio bij MVI.</p>",
     ["MVI", "beoordelen"], ["MVI"], [], 3),
    ("mt-motor", E, "emre.deboer@example.org", "Les die werkte: een brommermotor in tien stappen uit elkaar",
     "<p>Elke groep krijgt een stappenkaart en maakt foto's bij elke stap. Die foto's gebruiken ze later in hun verslag.</p>",
     ["M&T", "motorvoertuigentechniek"], ["M&T"],
     [("moderator@example.org", "<p>Goed idee om de foto's te hergebruiken. Mag ik de stappenkaart?</p>", False)], 15),
    ("pie-zonnepanelen", Q, "fatima.degroot@example.org", "Heeft iemand een lesmodule over zonnepanelen voor PIE?",
     "<p>Voor het keuzevak duurzame energie zoek ik praktijkopdrachten met zonnepanelen.</p>",
     ["PIE", "duurzame energie"], ["PIE"], [], 2),
    ("gastdocent-begeleiden", Q, "gerrit.bos@example.org", "Hoe begeleid je een gastdocent uit het bedrijfsleven?",
     "<p>Volgende maand komt een gastdocent van Metalent. Wat spreken jullie vooraf af?</p>",
     ["gastlessen", "hybride docent"], [],
     [("docent@example.org", "<p>Spreek het doel en de klas vooraf door, en zorg dat er altijd een docent in het lokaal is.</p>", True),
      ("hanneke.vos@example.org", "<p>Wij sturen vooraf een korte checklist met de huisregels.</p>", False)], 25),
    ("studiedag-robotica", E, "ilse.peters@example.org", "Studiedag: robotica met eenvoudige middelen",
     "<p>De workshop robotica liet zien dat je met goedkope microcontrollers al veel kunt. Ik ben gestart met een project 'slimme kas'.</p>",
     ["studiedag", "robotica", "programmeren"], ["MVI", "PIE"], [], 28),
    ("lassen-beoordeling", Q, "jeroen.hendriks@example.org", "Beoordelen jullie lasnaden met een foto-opdracht?",
     "<p>Ik wil leerlingen hun eigen lasnaden laten fotograferen en beoordelen. Ervaringen?</p>",
     ["lassen", "beoordelen", "PIE"], ["PIE"], [], 1),
    ("teambevoegdheid-planning", Q, "joyce.vandijk@example.org", "Hoe plannen jullie bijscholing naast een volle lesweek?",
     "<p>Twee collega's moeten voor de zomer bevoegd zijn. Hoe maken jullie ruimte in het rooster?</p>",
     ["teambevoegdheid", "bijscholing"], [],
     [("kees.yilmaz@example.org", "<p>Wij roosteren één vaste middag per week vrij en betalen dat uit het ontwikkelbudget.</p>", False)], 9),
    ("dp-techniek", E, "lotte.elamrani@example.org", "D&P met een technische variant: zo combineren wij het",
     "<p>We laten leerlingen een product ontwerpen én een dienst eromheen bedenken.</p>",
     ["D&P", "projectonderwijs"], ["D&P"], [], 18),
    ("bwi-houtbewerking", Q, "mehmet.kaya@example.org", "Veilig werken met de cirkelzaag: welke instructie gebruiken jullie?",
     "<p>Ik zoek een korte, visuele instructie voor leerjaar 2.</p>",
     ["BWI", "veiligheid", "houtbewerking"], ["BWI"], [], 4),
    # Written in Markdown: a code block that scrolls on a phone, a long web address that wraps.
    ("plc-markdown", Q, "docent@example.org", "PLC-programmeren: waarom start mijn motor niet na een noodstop?",
     "Mijn leerlingen programmeren een **start/stop-schakeling** met een `noodstop`. Na het resetten blijft de "
     "motor uit. Dit is onze code:\n\n```\nIF Start AND NOT Noodstop THEN\n    Motor := TRUE;   "
     "(* zelfhouding via Motor *)\nEND_IF;\nIF Stop OR Noodstop THEN Motor := FALSE; END_IF;\n```\n\n"
     "Handleiding: https://www.example.org/handleidingen/plc/siemens-s7-1200/noodstopcircuits-en-zelfhouding-in-de-les.pdf",
     ["PLC-programmeren", "PIE"], ["PIE"],
     [("moderator@example.org", "De zelfhouding zit in dezelfde regel als de start: na een reset moet de leerling "
       "**opnieuw op Start** drukken. Dat is juist *veilig*.", True)], 0),
    # Hidden by the moderator: only its author and moderators see it.
    ("verborgen-reclame", Q, "noah.vanleeuwen@example.org", "Goedkope gereedschapsets te koop!",
     "<p>Bel mij voor een aanbieding op gereedschapsets.</p>",
     ["gereedschap"], [], [], 6),
]


def load(stdout):
    moderator_school = Organisation.objects.filter(name="RVC de Hef").first()
    if moderator_school is None:
        return
    moderator = person(MODERATOR_EMAIL, "Wouter", "Koster", listed_in_directory=True,
                       bio="Docent PIE op RVC de Hef en moderator van de community.")
    membership(moderator, moderator_school, Role.TEACHER, profiles=["PIE", "M&T"], start=date(2015, 8, 1))
    membership(moderator, moderator_school, Role.MODERATOR, start=date(2024, 8, 1))
    add_expertise(moderator, "lassen", "installatietechniek")

    people = {p.email: p for p in Person.objects.all()}
    now = timezone.now()
    posts = {}
    for key, kind, email, title, body, tags, profiles, answers, days in POSTS:
        author = people.get(email) or moderator
        markdown = not body.startswith("<")
        post, created = Post.objects.get_or_create(
            source_key=f"demo:{key}",
            defaults={"kind": kind, "author": author, "title": title,
                      "body": render_markdown(body) if markdown else clean_html(body),
                      "body_source": body if markdown else ""},
        )
        posts[key] = post
        if not created:
            continue
        when = now - timedelta(days=days)
        post.tags.set(tags)
        post.refresh_search()
        post.profiles.set(VmboProfile.objects.filter(code__in=profiles))
        Follow.objects.get_or_create(follower=author, kind=Follow.Kind.QUESTION, post=post)
        for i, (answer_email, answer_body, solution) in enumerate(answers):
            answer = Answer.objects.create(
                post=post, author=people.get(answer_email) or moderator,
                body=clean_html(answer_body) if answer_body.startswith("<") else render_markdown(answer_body),
                body_source="" if answer_body.startswith("<") else answer_body, is_solution=solution,
            )
            Answer.objects.filter(pk=answer.pk).update(created_at=when + timedelta(hours=3 + i * 5))
        Post.objects.filter(pk=post.pk).update(
            created_at=when, last_activity_at=when + timedelta(hours=len(answers) * 5),
            answer_count=len(answers), is_solved=any(a[2] for a in answers),
        )

    # Index now (with tags): the demo should be searchable before any task worker has run.
    from wagtail.search.backends import get_search_backends

    for backend in get_search_backends():
        backend.add_bulk(Post, list(Post.objects.filter(source_key__startswith="demo:")))
        backend.add_bulk(Answer, list(Answer.objects.filter(post__source_key__startswith="demo:")))

    # Helpful votes from a handful of colleagues.
    voters = [p for p in people.values() if p.email.endswith("@example.org")][:12]
    for n, key in enumerate(["pie-lassen-veilig", "studiedag-formatief", "mt-motor", "gastdocent-begeleiden", "stage-stedin"]):
        post = posts[key]
        for voter in voters[: 6 - n]:
            if voter.pk != post.author_id:
                HelpfulVote.objects.get_or_create(voter=voter, post=post)
        Post.objects.filter(pk=post.pk).update(helpful_count=HelpfulVote.objects.filter(post=post).count())
    for answer in Answer.objects.filter(post__source_key__startswith="demo:", is_solution=True):
        for voter in voters[:3]:
            if voter.pk != answer.author_id:
                HelpfulVote.objects.get_or_create(voter=voter, answer=answer)
        Answer.objects.filter(pk=answer.pk).update(helpful_count=HelpfulVote.objects.filter(answer=answer).count())

    # Moderation: one hidden post (logged), one open report.
    hidden = posts["verborgen-reclame"]
    if not hidden.is_hidden:
        Post.objects.filter(pk=hidden.pk).update(is_hidden=True)
        ModerationLog.objects.create(
            moderator=moderator, action=ModerationLog.Action.HIDE, post=hidden, subject=hidden.title,
            reason="Reclame hoort niet in de community.",
        )
        # The author is told why, and can edit it and ask for a review.
        Notification.objects.get_or_create(
            recipient=hidden.author, kind=Notification.Kind.MODERATED, post=hidden,
            defaults={"actor": moderator, "message": "Reclame hoort niet in de community."},
        )
    reporter = people.get("docent@example.org")
    if reporter:
        Report.objects.get_or_create(
            post=posts["bwi-houtbewerking"], reporter=reporter, reason=Report.Reason.DUPLICATE,
            defaults={"explanation": "Lijkt op een eerdere vraag over veilig werken in de werkplaats."},
        )

    # docent follows a tag and has unread notifications; the moderator follows the lassen tag.
    from taggit.models import Tag

    docent = people.get("docent@example.org")
    if docent:
        ForumPreference.objects.get_or_create(person=docent, defaults={"digest": "weekly"})
        for tag_name in ("lassen", "studiedag"):
            tag = Tag.objects.filter(name__iexact=tag_name).first()
            if tag:
                Follow.objects.get_or_create(follower=docent, kind=Follow.Kind.TAG, tag=tag)
        events = [
            (Notification.Kind.NEW_POST_TAG, posts["lassen-beoordeling"], None),
            (Notification.Kind.NEW_ANSWER, posts["pie-lassen-veilig"],
             posts["pie-lassen-veilig"].answers.order_by("pk").last()),
            (Notification.Kind.SOLUTION, posts["teambevoegdheid-pie"], posts["teambevoegdheid-pie"].answers.first()),
        ]
        for kind, post, answer in events:
            Notification.objects.get_or_create(
                recipient=docent, kind=kind, post=post, answer=answer,
                defaults={"actor": answer.author if answer else post.author},
            )
    stdout.write(
        f"forum: {Post.objects.count()} posts, {Answer.objects.count()} answers; "
        f"demo moderator {MODERATOR_EMAIL}"
    )
