"""The search indexes' names and how close a match they return, each defined once.

Plain Python with no imports: the settings read it before any app is loaded.
"""

# How alike (pg_trgm word similarity) a plant's name must be to a typed word for
# search to count it as a (mis)spelling of it.  Search ranks by it
# (plants/search.py), and the settings give it to every PostgreSQL connection as
# pg_trgm.word_similarity_threshold, which the trigram indexes' %> operator applies.
TRIGRAM_THRESHOLD = 0.45

# SQLite's FTS5 index of the profiles' search columns (created by migration 0006,
# which keeps the name written out: see there) and the trigger that fills it.
FTS_TABLE = "plants_profile_search"
FTS_INSERT_TRIGGER = f"{FTS_TABLE}_insert"
FTS_UPDATE_TRIGGER = f"{FTS_TABLE}_update"
