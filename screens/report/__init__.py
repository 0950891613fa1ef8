"""The weekly report preview and the week's notes form."""
