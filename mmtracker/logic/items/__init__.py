"""Care items of clinical-rules.md §11, one module per topic."""
