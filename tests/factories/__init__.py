from .accounts import UserFactory, create_user
from .site import site_home

__all__ = ["UserFactory", "create_user", "site_home"]
