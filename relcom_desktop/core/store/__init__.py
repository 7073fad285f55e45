"""The data file itself: finding, creating, opening and upgrading it, encryption, backups and
restores, recovery after a crash, the instance lock, the audit trail, and the health check."""
