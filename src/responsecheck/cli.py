"""The command line: a thin door onto responsecheck.check().

Exit codes (also in the README): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error; 3 file not found; 4 unsupported format (.doc, encrypted, .docm/.dotx, not UTF-8);
5 damaged file; 6 no text; 7 too large; 8 invalid rules or configuration; 9 no spaCy model.
With several files, an unreadable one sets its code (the batch is incomplete) after the others
have been checked and reported.
"""

from __future__ import annotations

import sys
from dataclasses import replace
from pathlib import Path

import click
from rich.console import Console

from . import api
from .config import find_config, load_config
from .errors import EXIT_FINDINGS, EXIT_OK, InputError, ResponsecheckError, RulesError, UnsupportedFormat
from .letter import Letter
from .options import CaseFile, CheckOptions, read_case_file
from .readers import read_bytes, read_file_bytes, read_path
from .report import Report, fails, json_schema


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="responsecheck")
def main() -> None:
    """Check a draft complaint response letter before it is sent."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--profile", type=click.Choice(["hos", "spso", "psow"]), help="Ombudsman scheme; detected if not given.")
@click.option("--stage", type=click.Choice(["1", "2"]), help="Stage of the response; detected if not given.")
@click.option("--format", "fmt", type=click.Choice(["text", "json", "html"]), default="text", show_default=True,
              help="html writes one self-contained page per letter (use -o with one file).")
@click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion", "never"]), default="error",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the output to a file.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: print only the verdict line.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="House style and suppressions file (default: the nearest .responsecheck.yaml).")
@click.option("--no-config", is_flag=True, help="Ignore any .responsecheck.yaml.")
@click.option("--received", type=click.DateTime(["%Y-%m-%d"]), help="Date the complaint (or escalation) was received.")
@click.option("--acknowledged", type=click.DateTime(["%Y-%m-%d"]), help="Date it was acknowledged.")
@click.option("--letter-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Date the response goes out; default: the date printed on the letter.")
@click.option("--extension-days", type=click.IntRange(0, 250), help="Agreed extension, in working days.")
@click.option("--case", "case_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Case metadata as JSON (received, acknowledged, letter_date, extension_days, complaint_text, "
                   "complaint_points); options win.")
@click.option("--complaint", "complaint_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The complaint the letter answers (.txt, .md, .docx or .eml): check every point is answered.")
@click.option("--point", "points", multiple=True, help="A point of the complaint as logged (repeat for each).")
def check(files: tuple[str, ...], profile: str | None, stage: str | None, fmt: str, fail_on: str,
          output: str | None, quiet: bool, config_path: Path | None, no_config: bool, received, acknowledged,
          letter_date, extension_days: int | None, case_file: Path | None, complaint_file: Path | None,
          points: tuple[str, ...]) -> None:
    """Check one or more letters (.docx, .txt, .md, or - for standard input).

    Give the case dates to check the response against the profile's timescales in UK working days.
    """
    if fmt == "html" and len(files) > 1 and output:
        raise click.UsageError("--format html writes one page per letter; give one file with -o, "
                               "or leave out -o to write NAME.report.html next to each letter.")
    case = CaseFile()
    if case_file is not None:
        try:
            case = read_case_file(case_file)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--case") from None
    options = replace(
        _options(profile, stage, fail_on, config_path, no_config),
        received=received.date() if received else case.received,
        acknowledged=acknowledged.date() if acknowledged else case.acknowledged,
        letter_date=letter_date.date() if letter_date else case.letter_date,
        extension_days=extension_days if extension_days is not None else case.extension_days,
        **_complaint(complaint_file, points, case))
    reports: list[Report] = []
    input_code = 0
    for name in files:
        try:
            letter = read_bytes(sys.stdin.buffer.read(), "-") if name == "-" else read_path(name)
            report = api.check(letter, options=options)
        except InputError as error:
            report = api.error_report(name, error, fail_on)
            input_code = input_code or error.exit_code
        except ResponsecheckError as error:
            click.echo(f"responsecheck: {error.message}", err=True)
            sys.exit(error.exit_code)
        if fmt == "html":
            _write_html(report, letter if report.error is None else None, name, output)
            letter = None
        reports.append(report)
    if fmt != "html":
        _emit(reports, fmt, output, quiet)
    if input_code:
        sys.exit(input_code)
    sys.exit(EXIT_FINDINGS if any(fails(r, fail_on) for r in reports) else EXIT_OK)


def _options(profile: str | None, stage: str | None, fail_on: str, config_path: Path | None,
             no_config: bool) -> CheckOptions:
    """The check options, with the house style read (and validated) before any letter is."""
    config = None
    if not no_config:
        path = config_path or find_config(Path.cwd())
        try:
            config = load_config(path) if path else None
        except RulesError as error:
            click.echo(f"responsecheck: {error.message}", err=True)
            sys.exit(error.exit_code)
    return CheckOptions(profile=profile, stage=int(stage) if stage else None, fail_on=fail_on,  # type: ignore[arg-type]
                        config=config)


def _complaint(complaint_file: Path | None, points: tuple[str, ...], case: CaseFile) -> dict[str, object]:
    """The complaint options: --point wins over --complaint, which wins over the case file."""
    if points:
        return {"complaint_points": tuple(points)}
    if complaint_file is not None:
        from .points.source import read_complaint

        try:
            return {"complaint_text": read_complaint(complaint_file)}
        except ResponsecheckError as error:
            click.echo(f"responsecheck: the complaint {error.message}", err=True)
            sys.exit(error.exit_code)
    return {"complaint_points": tuple(case.complaint_points), "complaint_text": case.complaint_text}


def _write_html(report: Report, letter: Letter | None, name: str, output: str | None) -> None:
    """Write the HTML page: to -o, to standard output for standard input, else NAME.report.html."""
    from .render.html import render_html

    page = render_html(report, letter)
    if output:
        Path(output).write_text(page, encoding="utf-8")
    elif name == "-":
        click.echo(page)
    else:
        target = Path(name).with_suffix(".report.html")
        target.write_text(page, encoding="utf-8")
        click.echo(f"{name}: report written to {target}", err=True)


def _emit(reports: list[Report], fmt: str, output: str | None, quiet: bool) -> None:
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "json":
            from .render.json_out import render_json
            stream.write(render_json(reports, single=len(reports) == 1) + "\n")
        else:
            from .render.text import render_text
            console = Console(file=stream, highlight=False) if output is None else Console(
                file=stream, no_color=True, highlight=False, width=100)
            for index, report in enumerate(reports):
                if index:
                    console.print()
                render_text(report, console, quiet=quiet)
                if report.error and output is None:
                    click.echo(f"responsecheck: {report.error.message}", err=True)
    finally:
        if output:
            stream.close()


@main.command()
@click.argument("file", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Where to write the copy (default: NAME.checked.docx next to the draft).")
@click.option("--profile", type=click.Choice(["hos", "spso", "psow"]), help="Ombudsman scheme; detected if not given.")
@click.option("--stage", type=click.Choice(["1", "2"]), help="Stage of the response; detected if not given.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="House style and suppressions file (default: the nearest .responsecheck.yaml).")
@click.option("--no-config", is_flag=True, help="Ignore any .responsecheck.yaml.")
@click.option("--complaint", "complaint_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The complaint the letter answers (.txt, .md, .docx or .eml).")
@click.option("--point", "points", multiple=True, help="A point of the complaint as logged (repeat for each).")
def annotate(file: Path, output: Path | None, profile: str | None, stage: str | None, config_path: Path | None,
             no_config: bool, complaint_file: Path | None, points: tuple[str, ...]) -> None:
    """Write a copy of a .docx draft with a Word comment on each finding (the draft is not changed).

    Exit code 0 when the copy is written (whatever it found); the input error codes otherwise.
    """
    from .render.docx_annotate import annotate as annotate_docx

    options = replace(_options(profile, stage, "error", config_path, no_config),
                      **_complaint(complaint_file, points, CaseFile()))
    target = output or file.with_name(f"{file.stem}.checked.docx")
    try:
        if target.resolve() == file.resolve():
            raise click.UsageError("The annotated copy cannot replace the draft; choose another -o file.")
        data = read_file_bytes(file)
        letter = read_bytes(data, file.name)
        if letter.format != "docx":
            raise UnsupportedFormat(
                f"{file.name} is not a Word document, so there is nothing to annotate; for a page with the "
                f"letter's text and every finding marked, run: responsecheck check {file} --format html")
        report = api.check(letter, options=options)
        hint = f"responsecheck check {file.name} --format html -o {file.stem}.report.html"
        result = annotate_docx(data, file.name, report, hint)
    except ResponsecheckError as error:
        click.echo(f"responsecheck: {error.message}", err=True)
        sys.exit(error.exit_code)
    target.write_bytes(result.data)
    if result.earlier:
        click.echo(f"responsecheck: {file.name} already held {result.earlier} comment(s) from an earlier responsecheck "
                   "run (it looks like an annotated copy); they are left as they were. Annotate the draft itself "
                   "for a clean copy.", err=True)
    click.echo(f"{target}: {str(report.rating).upper()}, score {report.score}/100; {result.anchored} comment(s) "
               f"on the words, {result.listed} listed in the summary comment.")


@main.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    import json

    click.echo(json.dumps(json_schema(), indent=2))


@main.command(name="eval")
@click.argument("sets", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(sets: tuple[Path, ...], fmt: str) -> None:
    """Measure accuracy on labelled letters (default: corpora/dev and corpora/holdout)."""
    from .evaluate import default_sets, evaluate, render_evaluation

    results = evaluate(list(sets) or default_sets())
    click.echo(render_evaluation(results, fmt))


if __name__ == "__main__":
    main()
