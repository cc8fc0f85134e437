"""The committee's table as text: the published .txt, a .tsv or .csv, rows pasted as text."""
