"""Where a database file lives: a local disk, or a network share where SQLite's locks lie.

SQLite relies on the file system's locks, which network file systems (NFS, SMB/CIFS)
do not keep reliably; two people on one shared file can then corrupt it. We warn
instead of refusing: one person at a time on a share works, and the server mode
(PostgreSQL) is the answer for several.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FS = {
    "nfs", "nfs4", "cifs", "smb", "smb2", "smb3", "smbfs", "ncpfs", "afs", "9p",
    "fuse.sshfs", "sshfs", "davfs", "fuse.davfs2", "glusterfs", "ceph", "fuse.rclone",
}  # fmt: skip


def _mount_type(path: Path, mounts: str) -> str | None:
    """The file system type of the longest mount point that holds ``path`` (Linux /proc/mounts)."""
    best, kind = "", None
    target = str(path)
    for line in mounts.splitlines():
        parts = line.split()
        if len(parts) < 3:
            continue
        point = parts[1].replace("\\040", " ")
        if (target == point or target.startswith(point.rstrip("/") + "/")) and len(point) > len(
            best
        ):
            best, kind = point, parts[2]
    return kind


def is_network_path(path: Path, *, mounts: str | None = None) -> bool:
    path = path.resolve()
    if sys.platform == "win32":
        text = str(path)
        if text.startswith("\\\\"):
            return True  # \\server\share
        import ctypes

        drive = os.path.splitdrive(text)[0] + "\\"
        return bool(ctypes.windll.kernel32.GetDriveTypeW(drive) == 4)  # 4: DRIVE_REMOTE
    if mounts is None:
        try:
            mounts = Path("/proc/mounts").read_text()
        except OSError:
            return False
    kind = _mount_type(path, mounts)
    return kind is not None and kind.lower() in NETWORK_FS


NETWORK_NOTE = (
    "База данных лежит в сетевой папке: одновременная работа нескольких человек с этим файлом "
    "может его повредить. Для совместной работы используйте сервер (PostgreSQL)."
)
