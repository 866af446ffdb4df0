from mltrail.cli.app import main

main()
