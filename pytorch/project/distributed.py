"""One process or many. Started by torchrun (or by hand with the variables torchrun sets: RANK,
WORLD_SIZE, MASTER_ADDR, MASTER_PORT, LOCAL_RANK), or by `--nproc N`, which spawns N processes on
this machine itself (Debian's torchrun 1.13 fails on Python 3.11). gloo on CPU, NCCL on GPUs.

Every process reads the whole file and draws the same batch order; each takes its contiguous share
of every global batch. Losses are each process's sum over its rows divided by the *global* count
of labelled rows, so the all-reduced gradient is the gradient of the whole batch's masked mean:
the same step the single-process run takes, up to the order of floating-point sums."""

import os
from dataclasses import dataclass

import numpy as np
import torch
import torch.distributed as dist


@dataclass
class World:
    rank: int = 0
    size: int = 1
    local_rank: int = 0
    device: torch.device = torch.device("cpu")

    @property
    def main(self) -> bool:
        return self.rank == 0

    @property
    def distributed(self) -> bool:
        return self.size > 1

    def shard(self, rows: np.ndarray) -> np.ndarray:
        """This process's contiguous share of a global batch (np.array_split: sizes differ by at most one)."""
        return np.array_split(rows, self.size)[self.rank] if self.distributed else rows

    def sum(self, t: torch.Tensor) -> torch.Tensor:
        """Σ over processes (a new tensor; no gradient flows through it)."""
        if not self.distributed:
            return t
        out = t.detach().clone()
        dist.all_reduce(out, op=dist.ReduceOp.SUM)
        return out

    def mean_(self, tensors: list) -> None:
        """Averages gradients over processes in place, in one flat all-reduce."""
        if not self.distributed or not tensors:
            return
        flat = torch.cat([t.reshape(-1) for t in tensors])
        dist.all_reduce(flat, op=dist.ReduceOp.SUM)
        flat /= self.size
        offset = 0
        for t in tensors:
            n = t.numel()
            t.copy_(flat[offset : offset + n].view_as(t))
            offset += n

    def barrier(self) -> None:
        if self.distributed:
            dist.barrier()

    def close(self) -> None:
        if self.distributed and dist.is_initialized():
            dist.destroy_process_group()


def pick_device(choice: str, local_rank: int) -> torch.device:
    if choice == "cuda" or (choice == "auto" and torch.cuda.is_available()):
        if not torch.cuda.is_available():
            raise SystemExit("--device cuda: no CUDA device is visible to PyTorch here.")
        return torch.device("cuda", local_rank % torch.cuda.device_count())
    return torch.device("cpu")


def world_from_environment(device_choice: str) -> World:
    """The process group torchrun's variables describe, or one process when they are absent."""
    size = int(os.environ.get("WORLD_SIZE", "1"))
    rank = int(os.environ.get("RANK", "0"))
    local_rank = int(os.environ.get("LOCAL_RANK", str(rank)))
    device = pick_device(device_choice, local_rank)
    if size <= 1:
        return World(0, 1, 0, device)
    for name in ("MASTER_ADDR", "MASTER_PORT"):
        if name not in os.environ:
            raise SystemExit(f"WORLD_SIZE is {size} but {name} is not set: start with torchrun, or set RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT.")
    backend = "nccl" if device.type == "cuda" else "gloo"
    if device.type == "cuda":
        torch.cuda.set_device(device)
    dist.init_process_group(backend, rank=rank, world_size=size)
    return World(rank, size, local_rank, device)
