"""The tests, by what they test: core rules, the store, handlers, the bot end to end, hosting
and long runs; support/ holds what they share."""
