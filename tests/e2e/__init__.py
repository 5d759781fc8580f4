"""The real bot against the fake Bot API, one conversation at a time, on both stores."""
