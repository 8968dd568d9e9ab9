class Config:
    __slots__ = ("host", "port")
