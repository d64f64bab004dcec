"""Services: every action of the app and the CLI, with permission, validation and audit in
one transaction."""
