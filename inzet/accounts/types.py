"""Type aliases for annotations (services, selectors) that several apps share."""

from django.contrib.auth.models import AnonymousUser

from inzet.accounts.models import User

# Who reads a page or an API answer: a signed-in person, or on public pages nobody in particular.
Viewer = User | AnonymousUser
