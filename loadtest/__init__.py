"""The load scenario of `make load` (scripts/load.sh)."""
