import asyncio

class Results(list):
    pass
