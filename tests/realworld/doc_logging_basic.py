# source: CPython docs, logging HOWTO (basicConfig, format) in an asyncio program
import asyncio
import logging

logging.basicConfig(format='%(asctime)s %(levelname)s:%(name)s:%(message)s', level=logging.DEBUG)
logger = logging.getLogger(__name__)

async def job(n):
    logger.debug('job %d starting', n)
    await asyncio.sleep(n)
    logger.info('job %d done', n)
    print("job", n)

async def main():
    logger.warning('Watch out!')
    await asyncio.gather(job(1), job(2))
    logging.error('And non-ASCII stuff, too, like Øresund and Malmö')

asyncio.run(main())
