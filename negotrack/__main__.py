from negotrack.cli import main

raise SystemExit(main())
