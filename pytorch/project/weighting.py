"""The app's task-weighting strategies (src/core/weighting/), one class each, with the interface the
training step calls: the step's weights, the objective to differentiate, optional gradient surgery
after the backward pass (PCGrad, GradNorm), an update at each epoch's end (DWA)."""

import functools
import math

import torch

from rng import shuffle_in_place


def on_mask(enabled: list, device=None) -> torch.Tensor:
    return torch.tensor([1.0 if e else 0.0 for e in enabled], dtype=torch.float32, device=device)


class Weighting:
    sets_own_weights = False

    def __init__(self, config: dict, ctx, weights: list, enabled: list):
        self.config = config
        self.ctx = ctx
        self.task_weights = list(weights)
        self.enabled = list(enabled)
        self.learned = []

    def set_task_settings(self, weights: list, enabled: list) -> None:
        self.task_weights, self.enabled = list(weights), list(enabled)

    def configure(self, config: dict) -> None:
        self.config = config

    def weights(self) -> torch.Tensor:
        raise NotImplementedError

    def objective(self, losses: torch.Tensor, weights: torch.Tensor) -> torch.Tensor:
        return torch.sum(weights * losses)

    def adjust(self, step) -> None:
        """Gradient surgery after the backward pass (none by default)."""

    def on_epoch_end(self) -> None:
        pass


class Manual(Weighting):
    def weights(self):
        d = self.ctx.device
        return on_mask(self.enabled, d) * torch.tensor(self.task_weights, dtype=torch.float32, device=d)


class Equal(Weighting):
    sets_own_weights = True

    def weights(self):
        return on_mask(self.enabled, self.ctx.device)


def dwa_weights(epoch_losses: list, count: int, temperature: float, enabled: list) -> list:
    """Liu, Johns & Davison 2019, eq. 1 (src/core/weighting/dwa.ts)."""
    on = [enabled[k] if k < len(enabled) else True for k in range(count)]
    active = sum(on)
    if len(epoch_losses) < 2 or active == 0:
        return [1.0 if o else 0.0 for o in on]
    last, before = epoch_losses[-1], epoch_losses[-2]
    ratios = [last[k] / max(before[k], 1e-12) if on[k] else 0.0 for k in range(count)]
    if any(not math.isfinite(r) for r in ratios):
        return [1.0 if o else 0.0 for o in on]
    top = max(r for r, o in zip(ratios, on) if o)
    exps = [math.exp((r - top) / temperature) if on[k] else 0.0 for k, r in enumerate(ratios)]
    total = sum(exps)
    return [active * e / total for e in exps]


class Dwa(Weighting):
    sets_own_weights = True

    def __init__(self, *args):
        super().__init__(*args)
        self.refresh()

    def refresh(self):
        self.current = dwa_weights(self.ctx.epoch_losses, len(self.ctx.kinds), self.config["dwaTemperature"], self.enabled)

    def set_task_settings(self, weights, enabled):
        super().set_task_settings(weights, enabled)
        self.refresh()

    def configure(self, config):
        super().configure(config)
        self.refresh()

    def on_epoch_end(self):
        self.refresh()

    def weights(self):
        return torch.tensor(self.current, dtype=torch.float32, device=self.ctx.device)


class Uncertainty(Weighting):
    """Kendall, Gal & Cipolla 2018: weight c·exp(−s), objective Σ w·L + ½·Σ s, s learned."""

    sets_own_weights = True

    def __init__(self, *args):
        super().__init__(*args)
        d = self.ctx.device
        self.factors = torch.tensor([0.5 if k == "regression" else 1.0 for k in self.ctx.kinds], dtype=torch.float32, device=d)
        self.log_variances = torch.zeros(len(self.ctx.kinds), dtype=torch.float32, device=d, requires_grad=True)
        self.learned = [self.log_variances]

    def weights(self):
        return self.factors * torch.exp(-self.log_variances) * on_mask(self.enabled, self.ctx.device)

    def objective(self, losses, weights):
        return torch.sum(weights * losses) + torch.sum(self.log_variances * 0.5 * on_mask(self.enabled, self.ctx.device))


class Pcgrad(Manual):
    """Yu et al. 2020 with the manual weights: the trunk's gradient is the projected sum."""

    def adjust(self, step):
        active = [k for k in range(len(self.ctx.kinds)) if self.enabled[k] and self.task_weights[k] > 0]
        if len(active) < 2:
            return
        trunk = self.ctx.trunk_names
        per_task = [step.task_gradients(k, trunk, weight=step.weights[k]) for k in active]
        orders = [shuffle_in_place([j for j in range(len(active)) if j != i], self.ctx.rng) for i in range(len(active))]
        combined = pcgrad_combine(per_task, orders)
        for name, g in zip(trunk, combined):
            step.grads[name] = g


def dot_all(a: list, b: list) -> torch.Tensor:
    return sum(torch.sum(x * y) for x, y in zip(a, b))


def pcgrad_combine(task_grads: list, orders: list) -> list:
    squared = [dot_all(g, g) for g in task_grads]
    projected = []
    for i, gi in enumerate(task_grads):
        current = gi
        for j in orders[i]:
            if j == i:
                continue
            gj = task_grads[j]
            coefficient = torch.clamp(dot_all(current, gj), max=0.0) / torch.clamp(squared[j], min=1e-20)  # 0 unless they conflict
            current = [v - coefficient * w for v, w in zip(current, gj)]
        projected.append(current)
    return [functools.reduce(torch.add, (g[n] for g in projected)) for n in range(len(task_grads[0]))]


class GradNorm(Weighting):
    """Chen et al. 2018, §3.2: one Adam step on L_grad per step, then renormalised (gradNorm.ts)."""

    sets_own_weights = True

    def __init__(self, *args):
        super().__init__(*args)
        self.w = torch.ones(len(self.ctx.kinds), dtype=torch.float32, device=self.ctx.device)
        self.initial_losses = None

    def weights(self):
        return self.w * on_mask(self.enabled, self.ctx.device)

    def adjust(self, step):
        at = self.ctx.last_shared or self.ctx.trunk_names[:1]
        norms = []
        for k in range(len(self.ctx.kinds)):
            grads = step.task_gradients(k, at, weight=None)
            norms.append(torch.sqrt(dot_all(grads, grads)))
        g = torch.stack(norms)
        losses = step.losses
        if self.initial_losses is None:
            self.initial_losses = losses.clone()
        mask = on_mask(self.enabled, self.ctx.device)
        count = torch.clamp(torch.sum(mask), min=1)

        def masked_mean(t):
            return torch.sum(t * mask) / count

        G = self.w * g
        ratio = losses / torch.clamp(self.initial_losses, min=1e-12)
        inverse_rate = ratio / torch.clamp(masked_mean(ratio), min=1e-12)
        target = masked_mean(G) * torch.pow(inverse_rate, self.config["gradNormAlpha"])
        w_grad = torch.sign(G - target) * g * mask
        self.ctx.step_own([self.w], [w_grad])
        positive = torch.relu(self.w) * mask
        self.w.copy_(positive * torch.sum(mask) / torch.clamp(torch.sum(positive), min=1e-12))  # in place: Adam's state is keyed by it


STRATEGIES = {"manual": Manual, "equal": Equal, "uncertainty": Uncertainty, "dwa": Dwa, "gradnorm": GradNorm, "pcgrad": Pcgrad}


def create_weighting(config: dict, ctx, weights: list, enabled: list) -> Weighting:
    try:
        return STRATEGIES[config["strategy"]](config, ctx, weights, enabled)
    except KeyError:
        raise ValueError(f"unknown weighting strategy {config.get('strategy')!r}")
