"""The domain: records, enums and rules that need no storage."""
