"""Text replies, the report (txt, docx), the bulletin, the spreadsheet, charts, ledger TOML."""
