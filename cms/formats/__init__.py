"""Date formats of the site, found through ``FORMAT_MODULE_PATH``."""
