"""A visitor's list of plants: read from its address, planned, downloaded (plain Python, no Django).

The list lives in the visitor's browser and in its address, /list/?plants=HEPAM2,ASTU;
the site stores nothing of it.  `symbols` reads the address (limits and
bad input), `entries` reads each plant's page document (plants/plant_pages.py)
into what the list shows and downloads, `bloom_calendar` lays out the months,
and `summary` says what the list as a whole needs.
"""
