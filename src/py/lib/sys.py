# sys: only what touches no host: exit, stdout.write, stderr.write,
# version_info, version, maxsize. Everything else of sys stays refused.
# The version is the one the run follows (--python, `# loopscope: python`,
# default 3.12), at the patch level installed beside loopscope's oracle.


class _VersionInfo:
    def __init__(self):
        self._t = _pyver() + ("final", 0)
        self.major, self.minor, self.micro, self.releaselevel, self.serial = self._t

    def __getitem__(self, i):
        return self._t[i]

    def __len__(self):
        return 5

    def __iter__(self):
        return iter(self._t)

    def __eq__(self, other):
        return self._t == other

    def __lt__(self, other):
        return self._t < other

    def __le__(self, other):
        return self._t <= other

    def __gt__(self, other):
        return self._t > other

    def __ge__(self, other):
        return self._t >= other

    def __repr__(self):
        return (f"sys.version_info(major={self.major}, minor={self.minor}, micro={self.micro}, "
                "releaselevel='final', serial=0)")


version_info = _VersionInfo()
version = f"{version_info.major}.{version_info.minor}.{version_info.micro} (loopscope)"
maxsize = 9223372036854775807


class _Stdout:
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        print(s, end="")
        return len(s)

    def flush(self):
        pass


class _Stderr:
    def write(self, s):
        if not isinstance(s, str):
            raise TypeError(f"write() argument must be str, not {type(s).__name__}")
        _stderr(s)
        return len(s)

    def flush(self):
        pass


stdout = _Stdout()
stderr = _Stderr()


def exit(status=None):
    raise SystemExit(status)
