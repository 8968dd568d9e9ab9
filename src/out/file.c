/* file.c: atomic export files. See file.h.
 * The temp file is ".NAME.XXXXXX" in the target's folder (mkstemp), given
 * the permissions a new file would get (0666 less the umask) rather than
 * mkstemp's 0600. Commit checks every stdio error, fsyncs, closes, then:
 *   - force: rename over the target (atomic replace);
 *   - no force: link the temp file to the target, which fails if the
 *     target appeared meanwhile, so nothing is ever replaced by accident;
 *     file systems without hard links fall back to a check and a rename.
 * Only a regular file (or nothing) is ever replaced: a device, a named
 * pipe, a folder or a symbolic link at the path is refused with a reason.
 * Messages name the target, never the temp file the user did not ask for. */
#include "file.h"

#include "../base/base.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

struct OutFile {
    FILE *f;
    char *path;
    char *tmp;
    bool force;
};

static void say(char *err, size_t n, const char *path, const char *reason)
{
    snprintf(err, n, "cannot write %s: %s", path, reason);
}

static char *temp_template(const char *path)
{
    const char *slash = strrchr(path, '/');
    size_t dirlen = slash ? (size_t)(slash - path) + 1 : 0;
    Buf b;
    buf_init(&b);
    buf_putn(&b, path, dirlen);
    buf_printf(&b, ".%s.XXXXXX", path + dirlen);
    return b.s; /* the caller frees it */
}

static bool exists(const char *path)
{
    struct stat st;
    return lstat(path, &st) == 0;
}

/* What path is when it is not a regular file (or missing): NULL if it is
 * one, else the reason it is never replaced or written through. A symbolic
 * link counts as what it points to; a dangling one is refused too. */
static const char *not_regular(const char *path)
{
    struct stat lst, st;
    if (lstat(path, &lst) != 0)
        return NULL; /* missing: created */
    if (stat(path, &st) != 0)
        return "it is a symbolic link to nothing";
    if (S_ISREG(st.st_mode))
        return S_ISLNK(lst.st_mode) ? "it is a symbolic link (give the file it points to)" : NULL;
    if (S_ISDIR(st.st_mode))
        return "that is a folder, not a file name";
    if (S_ISCHR(st.st_mode) || S_ISBLK(st.st_mode))
        return "it is a device, not a file (- instead writes to standard output)";
    if (S_ISFIFO(st.st_mode))
        return "it is a named pipe, not a file (- instead writes to standard output)";
    return "it is not a regular file";
}

OutFile *file_begin(const char *path, bool force, char *err, size_t n)
{
    if (!*path || path[strlen(path) - 1] == '/') {
        say(err, n, path, "that is a folder, not a file name");
        errno = EISDIR;
        return NULL;
    }
    /* only a regular file is ever replaced: renaming over /dev/null (as
     * root) or a named pipe would put a plain file in its place */
    const char *why = not_regular(path);
    if (why) {
        say(err, n, path, why);
        errno = EINVAL;
        return NULL;
    }
    if (!force && exists(path)) {
        say(err, n, path, "it already exists");
        errno = EEXIST;
        return NULL;
    }
    char *tmp = temp_template(path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        say(err, n, path, strerror(e));
        xfree(tmp);
        errno = e;
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    FILE *f = NULL;
    if (fchmod(fd, 0666 & ~mask) != 0 || !(f = fdopen(fd, "wb"))) {
        int e = errno;
        say(err, n, path, strerror(e));
        close(fd);
        unlink(tmp);
        xfree(tmp);
        errno = e;
        return NULL;
    }
    OutFile *of = xmalloc(sizeof *of);
    *of = (OutFile){.f = f, .path = xstrdup(path), .tmp = tmp, .force = force};
    return of;
}

FILE *file_stream(OutFile *f) { return f->f; }

static void file_free(OutFile *f)
{
    xfree(f->path);
    xfree(f->tmp);
    xfree(f);
}

/* Put the finished temp file at the path. Returns 0 or an errno. */
static int put_in_place(const OutFile *f)
{
    /* checked again: the path may have become a device or a link since */
    if (not_regular(f->path))
        return EINVAL;
    if (f->force)
        return rename(f->tmp, f->path) == 0 ? 0 : errno;
    if (link(f->tmp, f->path) == 0) {
        unlink(f->tmp);
        return 0;
    }
    int e = errno;
    if (e == EEXIST)
        return e;
    /* no hard links here (some FUSE and FAT file systems) */
    if (e == EPERM || e == ENOTSUP || e == EOPNOTSUPP || e == ENOSYS || e == EMLINK) {
        if (exists(f->path))
            return EEXIST;
        return rename(f->tmp, f->path) == 0 ? 0 : errno;
    }
    return e;
}

bool file_commit(OutFile *f, char *err, size_t n)
{
    int e = 0;
    errno = 0;
    if (fflush(f->f) != 0 || ferror(f->f))
        e = errno ? errno : EIO;
    if (!e && fsync(fileno(f->f)) != 0 && errno != EINVAL && errno != EROFS)
        e = errno;   /* EINVAL/EROFS: a file that cannot be synced, such as on some FUSE mounts */
    if (fclose(f->f) != 0 && !e)
        e = errno ? errno : EIO;
    if (!e)
        e = put_in_place(f);
    if (e) {
        const char *why = e == EINVAL ? not_regular(f->path) : NULL;
        say(err, n, f->path, e == EEXIST ? "it already exists" : why ? why : strerror(e));
        unlink(f->tmp);
        file_free(f);
        errno = e;
        return false;
    }
    file_free(f);
    return true;
}

void file_abort(OutFile *f)
{
    fclose(f->f);
    unlink(f->tmp);
    file_free(f);
}
