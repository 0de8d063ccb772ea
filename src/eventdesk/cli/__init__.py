"""The command line; with no command it starts the desktop program."""
