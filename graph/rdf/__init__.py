"""RDF: facts → named graphs and their files (build), SHACL shapes and validation, the Oxigraph store."""
