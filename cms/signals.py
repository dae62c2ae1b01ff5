"""Signals of the site core; their receivers live in the apps that react to them."""

from django.dispatch import Signal

# Sent by ReviewTask when the Redaktion declines a submission outright, inside the transaction
# that cancels its workflow. Arguments: ``workflow_state``, ``decline`` (the ReviewDecline with
# the reason) and ``user`` (who declined).
review_declined = Signal()
