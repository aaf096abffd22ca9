"""Learning-rate schedules (src/core/train/schedules.ts): the rate at a 0-based optimiser step."""

import math


def learning_rate_at(base: float, schedule: dict, step: int, steps_per_epoch: int) -> float:
    epoch = step / max(steps_per_epoch, 1)
    kind = schedule["kind"]
    if kind == "constant":
        return base
    if kind == "step":
        return base * math.pow(schedule["factor"], math.floor(epoch / max(schedule["everyEpochs"], 1e-9)))
    if kind == "exponential":
        return base * math.pow(schedule["decayRate"], epoch)
    if kind == "cosine":
        warm = max(schedule["warmupEpochs"], 0)
        if epoch < warm:
            return base * (step + 1) / max(warm * steps_per_epoch, 1)
        span = max(schedule["totalEpochs"] - warm, 1e-9)
        progress = min((epoch - warm) / span, 1)
        low = base * schedule["minFraction"]
        return low + (base - low) * 0.5 * (1 + math.cos(math.pi * progress))
    raise ValueError(f"unknown learning-rate schedule {kind!r}")
