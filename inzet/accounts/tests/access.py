from inzet.lib.testing import LOGIN, everyone

MATRIX = {
    "accounts:login": (None, everyone(302), 200),  # logged-in people are sent on to their home page
    "accounts:logout": (None, everyone(405), 405),  # logging out is a POST
    "accounts:two_factor_verify": (None, everyone(200), LOGIN),
    "accounts:two_factor_setup": (None, everyone(200), LOGIN),
    "accounts:settings": (None, everyone(200), LOGIN),
    "accounts:api_tokens": (None, everyone(200), LOGIN),
    "accounts:api_token_revoke": (lambda o: {"pk": 999999}, everyone(405), LOGIN),  # POST: below
    "accounts:password_reset": (None, everyone(200), 200),
    "accounts:password_reset_done": (None, everyone(200), 200),
    "accounts:password_reset_confirm": (lambda o: {"uidb64": "MQ", "token": "bad"}, everyone(200), 200),
    "accounts:password_reset_complete": (None, everyone(200), 200),
}

POST_MATRIX = {
    # Revoking only ever touches one's own keys, so everyone logged in is redirected back.
    "accounts:api_token_revoke": (lambda o, p: {"pk": 999999}, everyone(302)),
}
