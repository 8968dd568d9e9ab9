"""A python directive with something after the version."""
# loopscope: python 3.12 please
import asyncio
