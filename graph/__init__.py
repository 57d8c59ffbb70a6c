"""nexus-kg: a knowledge graph of the terrorism–organized crime nexus from Chinese UN documents."""

__version__ = "0.23.0"
