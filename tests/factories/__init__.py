from .accounts import UserFactory, create_user
from .ids import start_ids_at
from .site import site_home

__all__ = ["UserFactory", "create_user", "site_home", "start_ids_at"]
