"""RelCom Desktop: relational commissioning records for looked-after children."""

__version__ = "0.1.0"
APP_NAME = "RelCom Desktop"
