"""Planning books of seed 002/003: the requirement pool (Kano, lifecycle) and launch
checklists.
"""
