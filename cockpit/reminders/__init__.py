"""Reminders for an always-open app: what is coming due now (`due`), what was already
told today by any cockpit (`sent`, in `reminders.json`), how the terminal is told
(`terminal`: OSC 9, OSC 777, tmux passthrough) and the words of a reminder (`words`)."""
