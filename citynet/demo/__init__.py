"""
Demo content for local use: `manage.py load_demo` calls these modules in order. Each function
is idempotent (it creates only what is missing) and reports what it created through `log`.
"""
