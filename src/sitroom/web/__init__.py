"""The desk: a web application and JSON API over the store (see :mod:`sitroom.web.app`)."""
