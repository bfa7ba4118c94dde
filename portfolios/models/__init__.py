"""The dossier's models, one module per feature:

- evidence: portfolio entries (and the evidence other apps record)
- dossier: needs inventory, development plan, learning goals, activities, sharing
- plan_review: notices about plan steps, a school's named plan approver
- authorisation: qualifications, conversion rules, authorisation per profile
- status_store: the stored (derived) authorisation status per teacher × profile
"""

from .authorisation import *  # noqa: F403
from .dossier import *  # noqa: F403
from .evidence import *  # noqa: F403
from .plan_review import *  # noqa: F403
from .status_store import *  # noqa: F403
