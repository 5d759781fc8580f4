"""Running the process: settings, the data-folder lock, logging, health, metrics, the city index."""
