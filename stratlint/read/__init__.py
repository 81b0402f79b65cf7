"""Reading: bytes on disk to text (`files`), directories to the files to lint (`discover`), paths
to what a user sees (`pathnames`), text to sentences (`sentences`). `stratlint.parse` and
`stratlint.markup` (still at the top level) build the `Document`. Nothing here knows about rules.
"""
