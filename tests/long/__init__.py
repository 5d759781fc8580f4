"""Long runs sized by long_run_size: crashes, restarts, faults, fuzzing and failover."""
