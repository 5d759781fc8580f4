"""Use cases on the in-memory repository: user stories with a fixed clock, no Telegram."""
