"""The stored authorisation status per school × teacher × profile (a read model).

The source of truth stays the derivation in `portfolios.reports.authorisation`; this table
holds its result for today so that pages and the inventory count in SQL instead of deriving
20,000 teachers per request. `portfolios.services.status_store` keeps it right: model signals
on every write path refresh the schools concerned, and `manage.py rebuild_statuses` rebuilds
it all. Person and school are plain columns without a database constraint: a cascade delete
of a person must not trip over rows that the same delete's signals refresh.
"""

from django.conf import settings
from django.db import models

__all__ = ["StoredStatus", "StoredStatusSchool"]


class StoredStatus(models.Model):
    person = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    school = models.ForeignKey(
        "community.Organisation", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    profile = models.ForeignKey(
        "community.VmboProfile", on_delete=models.DO_NOTHING, db_constraint=False, related_name="+"
    )
    status = models.CharField(max_length=20)
    rank = models.SmallIntegerField()  # STATUS_RANK of status: the inventory takes the best per person

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["school", "person", "profile"], name="storedstatus_once"),
        ]
        indexes = [models.Index(fields=["person"], name="storedstatus_person")]

    def __str__(self):
        return f"{self.school_id}/{self.person_id}/{self.profile_id}: {self.status}"


class StoredStatusSchool(models.Model):
    """When a school's stored statuses were computed, and the first day they may go stale.

    `valid_until` is the next date a membership starts or ends or a record becomes valid at
    that school (null: nothing scheduled). The row with school id 0 marks the whole table as
    built (by `rebuild_statuses` or lazily on first read).
    """

    school_id = models.BigIntegerField(primary_key=True)
    computed_on = models.DateField()
    valid_until = models.DateField(null=True, db_index=True)

    def __str__(self):
        return f"{self.school_id}: {self.computed_on} → {self.valid_until}"
