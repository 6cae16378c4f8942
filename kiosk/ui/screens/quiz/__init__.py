"""The quiz: the round's flow, one question, the results, and their building blocks."""
