"""The store's services: one small object per thing the store serves, each an attribute of
:class:`~eventdesk.store.EventStore` (``store.meetings``, ...). Each is the one way in to its
records: every save, from the GUI, the command line or an import, goes through its service.
"""
