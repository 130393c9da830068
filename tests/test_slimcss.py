"""Material's stylesheet trimmed to what the site uses (kb/slimcss.py): rules the site can
match stay, rules it cannot go, and a component the bundle draws only when a setting is
on keeps its rules exactly when the setting is on."""
from __future__ import annotations

from pathlib import Path

import pytest

from kb.slimcss import Usage, components_off, slim

CSS = (".md-nav{a:1}.md-version__list{b:2}.md-tooltip2{c:3}.kb-own{d:4}.unused-thing{e:5}"
       "p:not(.never-there){f:6}@media print{.md-version{g:7}.md-nav{h:8}}")


def config(**overrides) -> dict:
    base = {"theme": {"features": []}, "markdown_extensions": [], "extra": {}, "repo_url": None}
    return {**base, **overrides}


def site(tmp_path: Path, page: str, bundle: str = "", ours: str = "") -> Path:
    (tmp_path / "assets/javascripts").mkdir(parents=True)
    (tmp_path / "javascripts").mkdir()
    (tmp_path / "index.html").write_text(page, encoding="utf-8")
    (tmp_path / "assets/javascripts/bundle.min.js").write_text(bundle, encoding="utf-8")
    (tmp_path / "javascripts/ours.js").write_text(ours, encoding="utf-8")
    return tmp_path


def test_rules_the_pages_can_match_stay_and_the_others_go(tmp_path):
    usage = Usage.of_site(site(tmp_path, '<nav class="md-nav"><p class="kb-own">x</p></nav>'))
    kept = slim(CSS, usage)
    assert ".md-nav{a:1}" in kept and ".kb-own{d:4}" in kept
    assert "p:not(.never-there)" in kept, "what :not() excludes need not exist"
    assert "unused-thing" not in kept and "md-tooltip2" not in kept
    assert "@media print{.md-nav{h:8}}" in kept and ".md-version{g:7}" not in kept


def test_a_component_the_bundle_draws_only_when_turned_on_goes_while_it_is_off(tmp_path):
    root = site(tmp_path, '<nav class="md-nav"></nav>', bundle='x("div",{class:"md-version__list md-tooltip2"})')
    off = components_off(config())
    kept = slim(CSS, Usage.of_site(root, off))
    assert "md-version" not in kept, "versioning is off: the bundle never draws its list"
    assert ".md-tooltip2{c:3}" in kept, "not a switched component: the bundle's mention keeps it"


def test_turning_the_setting_on_brings_the_rules_back(tmp_path):
    root = site(tmp_path, "<p></p>", bundle='x("div",{class:"md-version__list"})')
    off = components_off(config(extra={"version": {"provider": "mike"}}))
    assert ".md-version__list{b:2}" in slim(CSS, Usage.of_site(root, off))


def test_our_own_scripts_and_pages_count_whatever_the_settings(tmp_path):
    root = site(tmp_path, '<p class="md-version">v</p>', ours='el.className = "md-version__list"')
    kept = slim(CSS, Usage.of_site(root, components_off(config())))
    assert ".md-version__list{b:2}" in kept and ".md-version{g:7}" in kept


def test_settings_that_turn_components_on():
    assert "md-source" not in components_off(config(repo_url="https://example.org/repo"))
    assert "md-code" not in components_off(config(theme={"features": ["content.code.copy"]}))
    assert {"highlight", "highlighttable"}.isdisjoint(components_off(config(markdown_extensions=["pymdownx.highlight"])))
    assert {"md-source", "md-code", "tabbed", "md-annotation"} <= components_off(config())


def test_the_built_site_keeps_the_components_it_turns_on(built_site):
    css = next((built_site / "assets/stylesheets").glob("main.*.min.css")).read_text(encoding="utf-8")
    assert ".md-search-result" in css, "search results are drawn by the bundle"
    assert ".md-tooltip2" in css, "content.tooltips is on"
    assert ".md-version" not in css and ".tabbed-set" not in css


def test_prose_names_no_class_but_tags_and_inline_scripts_do(tmp_path):
    css = ".note{a:1}.kb-tip{b:2}.kb-set{c:3}.kb-late{d:4}"
    page = ('<p title="a > b" class="kb-tip">A note on highlights.</p>'
            '<script>document.body.classList.add("kb-set")</script><p data-x=\'>\' class="kb-late"></p>')
    kept = slim(css, Usage.of_site(site(tmp_path, page)))
    assert ".note" not in kept, "the word only appears in the text a reader reads"
    assert ".kb-tip{b:2}" in kept and ".kb-set{c:3}" in kept and ".kb-late{d:4}" in kept


def test_words_in_a_json_island_keep_no_rule(tmp_path):
    css = ".highlight .o{a:1}.kb-set{b:2}"
    page = ('<script id="__config" type="application/json">{"features": ["search.highlight"], "o": 1}</script>'
            '<script>document.body.classList.add("kb-set")</script>')
    kept = slim(css, Usage.of_site(site(tmp_path, page, bundle="var o")))
    assert ".highlight" not in kept, "Material's settings name a feature, not a class"
    assert ".kb-set{b:2}" in kept


@pytest.mark.parametrize("page, right_to_left_kept", [
    ('<body dir="ltr"><nav class="md-nav"></nav></body>', False),
    ('<body dir="ltr"><nav class="md-nav"><p dir="rtl">نص</p></nav></body>', True),
    ("<body dir=RTL><nav class='md-nav'><p dir = 'ltr'>x</p></nav></body>", True),
])
def test_a_right_to_left_rule_stays_only_where_a_page_is_written_right_to_left(tmp_path, page, right_to_left_kept):
    css = "[dir=ltr] .md-nav{a:1}[dir=rtl] .md-nav{b:2}.md-nav:not([dir=rtl]){c:3}[dir=rtl] .md-nav,.md-nav{d:4}"
    # Material's bundle reads the direction ("rtl") but never sets it: its words do not count here.
    kept = slim(css, Usage.of_site(site(tmp_path, page, bundle='e.getAttribute("dir")==="rtl"')))
    assert "[dir=ltr] .md-nav{a:1}" in kept and ".md-nav:not([dir=rtl]){c:3}" in kept
    assert ("[dir=rtl] .md-nav{b:2}" in kept) is right_to_left_kept
    assert (".md-nav{d:4}" if not right_to_left_kept else "[dir=rtl] .md-nav,.md-nav{d:4}") in kept


def test_the_parsed_stylesheet_is_kept_for_the_next_build(tmp_path, monkeypatch):
    from kb import slimcss
    usage = Usage.of_site(site(tmp_path / "site", '<nav class="md-nav"></nav>'))
    kept_at = tmp_path / "kept/stylesheet-main.json"
    slimcss._parsed.cache_clear()  # as in a new build process
    first = slim(CSS, usage, kept_at)
    assert kept_at.is_file()
    slimcss._parsed.cache_clear()
    monkeypatch.setattr(slimcss, "_blocks", lambda rules: pytest.fail("parsed the stylesheet again"))
    assert slim(CSS, usage, kept_at) == first


def test_a_kept_file_that_does_not_fit_is_parsed_afresh(tmp_path):
    from kb import slimcss
    usage = Usage.of_site(site(tmp_path / "site", '<nav class="md-nav"></nav>'))
    kept_at = tmp_path / "kept/stylesheet-main.json"
    slimcss._parsed.cache_clear()
    expected = slim(CSS, usage, kept_at)
    key = __import__("json").loads(kept_at.read_text(encoding="utf-8"))["key"]
    for broken in ("{", '{"key": "%s", "content": [{"selectors": 3}]}' % key, '{"key": "other", "content": []}'):
        kept_at.write_text(broken, encoding="utf-8")
        slimcss._parsed.cache_clear()
        assert slim(CSS, usage, kept_at) == expected


def own_files(root: Path) -> Path:
    (root / "stylesheets").mkdir(parents=True)
    (root / "javascripts").mkdir()
    (root / "stylesheets/site.css").write_text("/* why */\n.kb-a  {\n  color : red ;\n}\n", encoding="utf-8")
    (root / "javascripts/a.js").write_text("// why\nvar  answer = 42 ;\n", encoding="utf-8")
    return root


def served(root: Path) -> dict[str, str]:
    return {p.relative_to(root).as_posix(): p.read_text(encoding="utf-8") for p in sorted(root.rglob("*.*"))}


def test_our_files_are_minified_and_what_they_became_is_kept_for_the_next_build(tmp_path, monkeypatch):
    from kb import slimcss
    kept_at = tmp_path / "kept/minified.json"
    slimcss.minify_own(own_files(tmp_path / "first"), kept_at)
    first = served(tmp_path / "first")
    assert first == {"javascripts/a.js": "var answer=42;", "stylesheets/site.css": ".kb-a { color : red ; }"}
    fail = lambda text: pytest.fail("minified again")  # noqa: E731
    monkeypatch.setattr(slimcss, "OWN", {pattern: fail for pattern in slimcss.OWN})
    slimcss.minify_own(own_files(tmp_path / "second"), kept_at)
    assert served(tmp_path / "second") == first


def test_an_edited_file_or_a_kept_file_that_does_not_fit_is_minified_afresh(tmp_path):
    from kb import slimcss
    kept_at = tmp_path / "kept/minified.json"
    slimcss.minify_own(own_files(tmp_path / "first"), kept_at)
    expected = served(tmp_path / "first")
    key = __import__("json").loads(kept_at.read_text(encoding="utf-8"))["key"]
    for n, broken in enumerate(("{", '{"key": "%s", "content": [1]}' % key, '{"key": "%s", "content": {"x": 3}}' % key)):
        kept_at.write_text(broken, encoding="utf-8")
        slimcss.minify_own(own_files(tmp_path / f"broken-{n}"), kept_at)
        assert served(tmp_path / f"broken-{n}") == expected
    edited = own_files(tmp_path / "edited")
    (edited / "javascripts/a.js").write_text("var  answer = 43 ;\n", encoding="utf-8")
    slimcss.minify_own(edited, kept_at)
    assert served(edited)["javascripts/a.js"] == "var answer=43;"
