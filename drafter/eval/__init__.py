"""The eval harness: run suites of cases through an engine, score with the criteria, compare runs."""
