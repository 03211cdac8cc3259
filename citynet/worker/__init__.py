"""
The task worker (`manage.py db_worker`) and the periodic tasks it starts (decision 0226).
Every periodic task is declared once, in the setting PERIODIC_TASKS.
"""
