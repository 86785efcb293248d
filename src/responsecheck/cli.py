"""The command line: a thin door onto responsecheck.check().

Exit codes (also in the README): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error; 3 file not found; 4 unsupported format (.doc, encrypted, .docm/.dotx, not UTF-8);
5 damaged file; 6 no text; 7 too large; 8 invalid rules or configuration; 9 no spaCy model.
With several files, an unreadable one sets its code (the batch is incomplete) after the others
have been checked and reported.
"""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from . import api
from .errors import EXIT_FINDINGS, EXIT_OK, InputError, ResponsecheckError
from .options import CaseFile, CheckOptions, read_case_file
from .readers import read_bytes
from .report import Report, fails, json_schema


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="responsecheck")
def main() -> None:
    """Check a draft complaint response letter before it is sent."""


@main.command()
@click.argument("files", nargs=-1, required=True, type=click.Path(dir_okay=True, allow_dash=True, path_type=str))
@click.option("--profile", type=click.Choice(["hos", "spso", "psow"]), help="Ombudsman scheme; detected if not given.")
@click.option("--stage", type=click.Choice(["1", "2"]), help="Stage of the response; detected if not given.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--fail-on", type=click.Choice(["error", "warning", "suggestion", "never"]), default="error",
              show_default=True, help="Lowest severity that makes the exit code 1.")
@click.option("-o", "--output", type=click.Path(dir_okay=False, writable=True), help="Write the output to a file.")
@click.option("-q", "--quiet", is_flag=True, help="Text format: print only the verdict line.")
@click.option("--received", type=click.DateTime(["%Y-%m-%d"]), help="Date the complaint (or escalation) was received.")
@click.option("--acknowledged", type=click.DateTime(["%Y-%m-%d"]), help="Date it was acknowledged.")
@click.option("--letter-date", type=click.DateTime(["%Y-%m-%d"]),
              help="Date the response goes out; default: the date printed on the letter.")
@click.option("--extension-days", type=click.IntRange(0, 250), help="Agreed extension, in working days.")
@click.option("--case", "case_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="Case dates as JSON (received, acknowledged, letter_date, extension_days); options above win.")
def check(files: tuple[str, ...], profile: str | None, stage: str | None, fmt: str, fail_on: str,
          output: str | None, quiet: bool, received, acknowledged, letter_date, extension_days: int | None,
          case_file: Path | None) -> None:
    """Check one or more letters (.docx, .txt, .md, or - for standard input).

    Give the case dates to check the response against the profile's timescales in UK working days.
    """
    case = CaseFile()
    if case_file is not None:
        try:
            case = read_case_file(case_file)
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--case") from None
    options = CheckOptions(
        profile=profile, stage=int(stage) if stage else None, fail_on=fail_on,
        received=received.date() if received else case.received,
        acknowledged=acknowledged.date() if acknowledged else case.acknowledged,
        letter_date=letter_date.date() if letter_date else case.letter_date,
        extension_days=extension_days if extension_days is not None else case.extension_days)
    reports: list[Report] = []
    input_code = 0
    for name in files:
        try:
            if name == "-":
                report = api.check(read_bytes(sys.stdin.buffer.read(), "-"), options=options)
            else:
                report = api.check(Path(name), options=options)
        except InputError as error:
            report = api.error_report(name, error, fail_on)
            input_code = input_code or error.exit_code
        except ResponsecheckError as error:
            click.echo(f"responsecheck: {error.message}", err=True)
            sys.exit(error.exit_code)
        reports.append(report)
    _emit(reports, fmt, output, quiet)
    if input_code:
        sys.exit(input_code)
    sys.exit(EXIT_FINDINGS if any(fails(r, fail_on) for r in reports) else EXIT_OK)


def _emit(reports: list[Report], fmt: str, output: str | None, quiet: bool) -> None:
    stream = open(output, "w", encoding="utf-8") if output else sys.stdout
    try:
        if fmt == "json":
            from .render.json_out import render_json
            stream.write(render_json(reports, single=len(reports) == 1) + "\n")
        else:
            from .render.text import render_text
            console = Console(file=stream, highlight=False, soft_wrap=False) if output is None else Console(
                file=stream, no_color=True, highlight=False, width=120)
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
