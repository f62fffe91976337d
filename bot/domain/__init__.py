"""Pure rules: ledger types, statuses, pace, units, the admin command grammar, reminder
policy. No database, no transport."""
