"""Facts about a built site folder, shared by the scaling and page-weight parts."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

SEARCH_INDEX = "search/search_index.json"
NOT_A_PAGE = {"404.html"}  # MkDocs' error page is in every site but in no navigation


@dataclass(frozen=True)
class SiteFiles:
    pages: int
    html_bytes: int
    total_bytes: int
    search_index_bytes: int


def survey(site: Path) -> SiteFiles:
    files = [p for p in site.rglob("*") if p.is_file()]
    pages = [p for p in files if p.suffix == ".html" and p.relative_to(site).as_posix() not in NOT_A_PAGE]
    return SiteFiles(len(pages), sum(p.stat().st_size for p in pages),
                     sum(p.stat().st_size for p in files), (site / SEARCH_INDEX).stat().st_size)


def differing_pages(one: Path, other: Path) -> tuple[int, int]:
    """How many HTML files differ between two built sites, of how many in the first."""
    pages = [p.relative_to(one) for p in one.rglob("*.html")]
    differ = sum(not (other / p).is_file() or (one / p).read_bytes() != (other / p).read_bytes() for p in pages)
    return differ, len(pages)


def kib(size: float) -> str:
    return f"{size / 1024:.1f} KB"


def mib(size: float) -> str:
    return f"{size / 1024 / 1024:.1f} MB"
