"""Exchanging data with the world outside the app: the SSDA903 return, Ofsted's provider
lists, spreadsheets and trackers, CSV and Excel lists, the lossless JSON export, calendars."""
