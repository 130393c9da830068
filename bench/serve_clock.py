"""Part 3's clock, a hook in both served projects: how long each rebuild takes, from MkDocs'
server calling its builder to the builder's return, on a log line of its own.

MkDocs' own "Documentation built in … seconds" cannot serve: its build log drops a message it
has logged before, so a rebuild as long as an earlier one, to the hundredth, goes unlogged.
"""
import itertools
import logging
import re
import time

LINE = "bench: rebuild {number} took {seconds:.3f} s"
LOGGED = re.compile(r"bench: rebuild \d+ took ([0-9.]+) s")  # LINE, as part 3 reads it back
log = logging.getLogger("mkdocs.bench")


def on_serve(server, config, builder):
    build, numbers = server.builder, itertools.count(1)

    def timed():
        started = time.perf_counter()
        try:
            build()
        finally:  # logged before the server shows the new pages
            log.info(LINE.format(number=next(numbers), seconds=time.perf_counter() - started))

    server.builder = timed
    return server
