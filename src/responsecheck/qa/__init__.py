"""QA sampling for complaints managers: draw a reproducible sample of sent letters, check each one,
and write the manager's report (HTML and CSV), optionally recording the run in a history database.

manifest (which letters, with case details) -> draw (which of them to check) -> api.check_many ->
summary (the figures) -> qa_html / csv_out (what the manager reads) and history (runs over time).
"""
