"""The course in an LMS: the site zip and the SCORM 1.2 package (:mod:`.pakket`, ``make pakket``).

``scorm/`` holds the wrapper page's script and style, the package's one SCO.
"""
