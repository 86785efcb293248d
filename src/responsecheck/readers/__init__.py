"""Readers: turn a file, bytes or standard input into a Letter, or a clear InputError."""

from __future__ import annotations

from pathlib import Path

from ..errors import EmptyLetter, InputError, InputNotFound, InputTooLarge
from ..letter import Letter
from .docx_reader import read_docx
from .sniff import MAX_FILE_BYTES, sniff
from .text_reader import decode, read_text

# A one-page letter is about 4,000 characters; 300,000 is some 75 pages.
MAX_TEXT_CHARS = 300_000


def read_path(path: str | Path) -> Letter:
    """Read a letter from a file path."""
    path = Path(path)
    return read_bytes(read_file_bytes(path), path.name)


def read_file_bytes(path: str | Path) -> bytes:
    """A file's bytes, with the size limit and plain errors for missing or unreadable files."""
    path = Path(path)
    name = path.name
    try:
        if path.is_dir():
            raise InputNotFound(f"{path} is a folder, not a letter; name a .docx, .txt or .md file.")
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise InputTooLarge(f"{name} is {size // (1024 * 1024)} MB, far larger than a letter; check it is the right file.")
        data = path.read_bytes()
    except FileNotFoundError:
        raise InputNotFound(f"{path} does not exist; check the file name and folder.") from None
    except PermissionError:
        raise InputNotFound(f"{path} cannot be opened (permission denied); check you can read it.") from None
    except IsADirectoryError:
        raise InputNotFound(f"{path} is a folder, not a letter; name a .docx, .txt or .md file.") from None
    except OSError as exc:  # a name too long, a loop of links, a device that cannot be read
        raise InputNotFound(f"{name} cannot be opened ({exc.strerror or type(exc).__name__}); check the file "
                            "name and folder.") from None
    except ValueError:  # a name holding a NUL byte (a manifest row, a CSV export gone wrong)
        raise InputNotFound(f"{name!r} is not a file name (it holds a NUL character); check the file name."
                            ) from None
    return data


def read_bytes(data: bytes, name: str) -> Letter:
    """Read a letter from bytes; the format is sniffed from the content, the name only names it."""
    if not data.strip():
        raise EmptyLetter(f"{name} is empty; there is no letter to check.")
    if sniff(data, name) == "docx":
        letter = read_docx(data, name)
    else:
        fmt = "md" if name.lower().endswith((".md", ".markdown")) else ("stdin" if name == "-" else "txt")
        letter = read_text(decode(data, name), name, fmt)
    _check_size(letter)
    return letter


def read_text_input(text: str, name: str = "-") -> Letter:
    """Read a letter given as a string (standard input, a JSON request)."""
    if not text.strip():
        raise EmptyLetter(f"{name} is empty; there is no letter to check.")
    letter = read_text(text, name, "stdin" if name == "-" else "txt")
    _check_size(letter)
    return letter


def _check_size(letter: Letter) -> None:
    if not letter.paragraphs:
        raise EmptyLetter(f"{letter.name} has no text to check (it may hold only pictures or be blank).")
    length = sum(len(p.text) for p in letter.paragraphs)
    if length > MAX_TEXT_CHARS:
        raise InputTooLarge(
            f"{letter.name} holds {length:,} characters, more than the {MAX_TEXT_CHARS:,} a letter can have; "
            "check it is the right file."
        )


__all__ = ["read_path", "read_file_bytes", "read_bytes", "read_text_input", "InputError"]
