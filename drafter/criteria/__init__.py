"""Ownership criteria (U1-U16, O1-O11, D1-D13) as named checks. See docs in ../shared/ownership-criteria.md."""
