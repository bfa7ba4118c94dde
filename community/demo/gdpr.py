"""Demo: a former teacher has asked for erasure, so hub staff see an open request to handle."""

from ..models import ErasureRequest, Organisation, Role
from .people import membership, person


def load(stdout):
    school = Organisation.objects.get(name="Zuiderpark College")
    leaver = person("vertrokken@example.org", "Henk", "Verbeek", bio="Docent BWI, per 1 augustus met pensioen.")
    membership(leaver, school, Role.TEACHER, profiles=["BWI"])
    if not ErasureRequest.objects.filter(person=leaver).exists():
        ErasureRequest.objects.create(person=leaver, reason="Ik ga met pensioen en wil dat mijn gegevens worden verwijderd.")
    stdout.write("  gdpr: an open erasure request (vertrokken@example.org)")
