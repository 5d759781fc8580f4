"""Where users' data lives: the repository contract and its backends."""
