from inzet.accounts.permissions import get_roles


def roles(request):
    user = getattr(request, "user", None)
    return {"roles": get_roles(user)} if user is not None else {}
