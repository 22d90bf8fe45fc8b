"""The Patients place: every patient of the database, searched by MRN or name."""
