"""One training run as the app's worker trains it (src/core/train/multiTaskTrainer.ts,
optimizationStep.ts, trainingRunner.ts): the same batch order, losses, strategy, penalties,
clipping, optimiser partitions, live changes at the steps they were made, epoch-end evaluation
and early stopping."""

import math
from dataclasses import dataclass

import numpy as np
import torch

from data import Dataset, Split
from metrics import task_metrics
from model import MultiTaskNet
from optim_tfjs import TfjsOptimizer
from rng import Mulberry32, shuffle_in_place
from schedule import learning_rate_at
from weighting import create_weighting

EPSILON = 1e-7
EPOCH_HISTORY = 3
SURGERY = ("pcgrad", "gradnorm")  # strategies that take each task's gradient separately


class Diverged(Exception):
    pass


@dataclass
class Context:
    """What a strategy may use of the run (weighting/taskWeighting.ts's WeightingContext)."""

    kinds: list
    device: torch.device
    trunk_names: list
    last_shared: list
    rng: object
    epoch_losses: list
    step_own: object


class StepGradients:
    """One step's gradients as a strategy's surgery sees them (losses, weights, each task's gradient)."""

    def __init__(self, trainer, batch, losses, weights, grads):
        self.trainer, self.batch = trainer, batch
        self.losses, self.weights, self.grads = losses, weights, grads

    def task_gradients(self, k: int, names: list, weight=None) -> list:
        """Task k's loss gradient (× weight) on the named parameters, over the whole global batch."""
        t = self.trainer
        local = t.local_losses(t.net, self.batch, same_masks=True)[k]
        loss = local * weight if weight is not None else local
        grads = list(torch.autograd.grad(loss, [t.net.p(n) for n in names]))
        t.world.mean_(grads)
        return grads


class Trainer:
    def __init__(self, project: dict, data: Dataset, world, log=print):
        self.config = project["config"]
        self.pre = project["preprocess"]
        self.world = world
        self.log = log
        settings = self.config["settings"]
        self.settings = settings
        self.tasks = self.pre["tasks"]
        self.data = data
        self.device = world.device
        self.net = MultiTaskNet(self.config["model"], self.tasks).to(self.device)
        self.ddp = None
        self.param_names = self.net.names()
        self.params = [self.net.p(n) for n in self.param_names]
        self.batch_size = settings["batchSize"]
        self.train_split = data.train
        self.steps_per_epoch = math.ceil(len(data.train) / self.batch_size)
        self.epsilon = self.config.get("epsilon", EPSILON)
        self.kind = settings["optimizer"]
        self.base_lr = settings["learningRate"]
        self.current_lr = math.nan
        self.weights = list(self.config["weights"])
        self.enabled = list(self.config["enabled"])
        self.weighting_config = dict(settings["weighting"])
        self.early = self._early_stopping(settings["earlyStopping"])
        self.best = None
        self.without_improvement = 0
        self.rng = Mulberry32(settings["seed"] + 7919)
        self.epoch_losses = []
        self.ctx = Context(
            kinds=[t["kind"] for t in self.tasks],
            device=self.device,
            trunk_names=self.net.trunk_names,
            last_shared=self.net.last_shared,
            rng=self.rng,
            epoch_losses=self.epoch_losses,
            step_own=lambda params, grads: self.strategy_optimizer.step(params, grads),
        )
        self._make_optimizers()
        self.weighting = create_weighting(self.weighting_config, self.ctx, self.weights, self.enabled)
        self.timeline = {}
        for change in project["timeline"].get("changes", []):
            self.timeline.setdefault(int(change["step"]), []).append(change)
        self.global_step = 0
        self.step_in_epoch = 0
        self.epochs_completed = 0
        self.permutation = None
        torch.manual_seed(settings["seed"] * 1000 + world.rank)  # dropout masks: per process, reproducible
        self._device_splits = {}
        self.first_step = None

    # --- set-up ------------------------------------------------------------------------------------
    def wrap_ddp(self) -> None:
        """DistributedDataParallel over the network (its parameters are broadcast from process 0)."""
        from torch.nn.parallel import DistributedDataParallel

        ids = [self.device.index] if self.device.type == "cuda" else None
        self.ddp = DistributedDataParallel(self.net, device_ids=ids, broadcast_buffers=False)

    def _make_optimizers(self) -> None:
        self.trunk_optimizer = TfjsOptimizer(self.kind, self.base_lr, self.epsilon)
        self.head_optimizers = [TfjsOptimizer(self.kind, self.base_lr, self.epsilon) for _ in self.tasks]
        self.strategy_optimizer = TfjsOptimizer("adam", self.base_lr, self.epsilon)

    def _early_stopping(self, es: dict) -> dict:
        monitor = es.get("monitor", "total")
        if isinstance(monitor, str) and monitor != "total":
            names = [t["name"] for t in self.tasks]
            monitor = names.index(monitor) if monitor in names else "total"
        return {"enabled": bool(es.get("enabled")), "monitor": monitor, "patience": int(es.get("patience", 5))}

    # --- live changes (activeRun.ts apply) ------------------------------------------------------------
    def apply(self, change: dict) -> None:
        es = change.get("earlyStopping")
        monitor_changed = es is not None and self._early_stopping(es)["monitor"] != self.early["monitor"]
        if any(k in change for k in ("weights", "enabled", "weighting")) or monitor_changed:
            self.reset_best()
        if "weights" in change or "enabled" in change:
            self.weights = list(change.get("weights", self.weights))
            self.enabled = list(change.get("enabled", self.enabled))
            self.weighting.set_task_settings(self.weights, self.enabled)
        if "weighting" in change:
            config = dict(change["weighting"])
            if config["strategy"] != self.weighting_config["strategy"]:
                self.weighting = create_weighting(config, self.ctx, self.weights, self.enabled)
                self.strategy_optimizer = TfjsOptimizer("adam", self.base_lr, self.epsilon)
            else:
                self.weighting.configure(config)
            self.weighting_config = config
        if "learningRate" in change:
            self.base_lr = change["learningRate"]
            self.current_lr = math.nan
        if es is not None:
            self.early = self._early_stopping(es)
        if "restoreBest" in change:  # the app put the best epoch's weights back here; the steps after start from them
            if self.best is not None and self.best["epoch"] == change["restoreBest"]:
                self.restore(self.best["weights"])
            else:
                self.log(f"note: the app restored epoch {change['restoreBest']}'s weights at step {change['step']}; this run's best epoch differs, so it trains on from its own weights.")

    def reset_best(self) -> None:
        self.best = None
        self.without_improvement = 0

    # --- one step --------------------------------------------------------------------------------------
    def head_trains(self, k: int) -> bool:
        return self.enabled[k] and (self.weighting.sets_own_weights or self.weights[k] > 0)

    def device_split(self, split: Split, rows=None) -> dict:
        """Some rows of a split (all by default) as tensors: inputs, targets (missing → 0), masks (None =
        all 1). Each split is put on the device once; a batch is gathered there (no copy per step)."""
        key = id(split)
        if key not in self._device_splits:
            d = self.device
            self._device_splits[key] = {
                "x": torch.from_numpy(split.x).to(d),
                "ids": [torch.from_numpy(i).to(d) for i in split.ids],
                "y": [torch.from_numpy(np.nan_to_num(t, nan=0.0)).to(d) for t in split.targets],
                "mask": [None if m is None else torch.from_numpy(m).to(d) for m in split.masks],
            }
        whole = self._device_splits[key]
        if rows is None:
            return {**whole, "rows": len(split)}
        index = torch.from_numpy(np.asarray(rows, dtype=np.int64)).to(self.device)
        return {
            "x": whole["x"][index],
            "ids": [i[index] for i in whole["ids"]],
            "y": [t[index] for t in whole["y"]],
            "mask": [None if m is None else m[index] for m in whole["mask"]],
            "rows": len(rows),
        }

    def local_losses(self, module, batch: dict, same_masks: bool = False) -> list:
        """Each task's share of the global batch's masked-mean loss from this process's rows (× world size,
        so averaging the processes' gradients gives the whole batch's)."""
        if same_masks:  # dropout: one mask for every pass within a step, as the app seeds its layers per step
            torch.set_rng_state(batch["rng_state"])
            if batch["cuda_rng_state"] is not None:
                torch.cuda.set_rng_state(batch["cuda_rng_state"], self.device)
        outputs = module(batch["x"], batch["ids"])
        losses = []
        for k, task in enumerate(self.tasks):
            per_row = row_losses(task["kind"], outputs[k], batch["y"][k])
            mask = batch["mask"][k]
            local_sum = torch.sum(per_row) if mask is None else torch.sum(per_row * mask)
            losses.append(local_sum / batch["denominators"][k] * self.world.size)
        return losses

    def train_step(self) -> list:
        """One optimiser step; returns [L₁…L_T, total, w₁…w_T] of the global batch (floats)."""
        for change in self.timeline.get(self.global_step, []):
            self.apply(change)
        lr = learning_rate_at(self.base_lr, self.settings["schedule"], self.global_step, self.steps_per_epoch)
        if lr != self.current_lr:
            self.current_lr = lr
            for o in [self.trunk_optimizer, *self.head_optimizers]:
                o.lr = lr
        n = len(self.train_split)
        if self.step_in_epoch == 0:
            self.permutation = np.array(shuffle_in_place(list(range(n)), self.rng), dtype=np.int64)
        start = self.step_in_epoch * self.batch_size
        rows = self.permutation[start : start + self.batch_size]
        batch = self.device_split(self.train_split, self.world.shard(rows))
        rows_here = torch.tensor(float(batch["rows"]), device=self.device)
        counts = torch.stack([rows_here if m is None else torch.sum(m) for m in batch["mask"]])
        batch["denominators"] = torch.clamp(self.world.sum(counts), min=1)  # on the device: NCCL reduces CUDA tensors only
        batch["rng_state"] = torch.get_rng_state()
        batch["cuda_rng_state"] = torch.cuda.get_rng_state(self.device) if self.device.type == "cuda" else None

        surgery = self.weighting_config["strategy"] in SURGERY
        use_ddp = self.ddp is not None and not surgery
        module = self.ddp if use_ddp else self.net
        local = self.local_losses(module, batch)
        local_vector = torch.stack(local)
        weights = self.weighting.weights().to(self.device)
        objective = self.weighting.objective(local_vector, weights)
        names, params = self.param_names, self.params  # fixed for the run: looked up once
        learned = self.weighting.learned
        if use_ddp:
            for p in params + learned:
                p.grad = None
            objective.backward()
            grads = [p.grad for p in params]
            learned_grads = [p.grad for p in learned]
            self.world.mean_(learned_grads)  # outside DDP's module: averaged by hand
        else:
            all_grads = torch.autograd.grad(objective, params + learned, allow_unused=True)
            all_grads = [torch.zeros_like(p) if g is None else g for p, g in zip(params + learned, all_grads)]
            self.world.mean_(all_grads)
            grads, learned_grads = all_grads[: len(params)], all_grads[len(params) :]
        grad_map = dict(zip(names, grads))
        losses = self.world.sum(local_vector.detach()) / self.world.size  # the global batch's losses
        w = weights.detach()
        self.weighting.adjust(StepGradients(self, batch, losses, w, grad_map))
        self._penalties(grad_map)
        learned_grads = list(learned_grads)
        if self.settings["clipNorm"] > 0:
            self._clip(grad_map, learned_grads, self.settings["clipNorm"])
        self.trunk_optimizer.step([self.net.p(nm) for nm in self.net.trunk_names], [grad_map[nm] for nm in self.net.trunk_names])
        for k, optimizer in enumerate(self.head_optimizers):
            if self.head_trains(k):
                own = self.net.head_names[k]
                optimizer.step([self.net.p(nm) for nm in own], [grad_map[nm] for nm in own])
        if learned:
            self.strategy_optimizer.step(learned, learned_grads)
        vector = [float(v) for v in losses.cpu()] + [float(torch.sum(w * losses))] + [float(v) for v in w.cpu()]
        if self.first_step is None and self.global_step == 0:
            self.first_step = vector
        self.global_step += 1
        self.step_in_epoch += 1
        if self.step_in_epoch >= self.steps_per_epoch:
            self.step_in_epoch = 0
            self.epochs_completed += 1
        return vector

    def _penalties(self, grads: dict) -> None:
        l1, l2 = self.settings["l1"], self.settings["l2"]
        if l1 <= 0 and l2 <= 0:
            return
        for name in self.net.kernels():
            if grads.get(name) is not None:
                k = self.net.p(name).detach()
                grads[name] = grads[name] + (torch.sign(k) * l1 + k * (2 * l2))

    def _clip(self, grads: dict, learned: list, clip: float) -> None:
        """Every gradient (the strategy's too) scaled by min(1, clip / global norm), as tf.clip_by_global_norm."""
        names = list(grads)
        all_grads = [grads[n] for n in names] + learned
        norm = torch.sqrt(sum(torch.sum(g * g) for g in all_grads))
        scale = torch.clamp(clip / torch.clamp(norm, min=1e-12), max=1.0)
        for n in names:
            grads[n] = grads[n] * scale
        for i in range(len(learned)):
            learned[i] = learned[i] * scale

    # --- epochs, evaluation, early stopping ----------------------------------------------------------
    def record_epoch_losses(self, mean_losses: list) -> None:
        self.epoch_losses.append(list(mean_losses))
        if len(self.epoch_losses) > EPOCH_HISTORY:
            self.epoch_losses.pop(0)
        self.weighting.on_epoch_end()

    @torch.no_grad()
    def predict(self, split: Split) -> list:
        """Each head's outputs on a split, evaluation mode (no dropout), 4,096 rows at a time."""
        self.net.eval()
        outs = [[] for _ in self.tasks]
        for start in range(0, len(split), 4096):
            b = self.device_split(split, np.arange(start, min(len(split), start + 4096)))  # bounded memory
            for k, o in enumerate(self.net(b["x"], b["ids"])):
                outs[k].append(o.float().cpu().numpy())
        self.net.train()
        return [np.concatenate(o) if o else np.zeros((0, 1), np.float32) for o in outs]

    def evaluate(self, split: Split) -> list:
        outputs = self.predict(split)
        return [task_metrics(t, outputs[k], split.targets[k], self.data.target_scales[k]) for k, t in enumerate(self.tasks)]

    def monitor_weights(self) -> list:
        if self.weighting.sets_own_weights:
            return [1.0] * len(self.tasks)
        return [w if e else 0.0 for w, e in zip(self.weights, self.enabled)]

    def snapshot(self) -> dict:
        return {n: self.net.p(n).detach().clone() for n in self.net.names()}

    def restore(self, snapshot: dict) -> None:
        with torch.no_grad():
            for n, v in snapshot.items():
                self.net.p(n).copy_(v)

    def check_early_stopping(self, epoch: int, val: list, stop: bool = True) -> bool:
        """trainingRunner.ts checkEarlyStopping: True = stop now (the best epoch's weights are back).
        stop=False (a run until paused) only keeps track of the best epoch."""
        if not self.early["enabled"]:
            return False
        monitor = self.early["monitor"]
        if monitor == "total":
            w = self.monitor_weights()
            value = sum(w[k] * m["loss"] for k, m in enumerate(val))
        else:
            value = val[monitor]["loss"] if monitor < len(val) else math.nan
        if not math.isfinite(value):
            return False
        if self.best is None or value < self.best["value"] - 1e-9:
            self.best = {"value": value, "epoch": epoch, "weights": self.snapshot()}
            self.without_improvement = 0
            return False
        self.without_improvement += 1
        if self.without_improvement < self.early["patience"] or not stop:
            return False
        self.restore(self.best["weights"])
        self.without_improvement = 0
        return True

    def restore_best(self):
        """At the epoch limit: the best epoch's weights back, when a later epoch holds now."""
        if not self.early["enabled"] or self.best is None or self.best["epoch"] == self.epochs_completed:
            return None
        self.restore(self.best["weights"])
        return self.best["epoch"]


def row_losses(kind: str, p: torch.Tensor, y: torch.Tensor) -> torch.Tensor:
    """Per row: binary cross-entropy, sparse categorical cross-entropy (probabilities clipped as
    Keras does), or squared error (taskLosses.ts)."""
    if kind == "binary":
        pc = torch.clamp(p.reshape(-1), EPSILON, 1 - EPSILON)
        return -(y * torch.log(pc) + (1 - y) * torch.log(1 - pc))
    if kind == "multiclass":
        one_hot = torch.nn.functional.one_hot(y.long(), p.shape[1]).to(p.dtype)
        return -torch.sum(one_hot * torch.log(torch.clamp(p, EPSILON, 1)), dim=1)
    return (p.reshape(-1) - y) ** 2
