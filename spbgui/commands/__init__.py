"""spbgui-cli subcommands beyond info and dump; each module has register(sub, db_arg)."""
