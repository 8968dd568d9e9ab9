import asyncio

class Meta:
    pass

class Client(metaclass=Meta):
    pass
