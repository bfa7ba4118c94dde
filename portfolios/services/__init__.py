"""Write operations of the dossier. `record_evidence` is the public API for other apps."""

from .evidence import record_evidence, withdraw_evidence

__all__ = ["record_evidence", "withdraw_evidence"]
