"""
What protects the site from its visitors: the Content-Security-Policy middleware (csp.py,
decision 0074) and the throttling of password guessing and refused API tokens (throttling.py,
decisions 0072 and 0180). docs/security.md lists every measure and its test.
"""
