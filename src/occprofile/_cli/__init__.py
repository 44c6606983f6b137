"""The command line: one subcommand per question, text for people, JSON and CSV for programs."""
