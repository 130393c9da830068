"""JSON Schemas for editors, generated from the same models the loader validates with.

`python -m kb.jsonschemas` (or `make schemas`) writes schemas/<name>.schema.json; each data file
names its schema on its first line, so editors get completion and inline errors. A test
fails when a committed schema differs from the models.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .kinds import DATA_FILES

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"


def schema_files() -> dict[str, dict]:
    """File name -> JSON Schema, one per kind of data file."""
    return {f"{schema_name(data_file)}.schema.json": _schema(data_file) for data_file in DATA_FILES}


def schema_name(data_file) -> str:
    """The schema's name: the file's ("examples"), or for a folder of files its singular ("theme")."""
    return data_file.name.removesuffix("s") if data_file.many else data_file.pattern.removesuffix(".yaml")


def _schema(data_file) -> dict:
    schema = data_file.model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"data/{data_file.pattern.replace('*', '<id>')}"
    return schema


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False, sort_keys=True) + "\n"


def main() -> int:
    SCHEMA_DIR.mkdir(exist_ok=True)
    for name, schema in schema_files().items():
        (SCHEMA_DIR / name).write_text(render(schema), encoding="utf-8")
    print(f"Wrote {len(schema_files())} schemas to {SCHEMA_DIR.relative_to(ROOT)}/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
