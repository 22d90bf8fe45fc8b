"""The patient record file: one patient per JSON document, ``"format_version": 3`` (1, 2 still read).

Export with :func:`record_document`, read with :func:`load_record_file` or
:func:`parse_record`; the schema is :func:`record_schema`
(``docs/record.schema.json``, described in ``docs/record-format.md``).
"""

from mmtracker.record.document import record_document
from mmtracker.record.reading import load_record_file, parse_record, record_history
from mmtracker.record.schema import FORMAT_VERSION, record_schema

__all__ = [
    "FORMAT_VERSION",
    "load_record_file",
    "parse_record",
    "record_document",
    "record_history",
    "record_schema",
]
