"""Trains the run exported from MTL Playground, as the browser trained it.

    python3 train.py DATA.csv                      one process (CPU, or one GPU)
    python3 train.py DATA.csv --nproc 2            two processes on this machine (DDP, gloo)
    torchrun --nproc_per_node=N train.py DATA.csv  N processes per machine (--nnodes/--rdzv-* for several)

Writes metrics.csv (the format of the app's `Export metrics`), model.pt and trained-weights.json
(the trained weights in the app's format) into --out (default: this folder). README.md says more."""

import argparse
import json
import math
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

FORMAT = "mtl-playground-pytorch"
VERSION = 1


class ProjectError(Exception):
    """A problem with the project's own files, said in a sentence."""


def parse_args(argv=None):
    p = argparse.ArgumentParser(description="Train the run exported from MTL Playground (see README.md).")
    p.add_argument("data", help="the CSV file the run was trained on (or a larger one with the same columns)")
    p.add_argument("--out", default=None, help="folder for metrics.csv, model.pt and trained-weights.json (default: the project's folder)")
    p.add_argument("--epochs", type=int, default=None, help="epochs to train (default: the run's)")
    p.add_argument("--project", default=HERE, help="the unzipped project (default: this script's folder)")
    p.add_argument("--device", choices=["auto", "cpu", "cuda"], default="auto", help="where to train (default: a GPU when PyTorch sees one)")
    p.add_argument("--nproc", type=int, default=1, help="spawn this many processes on this machine (DDP) instead of using torchrun")
    p.add_argument("--fresh-init", action="store_true", help="start from a new random initialisation instead of the browser's initial weights")
    p.add_argument(
        "--perturb",
        type=float,
        default=0.0,
        help="multiply every initial weight by (1 + PERTURB·N(0,1)), e.g. 1e-7: how far float rounding alone moves this run's metrics",
    )
    p.add_argument("--check", default=None, help="a metrics file to compare with (the project's browser-metrics.csv); writes parity.json")
    p.add_argument("--quiet", action="store_true", help="print only the summary")
    return p.parse_args(argv)


def read_json(folder: str, name: str) -> dict:
    path = os.path.join(folder, name)
    try:
        with open(path, encoding="utf-8") as f:
            value = json.load(f)
    except FileNotFoundError:
        raise ProjectError(f"{name} is missing from {folder}: unzip the whole project the app exported.")
    except UnicodeDecodeError:
        raise ProjectError(f"{name} is not UTF-8 text: export the project again.")
    except json.JSONDecodeError as e:
        raise ProjectError(f"{name} is not valid JSON ({e.msg} at line {e.lineno}): export the project again.")
    if not isinstance(value, dict):
        raise ProjectError(f"{name} should hold a JSON object: export the project again.")
    return value


def load_project(folder: str) -> dict:
    config = read_json(folder, "config.json")
    if config.get("format") != FORMAT:
        raise ProjectError(f"config.json is not an MTL Playground PyTorch project (format {config.get('format')!r}, expected {FORMAT!r}).")
    version = config.get("version")
    if version != VERSION:
        raise ProjectError(
            f"config.json has version {version!r}; this script reads version {VERSION}. Export the project again from the app, or use the script that came with it."
        )
    for key in ("settings", "model", "weights", "enabled", "dataset"):
        if key not in config:
            raise ProjectError(f"config.json lacks {key!r}: export the project again.")
    project = {
        "config": config,
        "preprocess": read_json(folder, "preprocess.json"),
        "split": read_json(folder, "split.json"),
        "timeline": read_json(folder, "timeline.json"),
        "folder": folder,
    }
    if len(project["preprocess"].get("tasks", [])) != len(config["weights"]):
        raise ProjectError("config.json and preprocess.json disagree on the tasks: export the project again.")
    return project


def run(args) -> int:
    """Trains the project; 0 = done, 2 = bad input (said in one line), 3 = a loss turned NaN or infinite."""
    import torch

    from data import DataError, load_dataset
    from distributed import world_from_environment
    from model import load_initial_weights
    from trainer import Trainer

    world = world_from_environment(args.device)
    if world.device.type == "cpu" and world.distributed:  # N processes on one machine share its cores
        torch.set_num_threads(max(1, (os.cpu_count() or 1) // int(os.environ.get("LOCAL_WORLD_SIZE", world.size))))
    try:
        project = load_project(args.project)
        config = project["config"]
        if args.check:
            from metrics import read_metrics_csv

            read_metrics_csv(args.check)  # a bad file to compare with is said now, not after training
        data = load_dataset(args.data, config, project["preprocess"], project["split"])
        trainer = Trainer(project, data, world)
        if args.fresh_init:
            trainer.net.init_fresh(config["settings"]["seed"])
        else:
            load_initial_weights(trainer.net, os.path.join(args.project, "initial-weights.json"))
    except (ProjectError, DataError) as e:
        return fail(world, str(e))
    except FileNotFoundError as e:
        return fail(world, f"no file {e.filename}.")
    except (ValueError, KeyError, TypeError) as e:
        return fail(world, f"the project's files do not fit together ({type(e).__name__}: {e}); export the project again.")
    try:
        return train(args, project, data, trainer, world)
    finally:
        world.close()


def fail(world, text: str) -> int:
    if world.main:
        print(f"error: {text}", file=sys.stderr, flush=True)
    world.close()
    return 2


def train(args, project: dict, data, trainer, world) -> int:
    import torch

    from metrics import HEADER, history_rows

    config = project["config"]
    say = (lambda *a: print(*a, flush=True)) if world.main and not args.quiet else (lambda *a: None)
    trainer.log = say
    for note in data.notes:
        say(f"note: {note}")
    resumed = config.get("resumedAt")
    if resumed:
        say(
            f"note: the app reopened this run at epoch {resumed['epoch']} and went on from its saved weights; "
            "this script trains it from the start, with the live changes made since the reopening."
        )
    if args.perturb:
        trainer.net.perturb(args.perturb, config["settings"]["seed"])
    if world.distributed:
        trainer.wrap_ddp()
    epochs = args.epochs if args.epochs is not None else config["settings"]["epochs"]
    browser_epochs = (config.get("exportedAt") or {}).get("epoch", 0)
    out = args.out or args.project
    if world.main:
        os.makedirs(out, exist_ok=True)
    say(
        f"{len(data.train)} training rows, {len(data.val)} validation, {len(data.test)} test; "
        f"{trainer.steps_per_epoch} steps per epoch of {trainer.batch_size} rows"
        + (f" over {world.size} processes ({trainer.batch_size / world.size:g} rows each)" if world.distributed else "")
        + f"; {epochs} epochs on {world.device}."
    )
    lines = [HEADER]
    started = time.perf_counter()
    stopped_early = None
    diverged = None
    last_good = trainer.snapshot()  # the weights at the last epoch's end (a divergence goes back to them)
    last_good_epoch = 0
    while trainer.epochs_completed < epochs:
        epoch = trainer.epochs_completed + 1
        sums = None
        steps = 0
        while True:
            vector = trainer.train_step()
            if not all(math.isfinite(v) for v in vector[: len(trainer.tasks) + 1]):
                diverged = trainer.global_step
                break
            sums = vector if sums is None else [a + b for a, b in zip(sums, vector)]
            steps += 1
            if trainer.step_in_epoch == 0:
                break
        if diverged is not None:
            trainer.restore(last_good)
            say(
                f"A loss turned NaN or infinite at step {diverged}: stopped, with the weights of epoch {last_good_epoch} back"
                " (the initial ones for 0). A lower learning rate or clipping helps."
            )
            break
        T = len(trainer.tasks)
        train_loss = [s / steps for s in sums[:T]]
        trainer.record_epoch_losses(train_loss)
        val = trainer.evaluate(data.val)
        # Until paused, the app's early stopping only tracks the best epoch; and where the browser trained
        # on after an early stop (Train again), so does this run, from the best epoch's weights it put back.
        stop = trainer.check_early_stopping(epoch, val, stop=not config.get("untilPaused", False))
        lines += history_rows(epoch, trainer.global_step, trainer.tasks, train_loss, val)
        say(f"epoch {epoch}: " + "; ".join(f"{t['name']} {headline(t, m)}" for t, m in zip(trainer.tasks, val)))
        last_good, last_good_epoch = trainer.snapshot(), epoch
        if stop and epoch >= browser_epochs:
            stopped_early = trainer.best["epoch"]
            say(f"Stopped early: no better validation loss for {trainer.early['patience']} epochs; the weights of epoch {stopped_early} are back.")
            break
    wall = time.perf_counter() - started
    restored = None if stopped_early or diverged is not None else trainer.restore_best()
    if restored:
        say(f"The weights of the best epoch ({restored}) are back.")
    test = trainer.evaluate(data.test) if len(data.test) else None
    if world.main:
        with open(os.path.join(out, "metrics.csv"), "w", encoding="utf-8", newline="") as f:
            f.write("\n".join(lines) + "\n")
        torch.save({k: v.detach().cpu() for k, v in trainer.net.state_dict().items()}, os.path.join(out, "model.pt"))
        with open(os.path.join(out, "trained-weights.json"), "w", encoding="utf-8") as f:
            json.dump({"weights": trainer.net.tfjs_weights()}, f)
        summary = {
            "epochs": trainer.epochs_completed,
            "steps": trainer.global_step,
            "processes": world.size,
            "device": str(world.device),
            "wallSeconds": wall,
            "firstStep": trainer.first_step,
            "test": test,
            "stoppedEarly": stopped_early,
            "divergedAtStep": diverged,
        }
        with open(os.path.join(out, "summary.json"), "w", encoding="utf-8") as f:
            json.dump(finite(summary), f, indent=2)
        if test:
            print("test: " + "; ".join(f"{t['name']} {headline(t, m)}" for t, m in zip(trainer.tasks, test)), flush=True)
        print(f"{trainer.epochs_completed} epochs, {trainer.global_step} steps in {wall:.1f} s; metrics in {os.path.join(out, 'metrics.csv')}", flush=True)
        if args.check:
            from parity import compare

            report = compare(args.check, os.path.join(out, "metrics.csv"), config.get("firstStep"), trainer.first_step, len(trainer.tasks))
            with open(os.path.join(out, "parity.json"), "w", encoding="utf-8") as f:
                json.dump(finite(report), f, indent=2)
            print(report["summary"], flush=True)
    world.barrier()
    return 3 if diverged is not None else 0


def finite(value):
    """JSON has no NaN or infinity (JSON.parse refuses them): null instead."""
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, dict):
        return {k: finite(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [finite(v) for v in value]
    return value


def headline(task: dict, m: dict) -> str:
    if task["kind"] == "binary":
        return f"AUC {m['auc']:.4f}"
    if task["kind"] == "multiclass":
        return f"accuracy {m['accuracy']:.4f}"
    return f"R² {m['r2']:.4f}"


def spawn(args) -> int:
    """--nproc N: N processes on this machine with torchrun's variables; gloo on CPU, or NCCL with one GPU each."""
    import socket

    import torch
    import torch.multiprocessing as mp

    gpus = torch.cuda.device_count()
    if args.device == "cuda" and gpus < args.nproc:
        print(f"error: --nproc {args.nproc} --device cuda needs {args.nproc} GPUs; PyTorch sees {gpus}.", file=sys.stderr)
        return 2
    if args.device == "auto" and gpus < args.nproc:
        args.device = "cpu"  # NCCL needs one GPU per process: share the CPU instead (gloo)
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    os.environ.update(MASTER_ADDR="127.0.0.1", MASTER_PORT=str(port), WORLD_SIZE=str(args.nproc), LOCAL_WORLD_SIZE=str(args.nproc))
    context = mp.start_processes(_spawned, args=(args,), nprocs=args.nproc, join=False, start_method="spawn")
    try:
        while not context.join():
            pass
    except mp.ProcessExitedException as e:
        return e.exit_code if e.exit_code and e.exit_code > 0 else 1  # the process said why above
    except mp.ProcessRaisedException as e:
        print(f"error: a training process failed:\n{e}", file=sys.stderr)
        return 1
    return 0


def _spawned(rank: int, args) -> None:
    os.environ.update(RANK=str(rank), LOCAL_RANK=str(rank))
    code = run(args)
    if code:
        sys.exit(code)


def main(argv=None) -> int:
    args = parse_args(argv)
    if args.nproc > 1 and "WORLD_SIZE" not in os.environ:
        return spawn(args)
    return run(args)


if __name__ == "__main__":
    sys.exit(main())
