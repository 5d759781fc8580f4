"""The embedded backend: one TinyDB file per user, the nudge queue indexed in memory.

layout.py says where the files lie, storage.py writes each one crash-safely, files.py opens and
holds them, store.py reads and writes model objects in them, repository.py is the async Repository.
"""

from followup.store.tinydb.files import UserFiles
from followup.store.tinydb.layout import (
    CONVERSATIONS,
    INTERVIEWS,
    NUDGES,
    SETTINGS,
    USER_DATA,
    USERS_DIR,
    StartupSnapshot,
    shard_of,
)
from followup.store.tinydb.repository import TinyRepository
from followup.store.tinydb.storage import CorruptDataFile
from followup.store.tinydb.store import Store

__all__ = [
    "CONVERSATIONS",
    "INTERVIEWS",
    "NUDGES",
    "SETTINGS",
    "USERS_DIR",
    "USER_DATA",
    "CorruptDataFile",
    "StartupSnapshot",
    "Store",
    "TinyRepository",
    "UserFiles",
    "shard_of",
]
