"""The Woo grounds (artikel 5.1 en 5.2 Woo) with the labels a Woo officer knows them by."""

from __future__ import annotations

LABELS: dict[str, str] = {
    "5.1.1a": "eenheid van de Kroon",
    "5.1.1b": "veiligheid van de Staat",
    "5.1.1c": "vertrouwelijk meegedeelde bedrijfs- en fabricagegegevens",
    "5.1.1d": "bijzondere persoonsgegevens",
    "5.1.1e": "nationale identificatienummers",
    "5.1.2a": "betrekkingen met andere staten en internationale organisaties",
    "5.1.2b": "economische of financiële belangen van de Staat",
    "5.1.2c": "opsporing en vervolging van strafbare feiten",
    "5.1.2d": "inspectie, controle en toezicht",
    "5.1.2e": "eerbiediging van de persoonlijke levenssfeer",
    "5.1.2f": "bescherming van concurrentiegevoelige bedrijfs- en fabricagegegevens",
    "5.1.2g": "bescherming van het milieu",
    "5.1.2h": "beveiliging van personen en bedrijven",
    "5.1.2i": "het goed functioneren van de Staat",
    "5.1.5": "onevenredige benadeling",
    "5.2": "persoonlijke beleidsopvattingen in intern beraad",
}
