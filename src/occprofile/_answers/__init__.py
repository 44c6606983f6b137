"""Answers: the questions a career profile asks, as small modules over the store."""
