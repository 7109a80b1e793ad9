"""Plans as JSON documents: strict, bounded reading, writing, versions and schema.

:mod:`careerkit.io.documents` holds the converter, :func:`loads` and
:func:`dumps`, the schema versions and their migrations;
:mod:`careerkit.io.schema` builds the JSON Schema of a plan.
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

__all__ = [
    "DEFAULT_MAX_SIZE",
    "SCHEMA_VERSION",
    "dumps",
    "from_dict",
    "json_schema",
    "loads",
    "structure_value",
    "to_dict",
    "unstructure_value",
]
