"""The goals screen (objectives and key results by quarter) and the roadmap."""
