"""Write operations of the dossier. `record_evidence` is the public API for other apps."""

from .evidence import EvidenceFile, record_evidence, withdraw_evidence

__all__ = ["EvidenceFile", "record_evidence", "withdraw_evidence"]
