import asyncio

class Reading(ValueError, KeyError):
    pass
