"""The weekly report (周报): its five parts, built from the workspace, and the week's notes."""
