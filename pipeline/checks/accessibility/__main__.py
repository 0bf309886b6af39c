"""`python -m pipeline.checks.accessibility [PATH...]`: the accessibility checks of `make validate`."""

from __future__ import annotations

from pipeline.checks.accessibility.validate import main

raise SystemExit(main())
