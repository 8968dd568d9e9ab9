"""Two python directives that disagree."""
# loopscope: python 3.11
# loopscope: python 3.13
import asyncio
