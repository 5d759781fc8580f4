"""Follow-up Coach: the core rules and the adapters around them (store, scheduler, settings)."""
