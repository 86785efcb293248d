"""Renderers: turn a Report (never the letter again) into what a person or a program reads."""
