"""Reading older and other spreadsheets (.xls, .ods, .xlsb) through python-calamine."""
