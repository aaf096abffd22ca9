"""The app's network (src/core/model/buildMultiTaskModel.ts) in PyTorch, weight for weight: dense
features and embeddings → a shared trunk (or n experts mixed per task by a softmax gate, MMoE) →
one head per task (optional hidden layer) → sigmoid / softmax / linear, chained tasks multiplied
by their condition's probability. Parameters keep TF.js's names and layouts (a dense kernel is
[in, out]), so the browser's initial weights load as they are and trained ones go back."""

import base64
import json

import numpy as np
import torch
import torch.nn.functional as F
from torch import nn

OUTPUT_ACTIVATION = {"binary": "sigmoid", "multiclass": "softmax", "regression": "linear"}
SELU_ALPHA = 1.6732632423543772848170429916717
SELU_SCALE = 1.0507009873554804934193349852946


def activate(h: torch.Tensor, name: str) -> torch.Tensor:
    if name == "relu":
        return F.relu(h)
    if name == "leakyRelu":
        return F.leaky_relu(h, 0.2)  # TF.js's leakyReLU layer after a linear dense, alpha 0.2
    if name == "elu":
        return F.elu(h)
    if name == "selu":
        return SELU_SCALE * torch.where(h > 0, h, SELU_ALPHA * (torch.exp(h) - 1))
    if name == "tanh":
        return torch.tanh(h)
    if name == "sigmoid":
        return torch.sigmoid(h)
    if name == "softmax":
        return torch.softmax(h, dim=-1)
    if name == "linear":
        return h
    raise ValueError(f"unknown activation {name}")


def _key(name: str) -> str:
    return name.replace("/", "__")


class MultiTaskNet(nn.Module):
    """forward(features, ids) → per task its output [rows, width] (probabilities or values)."""

    def __init__(self, model: dict, tasks: list):
        super().__init__()
        self.spec = model
        self.tasks = tasks
        self.params = nn.ParameterDict()
        self.dense_layers = []  # names of every dense layer (the L1/L2 penalties apply to their kernels)
        self.trunk_names = []  # parameter names of the shared part: embeddings, trunk (every expert's)
        self.head_names = [[] for _ in tasks]  # per task: gate, hidden, output
        self.last_shared = []  # the last trunk kernel of each tower (GradNorm measures there)
        self.dropout = []
        joined = model["inputSize"]
        for i, e in enumerate(model["embeddings"]):
            self._param(f"trunk_embed{i}/embeddings", (e["vocabSize"], e["dim"]), self.trunk_names)
            joined += e["dim"]
        self.joined_width = joined
        trunk = model["trunk"]
        experts = model.get("experts", 1)
        towers = [None] if experts <= 1 else list(range(1, experts + 1))
        for expert in towers:
            width = joined
            for i, layer in enumerate(trunk):
                name = f"trunk_dense{i + 1}" if expert is None else f"trunk_expert{expert}_dense{i + 1}"
                self._dense(name, width, layer["units"], self.trunk_names)
                width = layer["units"]
            if trunk:
                self.last_shared.append(f"trunk_dense{len(trunk)}/kernel" if expert is None else f"trunk_expert{expert}_dense{len(trunk)}/kernel")
        if experts > 1 and not trunk:
            raise ValueError("Experts need at least one trunk layer: each expert is a copy of the trunk.")
        shared_width = trunk[-1]["units"] if trunk else joined
        self.head_activation = trunk[-1]["activation"] if trunk else "relu"
        for k, task in enumerate(tasks):
            own = self.head_names[k]
            if experts > 1:
                self._dense(f"head{k}_gate", joined, experts, own)
            width = shared_width
            hidden = model["headHidden"][k] if k < len(model["headHidden"]) else 0
            if hidden > 0:
                self._dense(f"head{k}_hidden", width, hidden, own)
                width = hidden
            self._dense(f"head{k}_output", width, task["numClasses"] if task["kind"] == "multiclass" else 1, own)

    def _param(self, name: str, shape: tuple, into: list) -> None:
        self.params[_key(name)] = nn.Parameter(torch.empty(shape))
        into.append(name)

    def _dense(self, name: str, fan_in: int, units: int, into: list) -> None:
        self._param(f"{name}/kernel", (fan_in, units), into)
        self._param(f"{name}/bias", (units,), into)
        self.dense_layers.append(name)

    def p(self, name: str) -> nn.Parameter:
        return self.params[_key(name)]

    def names(self) -> list:
        return [k.replace("__", "/") for k in self.params.keys()]

    def kernels(self) -> list:
        return [f"{d}/kernel" for d in self.dense_layers]

    def _linear(self, h: torch.Tensor, name: str, activation: str) -> torch.Tensor:
        return activate(h @ self.p(f"{name}/kernel") + self.p(f"{name}/bias"), activation)

    def _tower(self, h: torch.Tensor, expert) -> torch.Tensor:
        for i, layer in enumerate(self.spec["trunk"]):
            name = f"trunk_dense{i + 1}" if expert is None else f"trunk_expert{expert}_dense{i + 1}"
            h = self._linear(h, name, layer["activation"])
            if layer["dropout"] > 0:
                h = F.dropout(h, layer["dropout"], self.training)
        return h

    def forward(self, features: torch.Tensor, ids: list) -> list:
        parts = [features] if self.spec["inputSize"] > 0 else []
        for i, column_ids in enumerate(ids):
            parts.append(F.embedding(column_ids, self.p(f"trunk_embed{i}/embeddings")))
        joined = parts[0] if len(parts) == 1 else torch.cat(parts, dim=1)
        experts = self.spec.get("experts", 1)
        if experts <= 1:
            shared = self._tower(joined, None)
            inputs = [shared] * len(self.tasks)
        else:
            stacked = torch.stack([self._tower(joined, e) for e in range(1, experts + 1)], dim=1)  # [rows, experts, width]
            inputs = []
            for k in range(len(self.tasks)):
                gate = self._linear(joined, f"head{k}_gate", "softmax")  # [rows, experts]
                inputs.append(torch.bmm(gate.unsqueeze(1), stacked).squeeze(1))
        outputs = []
        for k, task in enumerate(self.tasks):
            h = inputs[k]
            if f"head{k}_hidden" in self.dense_layers:
                h = self._linear(h, f"head{k}_hidden", self.head_activation)
            outputs.append(self._linear(h, f"head{k}_output", OUTPUT_ACTIVATION[task["kind"]]))
        return [outputs[t["chainedTo"]] * o if t.get("chainedTo") is not None else o for t, o in zip(self.tasks, outputs)]

    def gate_outputs(self, features: torch.Tensor, ids: list) -> list:
        """Under MMoE, each task's gate [rows, experts] (the expert-usage diagnostic)."""
        parts = [features] if self.spec["inputSize"] > 0 else []
        for i, column_ids in enumerate(ids):
            parts.append(F.embedding(column_ids, self.p(f"trunk_embed{i}/embeddings")))
        joined = parts[0] if len(parts) == 1 else torch.cat(parts, dim=1)
        return [self._linear(joined, f"head{k}_gate", "softmax") for k in range(len(self.tasks))]

    # --- weights in and out, in the app's format -------------------------------------------------
    def load_tfjs_weights(self, entries: list) -> None:
        """initial-weights.json's list (TF.js names, base64 float32) → the parameters; every one must be there."""
        given = {}
        for e in entries:
            data = np.frombuffer(base64.b64decode(e["data"]), dtype="<f4")
            given[_strip_suffix(e["name"])] = data.reshape(e["shape"]) if e["shape"] else data
        missing = [n for n in self.names() if n not in given]
        if missing:
            raise ValueError(f"initial-weights.json lacks {', '.join(missing)}")
        with torch.no_grad():
            for name in self.names():
                target = self.p(name)
                value = torch.from_numpy(np.array(given[name], dtype=np.float32))
                if tuple(value.shape) != tuple(target.shape):
                    raise ValueError(f"initial-weights.json: {name} has shape {list(value.shape)}, the model {list(target.shape)}")
                target.copy_(value)

    def init_fresh(self, seed: int) -> None:
        """A fresh initialisation of the app's kinds (Glorot-uniform kernels, zero biases, U(±0.05) embeddings)."""
        g = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for name in self.names():
                p = self.p(name)
                if name.endswith("/kernel"):
                    limit = (6.0 / (p.shape[0] + p.shape[1])) ** 0.5
                    p.copy_(torch.rand(p.shape, generator=g) * 2 * limit - limit)
                elif name.endswith("/embeddings"):
                    p.copy_(torch.rand(p.shape, generator=g) * 0.1 - 0.05)
                else:
                    p.zero_()

    def perturb(self, scale: float, seed: int) -> None:
        """Every weight × (1 + scale·N(0,1)): a run's sensitivity to rounding (two float32 engines differ by ~1e-7)."""
        g = torch.Generator().manual_seed(seed)
        with torch.no_grad():
            for name in self.names():
                p = self.p(name)
                p.mul_(1 + scale * torch.randn(p.shape, generator=g).to(p.device))

    def tfjs_weights(self) -> list:
        """The parameters in initial-weights.json's format (to load them back into the app's model)."""
        out = []
        for name in self.names():
            value = self.p(name).detach().cpu().numpy().astype("<f4")
            out.append({"name": name, "shape": list(value.shape), "data": base64.b64encode(value.tobytes()).decode("ascii")})
        return out


def _strip_suffix(name: str) -> str:
    """TF.js may number a repeated variable name (`trunk_dense1/kernel_1`); the layer's name is what counts."""
    layer, _, weight = name.rpartition("/")
    base = weight.split("_")[0] if weight.startswith(("kernel_", "bias_")) else weight
    return f"{layer}/{base}"


def load_initial_weights(net: MultiTaskNet, path: str) -> None:
    with open(path, encoding="utf-8") as f:
        net.load_tfjs_weights(json.load(f)["weights"])
