"""Plain text and Markdown: paragraphs, address blocks kept line by line, headings recognised."""

from __future__ import annotations

from responsecheck.readers import read_bytes, read_text_input


def test_address_block_stays_line_by_line_and_prose_joins() -> None:
    letter = read_bytes(b"Mrs A Khan\n12 Elm Road\nLeeds LS6 2AB\n\nDear Mrs Khan,\n\nWe have looked at\nyour complaint.",
                        "letter.txt")
    assert [p.text for p in letter.paragraphs] == [
        "Mrs A Khan", "12 Elm Road", "Leeds LS6 2AB", "Dear Mrs Khan,", "We have looked at your complaint."]


def test_markdown_headings_bullets_and_tables() -> None:
    text = "# Stage 1 response\n\n**What we found**\n\n- The gate was broken.\n\n| Action | Date |\n|---|---|\n| Fix gate | 3 June |"
    letter = read_bytes(text.encode(), "letter.md")
    assert [(p.text, p.is_heading, p.origin.part) for p in letter.paragraphs] == [
        ("Stage 1 response", True, "body"), ("What we found", True, "body"), ("The gate was broken.", False, "body"),
        ("Action | Date", False, "table"), ("Fix gate | 3 June", False, "table")]


def test_stdin_text() -> None:
    letter = read_text_input("Dear Sir,\n\nThank you.")
    assert letter.format == "stdin" and len(letter.paragraphs) == 2


def test_a_short_unpunctuated_line_over_prose_is_a_paragraph_of_its_own() -> None:
    letter = read_bytes(b"Dear Mr Kerr\nThank you for your letter.\n\nThe court action\nWe have stopped the application.\n\n"
                        b"We have looked at\nyour complaint.", "letter.txt")
    assert [p.text for p in letter.paragraphs] == [
        "Dear Mr Kerr", "Thank you for your letter.", "The court action", "We have stopped the application.",
        "We have looked at your complaint."]
