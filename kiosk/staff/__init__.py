"""Staff access without Qt: the PIN and its lockout, `set-pin`, drives and report export."""
