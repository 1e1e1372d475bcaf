"""The pieces of scripts/plot.py: reading bramble result files (results.py), drawing
conventions shared by every figure (style.py), and one module per figure."""
