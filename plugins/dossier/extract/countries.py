"""Country knowledge now lives below the stages, in dossier/world.py; this name stays importable for
the extract modules that still read it here (charges.py, topics.py)."""
from ..world import (Country, capital_of, city_country, countries, country_by_iso3, country_of,
                     demonym_country, government_of, is_place, seat_country)

__all__ = ["Country", "capital_of", "city_country", "countries", "country_by_iso3", "country_of",
           "demonym_country", "government_of", "is_place", "seat_country"]
