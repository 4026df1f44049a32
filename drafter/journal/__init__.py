"""Commitment journal: promises tracked across updates (placeholder until the journal issue lands)."""
