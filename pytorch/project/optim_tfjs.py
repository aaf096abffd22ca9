"""The app's optimisers with TensorFlow.js's conventions (tf.train.sgd / momentum / rmsprop / adam
as src/core/train/optimizers.ts makes them), written out so every step does the very arithmetic
TF.js does: Adam's and RMSProp's ε is the backend's (1e-7 on float32 backends, where PyTorch's Adam
has 1e-8), RMSProp's mean square starts at 0 and puts ε inside the square root, Adam's bias
corrections come from running powers of β kept in float32. One instance per partition of the
parameters (trunk, each head, the strategy), as the app keys its state."""

import torch


class TfjsOptimizer:
    def __init__(self, kind: str, lr: float, epsilon: float = 1e-7):
        if kind not in ("sgd", "momentum", "rmsprop", "adam"):
            raise ValueError(f"unknown optimiser {kind}")
        self.kind = kind
        self.lr = lr
        self.epsilon = epsilon
        self.state = {}  # id(param) → its slots, created at its first update
        self.acc_beta1 = torch.tensor(0.9, dtype=torch.float32)
        self.acc_beta2 = torch.tensor(0.999, dtype=torch.float32)

    @torch.no_grad()
    def step(self, params: list, grads: list) -> None:
        """Updates each parameter that has a gradient (None = left alone, as TF.js skips it)."""
        pairs = [(p, g) for p, g in zip(params, grads) if g is not None]
        if self.kind == "sgd":
            for p, g in pairs:
                p.add_(g, alpha=-self.lr)
        elif self.kind == "momentum":
            for p, g in pairs:
                acc = self.state.setdefault(id(p), torch.zeros_like(p))
                acc.mul_(0.9).add_(g)
                p.add_(acc, alpha=-self.lr)
        elif self.kind == "rmsprop":
            decay, momentum = 0.9, 0.0
            for p, g in pairs:
                ms, mom = self.state.setdefault(id(p), (torch.zeros_like(p), torch.zeros_like(p)))
                ms.copy_(ms * decay + g * g * (1 - decay))
                mom.copy_(mom * momentum + g * self.lr / torch.sqrt(ms + self.epsilon))
                p.sub_(mom)
        else:
            beta1, beta2 = 0.9, 0.999
            one_minus_acc1 = 1 - self.acc_beta1
            one_minus_acc2 = 1 - self.acc_beta2
            for p, g in pairs:
                m, v = self.state.setdefault(id(p), (torch.zeros_like(p), torch.zeros_like(p)))
                m.copy_(m * beta1 + g * (1 - beta1))
                v.copy_(v * beta2 + g * g * (1 - beta2))
                corrected_m = m / one_minus_acc1
                corrected_v = v / one_minus_acc2
                p.copy_(corrected_m / (torch.sqrt(corrected_v) + self.epsilon) * -self.lr + p)
            self.acc_beta1 = self.acc_beta1 * beta1
            self.acc_beta2 = self.acc_beta2 * beta2
