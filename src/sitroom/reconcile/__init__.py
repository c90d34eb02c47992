"""Reconciliation: incidents, casualty ranges, the claim ledger and grades."""
