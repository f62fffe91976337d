"""The database: models, engine and migrations, repositories, the outbox and logs."""
