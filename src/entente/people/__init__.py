"""people stage."""
