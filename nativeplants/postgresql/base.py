"""Django's PostgreSQL backend, whose per-request connection health check needs no round trip.

With CONN_HEALTH_CHECKS, Django checks a reused connection before each
request's first query by running `SELECT 1`: a second round trip on a plant
page whose content is one query, about a tenth of its server time.  The check
is there for a connection the server has closed (a restart, a failover, an
idle timeout, `pg_terminate_backend`).  A server that closes a connection
sends a last error message and ends the stream, so the socket of an idle
connection has something to read only when that happened (or in the rare
case of a notice).  The check here therefore looks at the socket without
waiting: nothing to read, and the connection is used as it is; anything,
and Django's own `SELECT 1` check decides, so a closed connection is replaced
before the request uses it, as before.

Its connections also read `json` columns (the plant page documents,
plants.models.page) as text, as Django has psycopg read `jsonb`: the JSON
fields decode it themselves.
"""

import select

from django.db.backends.postgresql import base
from psycopg import pq
from psycopg.types.string import TextLoader


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        connection = super().get_new_connection(conn_params)
        connection.adapters.register_loader("json", TextLoader)
        return connection

    def close_if_health_check_failed(self):
        if self.connection is None or not self.health_check_enabled or self.health_check_done or self.pool:
            return super().close_if_health_check_failed()
        if self.server_may_have_closed() and not self.is_usable():
            self.close()
        self.health_check_done = True

    def server_may_have_closed(self) -> bool:
        """Whether the server sent anything to this idle connection: if not, it has not closed it."""
        pgconn = self.connection.pgconn
        if pgconn.status != pq.ConnStatus.OK:
            return True
        poller = select.poll()
        poller.register(pgconn.socket, select.POLLIN)
        return bool(poller.poll(0))
