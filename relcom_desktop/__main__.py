from relcom_desktop.cli import main

raise SystemExit(main())
