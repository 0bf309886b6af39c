"""Frozen copies of earlier detectors, ONLY for bench/eval_detector.py to measure against."""
