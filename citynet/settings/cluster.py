"""
`make cluster` (deploy/cluster.sh): the production settings on loopback, plus the demo app so that
the cluster serves the demo content, as `make run` does. Never for a public site: the demo's
accounts have published passwords (`check --deploy` refuses them).
"""

from .production import *  # noqa: F403
from .production import INSTALLED_APPS

INSTALLED_APPS = [*INSTALLED_APPS, "citynet.demo"]
