"""The PostgreSQL backend: plain SQL through psycopg's pool, the queue's claims shared by replicas.

repository.py is the async Repository, statements.py its SQL, schema.py applies migrations/*.sql,
lock.py decides which replica is active.
"""

from followup.store.postgres.lock import ActiveLock, lock_key
from followup.store.postgres.repository import PostgresRepository
from followup.store.postgres.schema import latest_version, migrate

__all__ = ["ActiveLock", "PostgresRepository", "latest_version", "lock_key", "migrate"]
