"""Planning screens: metrics, requirement pool, launches, and their forms."""
