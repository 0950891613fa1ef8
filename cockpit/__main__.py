"""`python -m cockpit` is the same as the `cockpit` console script."""

from cockpit.cli import run

# Guarded: feed-parsing worker processes import the main module, and must not start a
# second cockpit when they do.
if __name__ == "__main__":
    run()
