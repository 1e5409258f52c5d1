"""The live server of the browser tests, one request at a time on SQLite.

With SQLite in memory every thread of Django's live server shares the test's one connection
(pytest-django passes it as `connections_override`). Two requests at once, such as Wagtail's
autosave and the officer's own save, then interleave their savepoints on that connection and
one of them fails with "no such savepoint". PostgreSQL gives each thread its own connection, so
there the server stays fully concurrent."""

import threading

from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread


class OneRequestAtATimeOnSharedConnection(ThreadedWSGIServer):
    """Keeps keep-alive connections in their own threads but runs one request at a time when
    the threads share a database connection."""

    request_lock = threading.Lock()

    def get_app(self):
        app = super().get_app()
        if not self.connections_override:
            return app

        def one_at_a_time(environ, start_response):
            with self.request_lock:
                return app(environ, start_response)

        return one_at_a_time


def install() -> None:
    LiveServerThread.server_class = OneRequestAtATimeOnSharedConnection
