"""USDA PLANTS: reading the data shipped in fixtures/usda/ (plain Python, no Django).

`files` reads and checks the files; `names` reads the scientific names into
ranks and authors.
"""
