"""Staff access without Qt: the PIN hash, the escalating lockout of the PIN pad, and `set-pin`."""
