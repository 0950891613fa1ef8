"""The daily screen: its panels, rows, agenda and the item forms it opens."""
