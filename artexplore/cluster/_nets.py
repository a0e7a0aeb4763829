"""The autoencoders of DEC (fully connected) and DCEC (convolutional)."""

from __future__ import annotations

from collections.abc import Sequence

import torch
from torch import nn


class MLPAutoencoder(nn.Module):
    """``in_dim → hidden… → latent_dim`` and the mirror decoder (ReLU between layers).

    Parameters
    ----------
    in_dim : int
    hidden : sequence of int
    latent_dim : int
    """

    def __init__(self, in_dim: int, hidden: Sequence[int], latent_dim: int) -> None:
        super().__init__()
        dims = [in_dim, *hidden]
        enc: list[nn.Module] = []
        for a, b in zip(dims[:-1], dims[1:], strict=True):
            enc += [nn.Linear(a, b), nn.ReLU()]
        self.encoder = nn.Sequential(*enc, nn.Linear(dims[-1], latent_dim))
        back = [latent_dim, *reversed(hidden)]
        dec: list[nn.Module] = []
        for a, b in zip(back[:-1], back[1:], strict=True):
            dec += [nn.Linear(a, b), nn.ReLU()]
        self.decoder = nn.Sequential(*dec, nn.Linear(back[-1], in_dim))

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Embedding of a batch (n, in_dim) → (n, latent_dim)."""
        return self.encoder(x)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Reconstruction of a batch of embeddings."""
        return self.decoder(z)


class ConvAutoencoder(nn.Module):
    """The convolutional autoencoder of DCEC (Guo et al. 2017), for square RGB images.

    Encoder: three stride-2 convolutions (5×5, 5×5, 3×3) with ``filters`` channels,
    then a linear layer to ``latent_dim``; the decoder mirrors it with transposed
    convolutions and ends with a sigmoid (inputs are in [0, 1]).

    Parameters
    ----------
    image_size : int
        Side of the input images; a multiple of 8.
    filters : sequence of three int, default=(32, 64, 128)
    latent_dim : int, default=10
    channels : int, default=3
    """

    def __init__(self, image_size: int, filters: Sequence[int] = (32, 64, 128),
                 latent_dim: int = 10, channels: int = 3) -> None:
        super().__init__()
        f1, f2, f3 = (int(f) for f in filters)
        side = image_size // 8
        flat = f3 * side * side
        self.encoder = nn.Sequential(
            nn.Conv2d(channels, f1, 5, stride=2, padding=2), nn.ReLU(),
            nn.Conv2d(f1, f2, 5, stride=2, padding=2), nn.ReLU(),
            nn.Conv2d(f2, f3, 3, stride=2, padding=1), nn.ReLU(),
            nn.Flatten(), nn.Linear(flat, latent_dim))
        self.decoder = nn.Sequential(
            nn.Linear(latent_dim, flat), nn.ReLU(), nn.Unflatten(1, (f3, side, side)),
            nn.ConvTranspose2d(f3, f2, 3, stride=2, padding=1, output_padding=1), nn.ReLU(),
            nn.ConvTranspose2d(f2, f1, 5, stride=2, padding=2, output_padding=1), nn.ReLU(),
            nn.ConvTranspose2d(f1, channels, 5, stride=2, padding=2, output_padding=1),
            nn.Sigmoid())

    def encode(self, x: torch.Tensor) -> torch.Tensor:
        """Embedding of images (n, channels, size, size) → (n, latent_dim)."""
        return self.encoder(x)

    def decode(self, z: torch.Tensor) -> torch.Tensor:
        """Images reconstructed from embeddings."""
        return self.decoder(z)
