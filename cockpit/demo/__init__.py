"""The bundled demo workspace: a PostgreSQL PM's week, built fresh against the clock."""
