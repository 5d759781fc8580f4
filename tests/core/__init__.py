"""The pure rules: time words, working days, plans, verdicts, drafts and the words they use."""
