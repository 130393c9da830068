"""Make a synthetic data/ tree N times the real content, for `make bench` (scaling).

    python scripts/synthetic_data.py --scale N --out DIR

DIR becomes a full data/ tree: a copy of the real data/ plus N-1 extra themes, each a
renamed copy of every real theme, and a copy of every practice example pointing at them.
Ids the loader checks for uniqueness (themes, focus areas, questions, approaches, strands
and the other anchors) get a "-copyK" suffix; example numbers are shifted past the real
ones; question texts, which must not repeat, get " (copy K)". Everything else, such as
behaviours and evidence sources, stays shared, as it would in a bigger real report.
The result is plain YAML the project's loader accepts (no aliases, no tags, no tabs).
"""
from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
THEMES = "themes"
EXAMPLES = "examples.yaml"


class _PlainDumper(yaml.SafeDumper):
    """The loader refuses anchors and aliases, so never write them for shared objects."""

    def ignore_aliases(self, data):
        return True


def write_yaml(path: Path, value) -> None:
    text = yaml.dump(value, Dumper=_PlainDumper, allow_unicode=True, sort_keys=False, width=10**6)
    path.write_text(text, encoding="utf-8")


def read_yaml(path: Path):
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def copy_theme(value, suffix: str, copy: int, example_ids: dict[str, str]):
    """The theme with every id renamed, example references redirected, questions reworded."""
    if isinstance(value, list):
        return [copy_theme(item, suffix, copy, example_ids) for item in value]
    if not isinstance(value, dict):
        return value
    result = {key: copy_theme(item, suffix, copy, example_ids) for key, item in value.items()}
    if isinstance(result.get("id"), str):
        result["id"] += suffix
    if isinstance(result.get("example"), str):
        result["example"] = example_ids.get(result["example"], result["example"])
    if "questions" in result:
        result["questions"] = [{**q, "text": f"{q['text']} (copy {copy})"} for q in result["questions"]]
    return result


def retitle(theme: dict, copy: int) -> dict:
    """Distinct titles, so the navigation and search results of a copy are told apart."""
    areas = [{**area, "title": f"{area['title']} (copy {copy})"} for area in theme["focus_areas"]]
    return {**theme, "title": f"{theme['title']} (copy {copy})", "focus_areas": areas}


def copy_example(example: dict, suffix: str, copy: int, offset: int) -> dict:
    return {**example, "id": example["id"] + suffix, "number": example["number"] + offset,
            "title": f"{example['title']} (copy {copy})", "theme": example["theme"] + suffix,
            "focus_area": example["focus_area"] + suffix,
            "approaches": [a + suffix for a in example["approaches"]]}


def make_data(scale: int, out: Path, source: Path = ROOT / "data") -> None:
    """Write the data/ tree for `scale` times the real content into `out`."""
    if scale < 1:
        raise ValueError("the scale must be 1 or more")
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(source, out)
    themes = sorted((source / THEMES).glob("*.yaml"))
    examples_file = read_yaml(source / EXAMPLES)
    examples = list(examples_file["examples"])
    step = max(e["number"] for e in examples)
    for copy in range(2, scale + 1):
        suffix = f"-copy{copy}"
        example_ids = {e["id"]: e["id"] + suffix for e in examples}
        for path in themes:
            theme = retitle(copy_theme(read_yaml(path), suffix, copy, example_ids), copy)
            write_yaml(out / THEMES / f"{path.stem}{suffix}.yaml", theme)
        examples_file["examples"] += [copy_example(e, suffix, copy, step * (copy - 1)) for e in examples]
    if scale > 1:
        write_yaml(out / EXAMPLES, examples_file)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, required=True, help="how many times the real content")
    parser.add_argument("--out", type=Path, required=True, help="the data/ folder to write (replaced)")
    args = parser.parse_args(argv)
    make_data(args.scale, args.out)
    print(f"Wrote {args.scale}x data to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
