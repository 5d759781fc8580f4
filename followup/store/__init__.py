"""Where users' data lives: the Repository contract (protocol.py), one codec, two backends.

tinydb/ keeps one file per user (the embedded default), postgres/ a database shared by replicas;
both write model objects through codec.py. persistence.py and migrate.py work over the contract.
"""
