"""The site layer: the generated pages, links and files of the site, rendered from the model.

Imports :mod:`handreiking.content`; :mod:`handreiking.site.urls` is the one rule for paths and links.
"""
