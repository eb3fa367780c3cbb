"""Round files written in a test: the head of a one-fund round (fund LUM) and one application."""

HEAD = """
format = 1
year = {year}

[document]
title = "Testomgång"
date = {date}
seed = "test.txt"
deciding_body = "Socialnämnden"
kind = "tjänsteutlåtande"

[[funds]]
id = "LUM"
name = "Lokala utvecklingsprojekt"
budget = "{budget}"
"""

ROW = """
[[applications]]
id = "{id}"
fund = "LUM"
applicant = "{applicant}"
project = "{project}"
{amounts}
decision = "{decision}"
reason = ""
source = {{ line = 2 }}
"""
