"""`drafter journal ...` and `drafter due` (placeholder until the journal issue lands)."""

import typer

journal_app = typer.Typer(help="Commitments recorded across updates.", no_args_is_help=True)


def due():
    """What is due or overdue."""
    raise typer.Exit(2)
