"""A python directive with a version loopscope does not follow."""
# loopscope: python 3.10
import asyncio
