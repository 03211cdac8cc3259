"""
One HTTP POST to a subscriber, safe against server-side request forgery.

The host name is resolved here, every address it resolves to is checked, and the connection is
made to the checked address (TLS still verifies the certificate for the host name), so DNS cannot
answer a public address to a check and a private one to the connection. Redirects are never
followed: http.client does not follow them.
"""

import dataclasses
import http.client
import ipaddress
import socket
import ssl
import time
from urllib.parse import urlsplit

from django.conf import settings
from django.utils.translation import gettext as _


class Refused(Exception):
    """The target is not allowed (scheme or address): not retried."""


@dataclasses.dataclass
class Response:
    status: int
    headers: http.client.HTTPMessage
    excerpt: str
    duration_ms: int


def check_url(url):
    """Save-time checks of a target URL; raises Refused with the reason."""
    parts = urlsplit(url)
    if settings.WEBHOOKS_ALLOW_HTTP and parts.scheme not in {"http", "https"}:
        raise Refused(_("the target must use http or https"))
    if not settings.WEBHOOKS_ALLOW_HTTP and parts.scheme != "https":
        raise Refused(_("the target must use https"))
    if not parts.hostname:
        raise Refused(_("the target has no host"))
    if parts.username or parts.password:
        raise Refused(_("credentials in the URL are not allowed; use the signature"))
    try:
        address = ipaddress.ip_address(parts.hostname)
    except ValueError:
        return parts  # a name: checked when it is resolved, at each delivery
    check_address(address)
    return parts


def check_address(address):
    if address.version == 6 and address.ipv4_mapped:
        address = address.ipv4_mapped
    if address.is_loopback and settings.WEBHOOKS_ALLOW_LOOPBACK:
        return
    if not address.is_global or address.is_multicast or address.is_reserved:
        raise Refused(
            _("%(address)s is a private, loopback, link-local or reserved address")
            % {"address": address}
        )


def resolve(host, port):
    """The addresses `host` resolves to, all of them checked; refused if any is not public."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as error:
        raise ConnectionError(f"cannot resolve {host}: {error}") from error
    addresses = [ipaddress.ip_address(info[4][0].split("%")[0]) for info in infos]
    for address in addresses:
        check_address(address)
    return str(addresses[0])


class PinnedHTTPConnection(http.client.HTTPConnection):
    """Connects to an address checked beforehand, whatever DNS says now."""

    def __init__(self, host, port, address, timeout):
        super().__init__(host, port, timeout=timeout)
        self.address = address

    def connect(self):
        self.sock = socket.create_connection((self.address, self.port), self.timeout)
        self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)


class PinnedHTTPSConnection(PinnedHTTPConnection):
    default_port = http.client.HTTPS_PORT

    def connect(self):
        super().connect()
        context = ssl.create_default_context()
        self.sock = context.wrap_socket(self.sock, server_hostname=self.host)


def post(url, body, headers):
    """POST `body` to `url`; returns a Response or raises Refused, OSError or HTTPException."""
    parts = check_url(url)
    port = parts.port or (443 if parts.scheme == "https" else 80)
    address = resolve(parts.hostname, port)
    connection_class = PinnedHTTPSConnection if parts.scheme == "https" else PinnedHTTPConnection
    connection = connection_class(parts.hostname, port, address, settings.WEBHOOKS_TIMEOUT)
    path = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
    started = time.monotonic()
    try:
        connection.request("POST", path, body=body.encode(), headers=headers)
        response = connection.getresponse()
        excerpt = response.read(500).decode(errors="replace")
    finally:
        connection.close()
    duration_ms = round((time.monotonic() - started) * 1000)
    return Response(response.status, response.headers, excerpt, duration_ms)
