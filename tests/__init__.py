"""The test suite, as a package: modules are named ``tests.<...>``, so two folders may
hold modules of the same name and the plain helpers import as ``tests.helpers``."""
