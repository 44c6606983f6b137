"""Tests of the data build tool (databuild/) and of the data files it generated."""
