"""What the tests share: the fake Bot API, the bot starter, the clock, the chat driver and
a throwaway PostgreSQL cluster."""
