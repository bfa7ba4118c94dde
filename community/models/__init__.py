from .forum import *  # noqa: F403
from .gdpr import ErasureRequest, ErasureStatus
from .organisations import Membership, Organisation, Role, SchoolType, Team, VmboProfile
from .pages import ArticleIndexPage, ArticlePage, HomePage
from .people import Invitation, Person
from .scheduling import JobRunStatus, PeriodicJobRun
from .security import SecurityEvent, SecurityEventKind

__all__ = [
    "ArticleIndexPage",
    "ArticlePage",
    "HomePage",
    "ErasureRequest",
    "ErasureStatus",
    "Invitation",
    "JobRunStatus",
    "Membership",
    "Organisation",
    "PeriodicJobRun",
    "Person",
    "Role",
    "SchoolType",
    "SecurityEvent",
    "SecurityEventKind",
    "Team",
    "VmboProfile",
]
