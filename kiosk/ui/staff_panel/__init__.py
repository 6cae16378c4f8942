"""Staff mode: the hidden way in, the PIN pad and the staff panel's pages."""
