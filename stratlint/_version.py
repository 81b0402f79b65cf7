"""The version, in a module of its own so that any module can read it without importing the
package's public API (and through it the engine): no import runs back up to `stratlint`."""

__version__ = "0.1.0"
