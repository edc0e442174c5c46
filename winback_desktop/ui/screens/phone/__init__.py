"""The phone: the workspace's phone strip, the Qt bridge for phone events, the phone settings."""
