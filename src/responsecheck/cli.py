"""The command line: a thin door onto responsecheck.check().

Exit codes (also in the README): 0 nothing at or above --fail-on; 1 findings at or above it;
2 usage error; 3 file not found (or an output that cannot be written); 4 unsupported format (.doc, encrypted, .docm/.dotx, not UTF-8);
5 damaged file; 6 no text; 7 too large; 8 invalid rules or configuration; 9 no spaCy model (or a broken embeddings model);
10 a letter could not be checked (a fault in responsecheck; the batch goes on);
`sample` only: 11 invalid manifest, 12 history database error.
With several files, an unreadable one sets its code (the batch is incomplete) after the others
have been checked and reported.
"""

from __future__ import annotations

import gc
import io
import os
import random
import sys
from dataclasses import replace
from pathlib import Path

# Start-up makes hundreds of thousands of objects (spaCy's model, our compiled rules) that live as
# long as the process, and the garbage collector's frequent passes over them were some 7% of a cold
# `check`. So young objects are collected less often until start-up is over (`_started`), then set
# aside and the usual collection resumes: a server or a batch must not let garbage pile up. Set
# before spaCy is imported (responsecheck/__init__ imports it only when check() is first used).
_USUAL_GC = gc.get_threshold()
gc.set_threshold(100_000, 50, 1000)

import click  # noqa: E402
from rich.console import Console  # noqa: E402

from . import api  # noqa: E402
from .config import find_config, load_config  # noqa: E402
from .errors import (EXIT_FINDINGS, EXIT_OK, CheckFailed, InputError, InputNotFound, ResponsecheckError,
                     RulesError, UnsupportedFormat)  # noqa: E402
from .letter import Letter  # noqa: E402
from .options import (MAX_POINTS, CaseFile, CheckOptions, points_problem, read_case_file,  # noqa: E402
                      read_points_file)
from .readers import read_bytes, read_file_bytes, read_path  # noqa: E402
from .readers.sniff import MAX_FILE_BYTES  # noqa: E402
from .readers.text_reader import is_utf8_text  # noqa: E402
from .report import Report, fails, json_schema  # noqa: E402


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="responsecheck")
def main() -> None:
    """Check a draft complaint response letter before it is sent."""
    if click.get_current_context().invoked_subcommand not in ("check", "annotate"):
        _started()


def _started() -> None:
    """Start-up is over: what exists now lives as long as the process; collect as usual from here."""
    if gc.get_threshold() != _USUAL_GC:
        gc.freeze()
        gc.set_threshold(*_USUAL_GC)


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
                   "complaint_points); options above win.")
@click.option("--complaint", "complaint_file", type=click.Path(dir_okay=False, path_type=Path),
              help="The complaint the letter answers (.txt, .md, .docx or .eml): check every point is answered.")
@click.option("--point", "points", multiple=True, help="A point of the complaint as logged (repeat for each).")
@click.option("--points", "points_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The complaint's points, one a line (as `responsecheck points` writes them, corrected).")
@click.option("--languagetool-url", envvar="RESPONSECHECK_LANGUAGETOOL_URL", metavar="URL",
              help="LanguageTool server for the grammar check, e.g. http://localhost:8081 "
                   "(env RESPONSECHECK_LANGUAGETOOL_URL); without one, grammar is not checked.")
def check(files: tuple[str, ...], profile: str | None, stage: str | None, fmt: str, fail_on: str,
          output: str | None, quiet: bool, config_path: Path | None, no_config: bool, received, acknowledged,
          letter_date, extension_days: int | None, case_file: Path | None, complaint_file: Path | None,
          points: tuple[str, ...], points_file: Path | None, languagetool_url: str | None) -> None:
    """Check one or more letters (.docx, .txt, .md, or - for standard input).

    Give the case dates to check the response against the profile's timescales in UK working days.
    """
    if fmt == "html" and len(files) > 1 and output:
        raise click.UsageError("--format html writes one page per letter; give one file with -o, "
                               "or leave out -o to write NAME.report.html next to each letter.")
    if output and any(name != "-" and _same_file(name, output) for name in files):
        raise click.UsageError("The report cannot replace a letter being checked; choose another -o file.")
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
        languagetool_url=languagetool_url,
        **_complaint(complaint_file, points, points_file, case))
    reports: list[Report] = []
    input_code = 0
    for name in files:
        try:
            # standard input is read no further than one byte past the largest letter, which is then refused
            letter = read_bytes(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), "-") if name == "-" else read_path(name)
            report = api.check(letter, options=options)
            _started()
        except InputError as error:
            report = api.error_report(name, error, fail_on)
            input_code = input_code or error.exit_code
        except ResponsecheckError as error:
            click.echo(f"responsecheck: {error.message}", err=True)
            sys.exit(error.exit_code)
        except Exception as error:  # noqa: BLE001 - a bug on one letter must not lose the batch, nor read as exit 1
            failed = CheckFailed(f"{Path(name).name} could not be checked ({type(error).__name__}); "
                                 "please report this with the file if you can share it.")
            report = api.error_report(name, failed, fail_on)
            input_code = input_code or failed.exit_code
        if fmt == "html":
            _write_html(report, letter if report.error is None else None, name, output)
            letter = None
        reports.append(report)
    if fmt != "html":
        _emit(reports, fmt, output, quiet)
    if input_code:
        sys.exit(input_code)
    sys.exit(EXIT_FINDINGS if any(fails(r, fail_on) for r in reports) else EXIT_OK)


def _same_file(a: str | Path, b: str | Path) -> bool:
    """True when two paths name the same file (a link, or a folder written two ways)."""
    try:
        return Path(a).resolve() == Path(b).resolve() or os.path.samefile(a, b)
    except (OSError, ValueError, RuntimeError):  # a NUL character; a loop of links (RuntimeError before 3.13)
        return False


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


def _complaint(complaint_file: Path | None, points: tuple[str, ...], points_file: Path | None,
               case: CaseFile) -> dict[str, object]:
    """The complaint options: points given (--points FILE, then any --point) win over --complaint,
    which wins over the case file."""
    if points_file is not None:
        try:
            points = read_points_file(points_file) + points
        except ValueError as error:
            raise click.BadParameter(str(error), param_hint="--points") from None
    if points:
        if not all(is_utf8_text(point) for point in points):
            raise click.BadParameter("a point holds bytes that are not UTF-8 text (a terminal or script in another "
                                     "character set); give the points as UTF-8.", param_hint="--point")
        if len(points) > MAX_POINTS:
            raise click.BadParameter(f"{len(points)} points given; at most {MAX_POINTS} can be checked",
                                     param_hint="--point")
        problem = points_problem(points)
        if problem:
            raise click.BadParameter(problem + ".", param_hint="--point")
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
    if name == "-" and not output:
        click.echo(page)
        return
    target = Path(output) if output else Path(name).with_suffix(".report.html")
    _write(target, page.encode("utf-8"))
    if not output:
        click.echo(f"{name}: report written to {target}", err=True)


def _write(target: Path, data: bytes) -> None:
    """Write an output file, or say in one sentence why it cannot be written (exit code 3)."""
    try:
        target.write_bytes(data)
    except OSError as error:
        click.echo(f"responsecheck: cannot write {target} ({error.strerror or error}); "
                   "choose a folder you can write to.", err=True)
        sys.exit(InputNotFound.exit_code)


def _emit(reports: list[Report], fmt: str, output: str | None, quiet: bool) -> None:
    """Print the reports, or render them in memory and write them to `output` (so a folder that cannot
    be written to is one sentence, and no half-written file is left)."""
    stream = io.StringIO() if output else sys.stdout
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
    if output:
        _write(Path(output), stream.getvalue().encode("utf-8"))


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
@click.option("--points", "points_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
              help="The complaint's points, one a line (as `responsecheck points` writes them, corrected).")
def annotate(file: Path, output: Path | None, profile: str | None, stage: str | None, config_path: Path | None,
             no_config: bool, complaint_file: Path | None, points: tuple[str, ...], points_file: Path | None) -> None:
    """Write a copy of a .docx draft with a Word comment on each finding (the draft is not changed).

    Exit code 0 when the copy is written (whatever it found); the input error codes otherwise.
    """
    from .render.docx_annotate import annotate as annotate_docx

    options = replace(_options(profile, stage, "error", config_path, no_config),
                      **_complaint(complaint_file, points, points_file, CaseFile()))
    target = output or file.with_name(f"{file.stem}.checked.docx")
    try:
        if _same_file(target, file):
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
    _write(target, result.data)
    if result.earlier:
        click.echo(f"responsecheck: {file.name} already held {result.earlier} comment(s) from an earlier responsecheck "
                   "run (it looks like an annotated copy); they are left as they were. Annotate the draft itself "
                   "for a clean copy.", err=True)
    click.echo(f"{target}: {str(report.rating).upper()}, score {report.score}/100; {result.anchored} comment(s) "
               f"on the words, {result.listed} listed in the summary comment.")


@main.command()
@click.argument("complaint", type=click.Path(dir_okay=False, path_type=Path))
@click.option("-o", "--output", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the points to this file (default: standard output).")
def points(complaint: Path, output: Path | None) -> None:
    """List the points found in a complaint (.txt, .md, .docx, .eml, or a case file's complaint_text), one a line.

    Correct the list (delete a line that is not a point, split or add one), then check the letter
    against it: responsecheck check LETTER --points FILE. Exit code 0 when listed (also when none
    was found: the message says so); the input error codes otherwise.
    """
    if output is not None and _same_file(output, complaint):
        raise click.UsageError("The points cannot replace the complaint; choose another -o file.")
    try:
        found = api.points_in(_complaint_text(complaint))
    except ResponsecheckError as error:
        click.echo(f"responsecheck: the complaint {error.message}", err=True)
        sys.exit(error.exit_code)
    target = output or "POINTS_FILE"
    lines = [f"# The points responsecheck found in {complaint.name}, one a line (\"Asked for:\" marks what the resident",
             "# asks for). Delete a line that is not a point, correct or add one, then check the letter against them:",
             "# responsecheck check LETTER --points " + str(target), *found]
    text = "\n".join(lines) + "\n"
    if output:
        _write(output, text.encode("utf-8"))
    else:
        click.echo(text, nl=False)
    if not found:
        click.echo(f"responsecheck: no points found in {complaint.name}; write them one a line for --points.", err=True)
    elif output:
        click.echo(f"{output}: {len(found)} point(s) from {complaint.name}.", err=True)
    if len(found) > MAX_POINTS:
        click.echo(f"responsecheck: {len(found)} points found, but --points takes at most {MAX_POINTS}; "
                   "delete or merge lines before checking against the file.", err=True)


def _complaint_text(path: Path) -> str:
    """The complaint's text: a case file (.json, as --case takes) gives its complaint_text."""
    from .points.source import read_complaint

    if path.suffix.lower() != ".json":
        return read_complaint(path)
    try:
        case = read_case_file(path)
    except ValueError as error:
        raise click.BadParameter(str(error), param_hint="COMPLAINT") from None
    if not (case.complaint_text or "").strip():
        raise click.BadParameter(f"The case file {path} has no complaint_text to find points in.", param_hint="COMPLAINT")
    return case.complaint_text


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on; anything but loopback needs a token.")
@click.option("--port", type=click.IntRange(1, 65535), default=8080, show_default=True)
@click.option("--workers", type=click.IntRange(1, 64), help="Checks run at once (default: one per core).")
@click.option("--token-file", type=click.Path(dir_okay=False, path_type=Path),
              help="File holding the bearer token (default: the RESPONSECHECK_TOKEN variable).")
@click.option("--max-mb", type=click.FloatRange(0.01, 50), default=10, show_default=True,
              help="Largest request accepted (413 above it).")
@click.option("--time-limit", type=click.FloatRange(0.1, 600), default=30, show_default=True,
              help="Seconds one check may take before its worker is stopped (504).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="House style and suppressions file for every check (default: the nearest .responsecheck.yaml).")
@click.option("--no-config", is_flag=True, help="Ignore any .responsecheck.yaml.")
@click.option("--languagetool-url", envvar="RESPONSECHECK_LANGUAGETOOL_URL", metavar="URL",
              help="The organisation's LanguageTool server for the grammar check, probed once at start "
                   "(env RESPONSECHECK_LANGUAGETOOL_URL); without one, grammar is not checked.")
def serve(host: str, port: int, workers: int | None, token_file: Path | None, max_mb: float, time_limit: float,
          config_path: Path | None, no_config: bool, languagetool_url: str | None) -> None:
    """Run the checks as an HTTP service (POST /v1/check, /v1/annotate; a page at /).

    The model loads once; checks run in worker processes with a time limit each.
    """
    from .serve import run
    from .serve.pool import default_workers
    from .serve.security import ServeConfigError, load_token

    options = replace(_options(None, None, "error", config_path, no_config), languagetool_url=languagetool_url)
    try:
        token = load_token(token_file)
        run(host, port, workers=workers or default_workers(), token=token, max_bytes=int(max_mb * 1024 * 1024),
            time_limit=time_limit, options=options)
    except ServeConfigError as error:
        raise click.UsageError(str(error)) from None
    except ResponsecheckError as error:
        click.echo(f"responsecheck: {error.message}", err=True)
        sys.exit(error.exit_code)


@main.command()
@click.argument("source", type=click.Path(path_type=Path))
@click.option("--size", type=click.IntRange(min=1), help="How many letters to draw.")
@click.option("--all", "all_letters", is_flag=True, help="Check every letter instead of a sample.")
@click.option("--seed", type=click.IntRange(min=0), help="Seed of the draw; the same seed draws the same sample "
              "(default: a new one, printed in the report).")
@click.option("--stratify-by", type=click.Choice(["stage", "handler", "team", "month", "outcome"]),
              help="Draw from each group in proportion to its size (needs that manifest column; month uses 'sent').")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("qa.html"), show_default=True,
              help="The manager's report; each letter's own page goes in a folder beside it (qa-letters/).")
@click.option("--csv", "csv_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Also write one row per letter.")
@click.option("--history", "history_path", type=click.Path(dir_okay=False, path_type=Path),
              help="Record the run in this SQLite file and show the trend by quarter.")
@click.option("--processes", type=click.IntRange(1, 32), help="Worker processes (default: the cores, at most 4).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False, path_type=Path),
              help="House style and suppressions file (default: the nearest .responsecheck.yaml).")
@click.option("--no-config", is_flag=True, help="Ignore any .responsecheck.yaml.")
def sample(source: Path, size: int | None, all_letters: bool, seed: int | None, stratify_by: str | None, out: Path,
           csv_path: Path | None, history_path: Path | None, processes: int | None, config_path: Path | None,
           no_config: bool) -> None:
    """Check a reproducible sample of sent letters and write the manager's QA report.

    SOURCE is a folder of letters, or a manifest CSV (file, case_ref, handler, team, stage, sent,
    outcome; file relative to the manifest). Exit code 0 when the report is written (letters that
    could not be read are listed in it); 3 source not found; 11 invalid manifest; 12 history database error.
    """
    from .qa.run import SampleUsageError, run_sample

    if all_letters == (size is not None):
        raise click.UsageError("Give either --size N (a sample) or --all (every letter).")
    if all_letters and stratify_by:
        raise click.UsageError("--stratify-by shapes a sample; it does nothing with --all.")
    options = _options(None, None, "error", config_path, no_config)
    seed = seed if seed is not None else random.SystemRandom().randrange(1_000_000)
    workers = processes or max(1, min(4, len(os.sched_getaffinity(0))))
    err = Console(stderr=True)
    try:
        with _Bar(err) as progress:
            outcome = run_sample(source, size=size, seed=seed, stratify_by=stratify_by, out=out, csv_path=csv_path,
                                 history_path=history_path, options=options, n_process=workers, progress=progress)
    except SampleUsageError as error:
        raise click.UsageError(str(error)) from None
    except ResponsecheckError as error:
        click.echo(f"responsecheck: {error.message}", err=True)
        sys.exit(error.exit_code)
    summary = outcome.summary
    mean = f"; mean score {summary.mean_score:.1f}" if summary.mean_score is not None else ""
    click.echo(f"{out}: {len(summary.letters)} letters drawn of {outcome.drawn.population} (seed {seed}); "
               f"{len(summary.checked)} checked, {len(summary.errors)} could not be checked{mean}."
               + (f" CSV: {csv_path}." if csv_path else ""))


class _Bar:
    """A rich progress bar on a terminal; nothing at all when standard error is piped or logged."""

    def __init__(self, console: Console) -> None:
        from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

        self.bar = Progress(TextColumn("Checking letters"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                            console=console, transient=True, disable=not console.is_terminal)
        self.task = self.bar.add_task("letters", total=None)

    def __enter__(self) -> _Bar:
        self.bar.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.bar.stop()

    def start(self, total: int) -> None:
        self.bar.update(self.task, total=total)

    def advance(self) -> None:
        self.bar.advance(self.task)


@main.command()
def schema() -> None:
    """Print the JSON Schema of the report."""
    import json

    click.echo(json.dumps(json_schema(), indent=2))


@main.command(name="eval")
@click.argument("sets", nargs=-1, type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def eval_command(sets: tuple[Path, ...], fmt: str) -> None:
    """Measure accuracy on labelled letters (default: every labelled set in corpora/)."""
    from .evaluate import default_sets, evaluate, render_evaluation

    try:
        results = evaluate(list(sets) or default_sets())
    except ResponsecheckError as error:  # a labels file that is invalid, a labelled letter that cannot be read
        click.echo(f"responsecheck: {error.message}", err=True)
        sys.exit(error.exit_code)
    click.echo(render_evaluation(results, fmt))


if __name__ == "__main__":
    main()
