"""JSON Schemas for editors, generated from the same models the loader validates with.

`python -m kb.schemas` (or `make schemas`) writes schemas/<name>.schema.json; each data file
names its schema on its first line, so editors get completion and inline errors. A test
fails when a committed schema differs from the models.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

from .loader import DATA_FILES
from .schema import Theme

ROOT = Path(__file__).resolve().parent.parent
SCHEMA_DIR = ROOT / "schemas"


def schema_files() -> dict[str, dict]:
    """File name -> JSON Schema, one per kind of data file."""
    models = {name.removesuffix(".yaml"): model for name, model in DATA_FILES.items()}
    models["theme"] = Theme
    return {f"{name}.schema.json": _schema(name, model) for name, model in models.items()}


def _schema(name, model) -> dict:
    schema = model.model_json_schema()
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = f"data/{'themes/<id>' if name == 'theme' else name}.yaml"
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
