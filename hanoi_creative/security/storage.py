"""Media storage that leaves nothing behind when a write fails.

Django's FileSystemStorage keeps whatever it wrote before the disk filled up; a truncated image
would then be served and turned into renditions. Here the partial file is removed and the
failure is raised as ``StorageUnavailable``, which the admin turns into a message.
"""

import errno
import os
import shutil

from django.core.files.storage import FileSystemStorage

STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EROFS, errno.EACCES, errno.EPERM, errno.EFBIG}


class StorageUnavailable(OSError):
    """The media storage cannot take the file (full, read-only or not writable)."""


class CleanFileSystemStorage(FileSystemStorage):
    def _save(self, name, content):
        full_path = self.path(name)
        existed = os.path.exists(full_path)
        try:
            return super()._save(name, content)
        except FileExistsError:
            raise
        except OSError as error:
            if not existed and os.path.isfile(full_path):
                os.remove(full_path)
            if error.errno in STORAGE_ERRNOS:
                raise StorageUnavailable(error.errno, error.strerror, full_path) from error
            raise

    def can_take(self, size):
        """Whether ``size`` more bytes fit: the media folder is writable and has room."""
        location = self.location
        while not os.path.isdir(location):
            parent = os.path.dirname(location)
            if parent == location:
                return False
            location = parent
        if not os.access(location, os.W_OK) or _read_only(location):
            return False
        return shutil.disk_usage(location).free > size


def _read_only(path):
    return bool(os.statvfs(path).f_flag & os.ST_RDONLY)
