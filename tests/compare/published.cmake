# The published HPL figures: every row parses and has a source; the ranking.
