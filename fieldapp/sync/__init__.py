"""Many laptops, one station: station identity, sealed bundles, import, receipts, review."""
