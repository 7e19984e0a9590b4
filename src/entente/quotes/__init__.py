"""quotes stage."""
