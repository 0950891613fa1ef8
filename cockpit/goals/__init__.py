"""Objectives and key results by quarter (seed 004 OKR, seed 001 KPI completion)."""
