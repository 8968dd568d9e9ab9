"""TaskGroup: one failure cancels the siblings
Three downloads run in a TaskGroup. When one fails, the group cancels the
others (their cleanup runs), waits for them, and raises an ExceptionGroup
that except* takes apart.
"""
import asyncio


class DownloadError(Exception):
    pass


async def download(name, seconds, fail=False):
    print(f"{name}: start")
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise DownloadError(f"{name} is corrupt")
        print(f"{name}: done")
        return name
    except asyncio.CancelledError:
        print(f"{name}: cancelled, deleting the partial file")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as group:
            group.create_task(download("video.mp4", 3))
            group.create_task(download("notes.txt", 1, fail=True))
            group.create_task(download("slides.pdf", 2))
        print("all downloads finished")
    except* DownloadError as eg:
        for err in eg.exceptions:
            print("failed:", err)
    print("main goes on")


if __name__ == "__main__":
    asyncio.run(main())
