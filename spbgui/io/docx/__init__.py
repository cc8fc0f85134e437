"""Reading the committee's table from a Word document (.docx)."""
