"""
The one live-server harness (decision 0220). Every test that runs the site in processes of its
own (browser, demo, worker, cluster and fault tests) starts it here:

- sites (citynet/demo/live.py, shared with `make screenshots`): `runserver` on port 0, the port
  read back from what it prints once bound; the database a copy of the test run's migrated one
  (`migrated_database`), never a `migrate` from scratch;
- servers (servers.py): Redis and PostgreSQL on Unix sockets in the test's folder, which keep
  their address across a restart; Varnish, moto and the OpenID provider on port 0, read back;
- fixtures (fixtures.py, loaded by tests/conftest.py): `live_site`, `browser`, `clock`;
- scheduling (scheduling.py): the tests sharing a site grouped on one xdist worker, so that
  `make test` (`--dist loadgroup`) starts it once (decision 0320).

No test chooses a port number.
"""
