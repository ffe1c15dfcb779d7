"""Reports: CSV files (and later HTML) over the database, for people and spreadsheets."""
