"""An optional PyTorch Lightning wrapper (never required): the exported network and its losses as a
LightningModule with a plain Adam optimiser, for people whose training jobs are Lightning's. It does
not reproduce the browser step for step (train.py does); it reuses the model, data and losses.

    from lightning_module import lightning_module
    module = lightning_module(".", "DATA.csv")   # then: lightning.Trainer(max_epochs=10).fit(module)
"""

import os

import numpy as np
import torch


def lightning_module(project_folder: str, data_path: str):
    try:
        import lightning.pytorch as pl
    except ImportError:
        try:
            import pytorch_lightning as pl
        except ImportError:
            raise ImportError("PyTorch Lightning is not installed: train.py needs only PyTorch.")
    from data import load_dataset
    from model import MultiTaskNet, load_initial_weights
    from train import load_project
    from trainer import row_losses

    project = load_project(project_folder)
    config, pre = project["config"], project["preprocess"]
    data = load_dataset(data_path, config, pre, project["split"])
    weights = torch.tensor(config["weights"], dtype=torch.float32) * torch.tensor([1.0 if e else 0.0 for e in config["enabled"]])

    class MultiTaskModule(pl.LightningModule):
        def __init__(self):
            super().__init__()
            self.net = MultiTaskNet(config["model"], pre["tasks"])
            load_initial_weights(self.net, os.path.join(project_folder, "initial-weights.json"))

        def train_dataloader(self):
            split = data.train
            tensors = [torch.from_numpy(split.x), *[torch.from_numpy(i) for i in split.ids]]
            tensors += [torch.from_numpy(np.nan_to_num(t, nan=0.0)) for t in split.targets]
            tensors += [torch.from_numpy(m if m is not None else np.ones(len(split), np.float32)) for m in split.masks]
            return torch.utils.data.DataLoader(torch.utils.data.TensorDataset(*tensors), batch_size=config["settings"]["batchSize"], shuffle=True)

        def training_step(self, batch, _):
            E, T = len(config["model"]["embeddings"]), len(pre["tasks"])
            x, ids, ys, masks = batch[0], list(batch[1 : 1 + E]), batch[1 + E : 1 + E + T], batch[1 + E + T :]
            outputs = self.net(x, ids)
            losses = torch.stack([torch.sum(row_losses(t["kind"], o, y) * m) / torch.clamp(torch.sum(m), min=1) for t, o, y, m in zip(pre["tasks"], outputs, ys, masks)])
            total = torch.sum(weights.to(losses.device) * losses)
            self.log("train_total", total)
            return total

        def configure_optimizers(self):
            return torch.optim.Adam(self.parameters(), lr=config["settings"]["learningRate"], eps=config.get("epsilon", 1e-7))

    return MultiTaskModule()
