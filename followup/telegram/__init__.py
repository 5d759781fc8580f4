"""The Bot API side: the terminal stand-in, requests, rate limits, pacing, scheduling, serving.

No coaching rules here: those are in followup.core.
"""
