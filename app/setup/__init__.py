"""First start of a workstation: the choices of the setup wizard, checking a server, and
writing them into the user's lotse.toml (the wizard itself is in ui/)."""
