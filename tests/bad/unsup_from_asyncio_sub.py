from asyncio import subprocess
