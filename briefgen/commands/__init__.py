"""What each ``briefgen`` subcommand does; :mod:`briefgen.cli` only parses and dispatches.

One module per command, as MkDocs has ``mkdocs.commands.build``. Each module imports its heavy
dependencies inside ``run`` so that ``briefgen --help`` and ``briefgen schema`` stay fast.
"""
