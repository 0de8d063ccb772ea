"""EventDesk: records of the meetings an international-affairs office takes part in."""

__version__ = "0.1.0"
