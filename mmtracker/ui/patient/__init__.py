"""The Patient view: one patient's header, care items, assessment details, labs, entries and figures."""
