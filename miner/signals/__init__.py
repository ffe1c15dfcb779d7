"""Signals: time series of outage reports, their baselines, and the incidents they reveal."""
