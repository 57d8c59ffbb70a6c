"""SPARQL for analysts: query execution and result tables, saved questions, dossiers, the endpoint and its pages."""
