"""
Webhook signing secrets: Standard Webhooks' `whsec_` + base64 of 24 random bytes.

A secret must be readable to sign, so it is stored encrypted (Fernet) with a key derived from
SECRET_KEY; keys derived from SECRET_KEY_FALLBACKS still decrypt, so SECRET_KEY can be rotated
as Django documents. The plain secret is shown once, when it is created (decision 0101).
"""

import base64
import hashlib
import secrets

from cryptography.fernet import Fernet, MultiFernet
from django.conf import settings
from django.utils.crypto import salted_hmac

PREFIX = "whsec_"
SALT = "citynet.webhooks.secret"


def generate_secret():
    return PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def _fernet(key):
    digest = salted_hmac(SALT, "fernet", secret=key, algorithm="sha256").digest()
    return Fernet(base64.urlsafe_b64encode(digest))


def _ciphers():
    keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return MultiFernet([_fernet(key) for key in keys])


def encrypt(secret):
    return _ciphers().encrypt(secret.encode()).decode()


def decrypt(token):
    return _ciphers().decrypt(token.encode()).decode()


def fingerprint(secret):
    """A short, non-reversible label so administrators can tell secrets apart."""
    return hashlib.sha256(secret.encode()).hexdigest()[:8]
