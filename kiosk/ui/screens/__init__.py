"""The patient screens: attract, home, reader (and its task lists), documents, take-home, the idle
question, after hours, and the quiz."""
