"""Pure clinical knowledge: no Qt, no database, no files, no clock."""
