"""USDA PLANTS: reading the data shipped in fixtures/usda/ (plain Python, no Django).

`files` reads and checks the files; `names` reads the scientific names into
ranks and authors; `traits` maps USDA's words for a plant's traits to the
site's; `records.Flora` merges them per symbol, as the import needs them.
`profile_text` words what a new profile says from the data alone,
`growing_data` the plant page's "From USDA PLANTS" facts, and `summary`
counts what an import did. The Django side is plants/usda_import/.
"""
