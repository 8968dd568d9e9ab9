import asyncio
# loopscope: net GET https://x.example/ fast
