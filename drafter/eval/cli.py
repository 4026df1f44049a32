"""`drafter eval run|compare|report` (placeholder until the eval issue lands)."""

import typer

eval_app = typer.Typer(help="Run eval suites and compare prompt versions.", no_args_is_help=True)
