"""
Sign in with WordPress.com, for readers who comment (decision 0184). django-allauth has no
provider for it; WordPress.com speaks plain OAuth 2 with a profile endpoint, which is all an
allauth provider needs. Installed as an app so that allauth finds it like its own.
"""
