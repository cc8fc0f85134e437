"""A database on a network share is recognised, from the mount table."""

from __future__ import annotations

from pathlib import Path

from spbgui.store.location import is_network_path

MOUNTS = """\
/dev/vda / ext4 rw 0 0
proc /proc proc rw 0 0
//fileserver/otdel /mnt/otdel cifs rw 0 0
nas:/export/home /home/shared nfs4 rw 0 0
"""


def test_shares_and_local_disks() -> None:
    assert is_network_path(Path("/mnt/otdel/table.sqlite"), mounts=MOUNTS)
    assert is_network_path(Path("/home/shared/x/table.sqlite"), mounts=MOUNTS)
    assert not is_network_path(Path("/home/user/table.sqlite"), mounts=MOUNTS)
    assert not is_network_path(Path("/mnt/otdel-local/table.sqlite"), mounts=MOUNTS)


def test_a_local_temporary_folder_is_local(tmp_path: Path) -> None:
    assert not is_network_path(tmp_path)
