class Job(Exception, retries=3):
    pass
