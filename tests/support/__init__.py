"""What tests share: fakes and drivers that stand in for the world around the bot."""
