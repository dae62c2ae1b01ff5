"""Outgoing e-mail: every message of the platform is queued here and leaves after the commit.

``services.email_send`` is the one way to send an e-mail; see its docstring for the path a
message takes and how failures are retried.
"""
