"""Single pieces of the Telegram side below a whole conversation: button data, dispatch, pacing."""
