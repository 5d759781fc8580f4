"""The coaching itself, free of Telegram and of storage: the rules, the plan, the words' data.

Everything here is a pure function of plain values and a clock passed in.
"""
