from negotrack.cli.commands import main

raise SystemExit(main())
