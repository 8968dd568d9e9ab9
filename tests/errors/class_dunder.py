import asyncio

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __getattr__(self, other):
        return Money(self.cents + other.cents)
