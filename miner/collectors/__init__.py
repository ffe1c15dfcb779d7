"""Collectors: each source maps its raw JSON into `Post` in one place and harvests in resumable runs."""
