"""Keeping things: the Repository contract on both backends, TinyDB files, PostgreSQL, migration."""
