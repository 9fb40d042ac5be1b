"""What experts tells the apps above it. experts imports none of them; they connect in their
AppConfig.ready() (see the layers in the top README)."""

from django.dispatch import Signal

# Sent inside the transaction of every write to a profile, its experiences, roles, languages,
# competences, training or visibility, with `profile_ids`. The directory rebuilds its search words.
profile_changed = Signal()
