"""Schemas that know the briefing's ids: the editor completes them, rejects others, and says what a date is."""

from __future__ import annotations

import json
import textwrap
from pathlib import Path

import jsonschema
import pytest
from generator import editor_schemas, load, schema
from generator.cli import main
from generator.dates import FORMS, TIME_FORMS

from conftest import MINIMAL, ROOT
from test_schema import as_editor_reads

SCHEMAS = Path(".briefing/schemas")


@pytest.fixture
def project(tmp_path, monkeypatch):
    """A briefing project (mkdocs.yml beside content/ holding MINIMAL) as the current folder."""
    monkeypatch.chdir(tmp_path)
    (tmp_path / "mkdocs.yml").write_text("site_name: A briefing\n", encoding="utf-8")
    for name, text in MINIMAL.items():
        write(tmp_path / "content" / name, text)
    return tmp_path


def write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(text), encoding="utf-8")


def generated(folder: Path, name: str) -> dict:
    return json.loads((folder / f"{name}.schema.json").read_text(encoding="utf-8"))


def editor_errors(folder: Path, relative: str, text: str) -> list[jsonschema.ValidationError]:
    """What the generated schema finds wrong in a file, as an editor reads it and shows it.

    A file holds one entity or a list of them: of a choice, the editor shows the errors of the choices of
    the value's type.
    """
    problems: list = []
    node = load.parse(textwrap.dedent(text), relative, problems)
    assert problems == []
    validator = jsonschema.Draft7Validator(generated(folder, Path(relative).parts[0].removesuffix(".yml")))
    return [leaf for error in validator.iter_errors(as_editor_reads(node)) for leaf in leaves(error)]


def leaves(error: jsonschema.ValidationError) -> list[jsonschema.ValidationError]:
    if not error.context:
        return [error]
    of_its_type = [sub for sub in error.context if sub.validator != "type" or sub.relative_path]
    return [leaf for sub in of_its_type for leaf in leaves(sub)]


def claim_with_stance(actor: str, date: str = "2024") -> str:
    return f"""\
        id: claim-one
        title: A claim
        statement: Something happened.
        status: unverified
        stances:
          - actor: {actor}
            position: asserts
            date: {date}
            sources: [src]
        """


def test_the_schema_command_writes_schemas_that_name_the_briefings_ids(project, capsys):
    assert main(["schema", "--out", "editor"]) == 0
    assert capsys.readouterr().out == "editor: 7 schemas naming 4 ids (7 written, 0 already current)\n"
    assert sorted(path.name for path in (project / "editor").iterdir()) == sorted(schema.content_schemas())


def test_a_stance_naming_an_actor_the_briefing_lacks_is_rejected_and_a_known_one_accepted(project):
    main(["schema", "--out", "editor"])
    folder = project / "editor"
    [error] = editor_errors(folder, "claims/claim.yml", claim_with_stance("gamma"))
    assert error.message == "'gamma' is not one of ['alpha', 'beta']"
    assert list(error.absolute_path) == ["stances", 0, "actor"]
    assert editor_errors(folder, "claims/claim.yml", claim_with_stance("beta")) == []


def test_completion_offers_every_actor_id_with_its_name_and_only_ids_of_the_right_category(project):
    write(project / "content/actors/more.yml", "id: gamma\nname: Gamma  Republic\nkind: state\n")
    main(["schema", "--out", "editor"])
    definitions = generated(project / "editor", "claims")["definitions"]
    actor = definitions["Stance"]["properties"]["actor"]
    assert (actor["enum"], actor["enumDescriptions"]) == (
        ["alpha", "beta", "gamma"],
        ["Alpha", "Beta", "Gamma Republic"],
    )
    related = definitions["Claim"]["properties"]["related"]["items"]
    assert (related["enum"], related["enumDescriptions"]) == (["claim-one"], ["A claim"])
    source = definitions["Citation"]["properties"]["source"]
    assert (source["enum"], source["enumDescriptions"]) == (["src"], ["A source"])


def test_an_id_of_digits_is_offered_as_the_number_yaml_reads_it_as(project):
    write(project / "content/actors/more.yml", "id: '1945'\nname: The year's actor\nkind: state\n")
    main(["schema", "--out", "editor"])
    folder = project / "editor"
    assert editor_errors(folder, "claims/claim.yml", claim_with_stance("1945")) == []
    actor = generated(folder, "claims")["definitions"]["Stance"]["properties"]["actor"]
    assert actor["enum"][-2:] == ["1945", 1945]
    assert actor["enumDescriptions"][-2:] == ["The year's actor", "The year's actor"]


def test_a_briefing_without_actors_yet_accepts_any_well_formed_actor_id(project):
    write(project / "content/actors/actors.yml", "[]\n")
    main(["schema", "--out", "editor"])
    folder = project / "editor"
    assert editor_errors(folder, "claims/claim.yml", claim_with_stance("someone")) == []
    [error] = editor_errors(folder, "claims/claim.yml", claim_with_stance("Some_One"))
    assert list(error.absolute_path) == ["stances", 0, "actor"]


@pytest.mark.parametrize(
    "relative, text, path",
    [
        ("briefing.yml", "title: T\nas_of: August 2024\nsummary: S\n", ["as_of"]),
        ("claims/claim.yml", claim_with_stance("alpha", "19 August 2024"), ["stances", 0, "date"]),
    ],
    ids=["required date", "optional date"],
)
def test_a_malformed_date_gets_one_error_with_the_checks_words_not_expected_integer(
    project, relative, text, path
):
    main(["schema", "--out", "editor"])
    [error] = editor_errors(project / "editor", relative, text)
    assert (error.validator, list(error.absolute_path)) == ("pattern", path)
    one_or_a_list = 0 if relative == "briefing.yml" else 1  # the one choice a category file has
    assert list(error.absolute_schema_path).count("anyOf") == one_or_a_list
    assert error.schema["patternErrorMessage"] == f"expected {FORMS}, or {TIME_FORMS}"


def test_the_editors_date_message_is_what_check_says_it_expected(briefing):
    result = briefing({"briefing.yml": "title: T\nas_of: August 2024\nsummary: S\n"})
    assert result.lines == [f"content/briefing.yml:2:8: as_of: expected {FORMS}, found 'August 2024'"]
    assert schema.DATE_MESSAGE.startswith(f"expected {FORMS}")


def stamps(project: Path) -> dict[str, int]:
    """Each schema file's inode: a file written anew (atomically, by a rename) has a new one."""
    return {path.name: path.stat().st_ino for path in (project / SCHEMAS).glob("*.schema.json")}


def test_check_keeps_the_projects_schemas_fresh_rewriting_only_when_ids_change(project, capsys):
    assert main(["check"]) == 0
    first = stamps(project)
    assert sorted(first) == sorted(schema.content_schemas())
    assert main(["check"]) == 0
    assert stamps(project) == first
    write(project / "content/claims/second.yml", claim_with_stance("alpha").replace("claim-one", "claim-two"))
    assert main(["check"]) == 0
    changed = {name for name, inode in stamps(project).items() if inode != first[name]}
    assert changed == {name + ".schema.json" for name in ("briefing", "claims", "events", "questions")}
    claims = generated(project / SCHEMAS, "questions")["definitions"]["Question"]["properties"]["claims"]
    assert claims["items"]["enum"] == ["claim-one", "claim-two"]


def test_an_unchanged_briefing_is_checked_without_making_its_schemas_again(project, monkeypatch, capsys):
    assert main(["check"]) == 0

    def made_again(ids):
        raise AssertionError("schemas made again for an unchanged briefing")

    monkeypatch.setattr(editor_schemas, "content_schemas", made_again)
    assert main(["check"]) == 0


def test_a_changed_title_and_a_removed_schema_file_are_written_again(project, capsys):
    assert main(["check"]) == 0
    (project / SCHEMAS / "sources.schema.json").unlink()
    assert main(["check"]) == 0
    assert (project / SCHEMAS / "sources.schema.json").is_file()
    write(project / "content/actors/actors.yml", MINIMAL["actors/actors.yml"].replace("Beta", "Beta Kingdom"))
    assert main(["check"]) == 0
    actor = generated(project / SCHEMAS, "claims")["definitions"]["Stance"]["properties"]["actor"]
    assert actor["enumDescriptions"] == ["Alpha", "Beta Kingdom"]


def test_an_invalid_briefing_still_gives_the_editor_the_ids_it_could_read(project, capsys):
    write(project / "content/actors/more.yml", "id: gamma\nname: Gamma\n")  # no kind
    write(project / "content/claims/broken.yml", "id: broken\ntitle: [unclosed\n")
    assert main(["check"]) == 1
    actor = generated(project / SCHEMAS, "claims")["definitions"]["Stance"]["properties"]["actor"]
    assert actor["enum"] == ["alpha", "beta", "gamma"]


def test_check_writes_no_schemas_outside_a_briefing_project(project, capsys):
    (project / "mkdocs.yml").unlink()
    assert main(["check"]) == 0
    assert not (project / ".briefing").exists()


def test_schemas_that_cannot_be_written_are_a_warning_not_a_failed_check(project, capsys):
    (project / ".briefing").write_text("in the way\n", encoding="utf-8")
    assert main(["check"]) == 0
    assert capsys.readouterr().err == (
        "briefing check: warning: the editor's schemas in "
        f"{(project / SCHEMAS).as_posix()} were not updated (Not a directory); "
        f"make {(project / SCHEMAS).as_posix()} a writable folder, or remove what is in its place\n"
    )


def test_the_schema_command_without_a_content_folder_says_how_to_give_one(tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    assert main(["schema", "--out", "editor"]) == 2
    assert capsys.readouterr().err == (
        "briefing schema: no content folder at 'content'; give one with --content DIR\n"
    )
    assert not (tmp_path / "editor").exists()


def test_vscode_takes_each_content_files_schema_from_the_projects_schema_folder():
    settings = json.loads((ROOT / ".vscode/settings.json").read_text(encoding="utf-8"))
    mapped = {Path(path) for path in settings["yaml.schemas"]}
    assert mapped == {editor_schemas.SCHEMA_FOLDER / name for name in schema.content_schemas()}
