"""The transport-free conversation: rights, commands, buttons, replies as plain values."""
