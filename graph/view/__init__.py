"""The viewer: a NetworkX graph → one offline HTML page."""
