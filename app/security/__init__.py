"""Who may do what: accounts, sign-in, permissions and the audit trail.

No imports here, so that each module of the package stands on its own."""
