"""The web app (`mltrail serve`): FastAPI, Jinja pages with htmx, vendored assets; thin over `service`."""
