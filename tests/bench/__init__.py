"""The benchmark behind `make bench` (not part of `make test`); see README, "Performance"."""
