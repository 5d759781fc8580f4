"""The use cases, Telegram-free, over the Repository protocol: finish a debrief, record a thank-you
or a follow-up, snooze, hear back, edit, settings. Each takes the `Ports` first, then plain values.
"""
