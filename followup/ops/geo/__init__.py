"""Places on Earth: the city index that turns "Munich" into Europe/Berlin (built once, on disk)."""
