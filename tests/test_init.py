"""``briefing init``: a new briefing project that builds once its three fields are filled in, of no other story."""

from __future__ import annotations

import json

from generator import cli
from generator.find import CATEGORY_FOLDERS

OTHER_STORY = ("Kursk", "North Korea", "Pyongyang", "Ukraine", "Russia", "kursk-report")


def fill_in(project):
    briefing = project / "content/briefing.yml"
    text = briefing.read_text(encoding="utf-8")
    for key, value in (
        ("title", "Harbour closure"),
        ("as_of", "2025-03-01"),
        ("summary", "The port closed."),
    ):
        assert f"\n{key}:\n" in text
        text = text.replace(f"\n{key}:\n", f"\n{key}: {value}\n", 1)
    briefing.write_text(text, encoding="utf-8")


def test_init_then_three_fields_then_build_gives_a_site_of_that_story_only(tmp_path, capsys):
    project = tmp_path / "harbour"
    assert cli.main(["init", str(project)]) == cli.EXIT_OK
    assert f"wrote a new briefing project in {project.as_posix()}" in capsys.readouterr().out
    assert cli.main(["check", "--content", str(project / "content")]) == cli.EXIT_INVALID
    capsys.readouterr()

    fill_in(project)
    site = tmp_path / "site"
    built = cli.main(
        [
            "build",
            "--config",
            str(project / "mkdocs.yml"),
            "--content",
            str(project / "content"),
            "--site-dir",
            str(site),
        ]
    )
    assert built == cli.EXIT_OK, capsys.readouterr().err
    pages = [path for path in site.rglob("*") if path.suffix in (".html", ".xml", ".json", ".csv")]
    assert "Harbour closure" in (site / "index.html").read_text(encoding="utf-8")
    for page in pages:
        text = page.read_text(encoding="utf-8")
        assert not [word for word in OTHER_STORY if word in text], page
    assert 'href="assets/stylesheets/briefing.css"' in (site / "index.html").read_text(encoding="utf-8")


def test_the_project_holds_the_category_folders_editor_settings_and_workflow(tmp_path):
    project = tmp_path / "new"
    assert cli.main(["init", str(project)]) == cli.EXIT_OK
    for category in CATEGORY_FOLDERS:
        assert (project / "content" / category).is_dir(), category
    settings = json.loads((project / ".vscode/settings.json").read_text(encoding="utf-8"))
    for schema, globs in settings["yaml.schemas"].items():
        assert (project / schema).is_file(), schema
        assert schema.startswith("./.briefing/schemas/"), schema  # where check and serve keep them fresh
        assert globs[0].startswith("content/")
    assert "briefing build --site-dir site" in (project / ".github/workflows/pages.yml").read_text()
    assert (project / ".gitignore").read_text().splitlines() == ["site/", ".venv/", ".briefing/"]
    assert "site_description" not in (project / "mkdocs.yml").read_text()


def test_a_folder_that_is_not_empty_is_refused_and_left_as_it_was(tmp_path, capsys):
    (tmp_path / "notes.txt").write_text("mine", encoding="utf-8")
    assert cli.main(["init", str(tmp_path)]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing init: {tmp_path.as_posix()} is not empty; give a new or empty folder (nothing in it is "
        "changed)\n"
    )
    assert [path.name for path in tmp_path.iterdir()] == ["notes.txt"]


def test_a_file_where_the_folder_goes_is_refused(tmp_path, capsys):
    (tmp_path / "taken").write_text("", encoding="utf-8")
    assert cli.main(["init", str(tmp_path / "taken")]) == cli.EXIT_USAGE
    assert capsys.readouterr().err == (
        f"briefing init: {(tmp_path / 'taken').as_posix()} is a file; give a new or empty folder\n"
    )


def test_an_empty_folder_is_used(tmp_path):
    assert cli.main(["init", str(tmp_path)]) == cli.EXIT_OK
    assert (tmp_path / "content/briefing.yml").is_file()


def test_the_project_takes_the_theme_by_name_and_keeps_a_folder_for_its_own_overrides(tmp_path, capsys):
    project = tmp_path / "new"
    assert cli.main(["init", str(project)]) == cli.EXIT_OK
    config = (project / "mkdocs.yml").read_text(encoding="utf-8")
    assert "\n  name: briefing  #" in config
    assert "\n  custom_dir: site_theme  #" in config
    assert "\n  - material/search  #" in config  # the search box's own search, not MkDocs'
    assert [path.name for path in (project / "site_theme").iterdir()] == ["README.md"]
    assert "theme.custom_dir" in (project / "site_theme/README.md").read_text(encoding="utf-8")
    assert (project / "requirements.txt").read_text(encoding="utf-8").splitlines()[-1] == "briefing-site"
    fill_in(project)
    site = tmp_path / "site"
    assert (
        cli.main(
            [
                "build",
                "--config",
                str(project / "mkdocs.yml"),
                "--content",
                str(project / "content"),
                "--site-dir",
                str(site),
            ]
        )
        == cli.EXIT_OK
    )
    claims = (site / "guide" / "index.html").read_text(encoding="utf-8")
    assert 'class="briefing-as-of"' in claims
    assert "assets/stylesheets/briefing.css" in claims
    assert (site / "assets/stylesheets/briefing.css").is_file()
    assert not (site / "README.md").exists() and not (site / "site_theme").exists()
