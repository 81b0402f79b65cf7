"""Reading: bytes on disk to text (`files`), directories to the files to lint (`discover`), paths
to what a user sees (`pathnames`), Markdown to a `Document` (`parse`, with `markup` for inline
text and `sentences` for sentence splitting). Nothing here knows about rules.
"""
