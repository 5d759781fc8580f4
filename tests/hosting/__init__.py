"""Running the bot: settings, start-up, the lock, webhook, health, metrics, logs, packaging."""
