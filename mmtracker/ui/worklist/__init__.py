"""The Worklist place: what is due, overdue or alerting, for every live patient."""
