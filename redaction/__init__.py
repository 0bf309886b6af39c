"""Woo redaction: finding and blacking out personal data in the public version."""
