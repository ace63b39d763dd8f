"""How a page is drawn: nodes, links, navigation, facts, overviews and the writers."""
