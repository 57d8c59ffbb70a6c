"""Analytics: the RDF → NetworkX projection, centrality measures, the report and its evaluation against gold."""
