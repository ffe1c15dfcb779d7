"""outage-miner: find online-service outages in social media before the status page admits them."""

__version__ = "0.1.0"
