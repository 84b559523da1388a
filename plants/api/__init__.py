"""The read-only JSON API at /api/: the finder's plants, each plant's sourced facts, taxa and ZIP codes.

Views (views.py) stay thin: the finder's filtering is plants/filters.py's,
a plant's record is its stored page document (plants/plant_pages.py) shaped by
records.py, and sources.py says where each group of facts comes from.
"""
