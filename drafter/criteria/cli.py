"""`drafter check`: run the criteria on any draft (placeholder until the criteria issue lands)."""

import typer


def check(file: str = typer.Argument(..., help="Draft file to check.")):
    """Check a draft against the ownership criteria."""
    raise typer.Exit(2)
