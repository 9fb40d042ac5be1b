"""`make load`: the whole app under load (gunicorn on PostgreSQL, driven by locust). See run.py."""
