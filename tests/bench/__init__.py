"""The benchmark behind `make bench` (not part of `make test`); see README, "Performance"."""

# Every plant the finder shows, as one CSV (issue #18: under 10 s and 50 MB at 50,000 rows): measured
# by measure.py, reported by __main__.py, so named here, where both import it without Django.
DOWNLOAD = "finder CSV, every plant"
DOWNLOAD_URL = "/plants/download.csv"

# The header in which served_by.py (run by gunicorn) names the worker that answered, for
# scale_out.py (run by the benchmark, without Django) to count: named here for both.
WORKER_HEADER = "X-Bench-Worker"
