"""Qt widgets, item models and dialogs. Data only through ``EventStore``.

The store (and with it the records) is imported here, before any module of this package
imports PySide6: once PySide6 is loaded, its import hook (shibokensupport's feature check)
reads the source of every module imported after it, to see whether it asks for a Qt
feature. The store's and the records' hundred-odd modules need no Qt; imported first they
skip that reading, about 12 ms of processor time at start (issue 25).
"""

import eventdesk.store  # noqa: F401  (first: see above)
