"""The interactive tools' data and pages: interventiewijzer, buurtanalyse, vergelijken, open data, beheer.

Imports :mod:`handreiking.content` and :mod:`handreiking.site`.
"""
