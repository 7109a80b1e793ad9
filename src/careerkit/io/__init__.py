"""Plans and results as JSON documents: strict, bounded reading, writing, versions and schema.

:mod:`careerkit.io.documents` holds :func:`loads` and :func:`dumps`, the
schema versions and their migrations, over the private converter of
``careerkit.io._converter``;
:mod:`careerkit.io.results` holds the registry of result types, which are
documents too, and builds their documents and schemas;
:mod:`careerkit.io.schema` builds the JSON Schema of a plan;
:mod:`careerkit.io.reading` is the one strict JSON reader of every document.
"""

from careerkit.io.documents import (
    DEFAULT_MAX_SIZE,
    SCHEMA_VERSION,
    dumps,
    from_dict,
    json_schema,
    loads,
    structure_value,
    to_dict,
    unstructure_value,
)
from careerkit.io.reading import read_json
from careerkit.io.results import result_document, result_kinds

__all__ = [
    "DEFAULT_MAX_SIZE",
    "SCHEMA_VERSION",
    "dumps",
    "from_dict",
    "json_schema",
    "loads",
    "read_json",
    "result_document",
    "result_kinds",
    "structure_value",
    "to_dict",
    "unstructure_value",
]
