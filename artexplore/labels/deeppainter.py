"""DeepPainter: a convolutional autoencoder pretrained on the collection, then a classifier.

The autoencoder learns to reconstruct the paintings (mean squared error)
without any label, so it can use every work of the collection, labelled or
not. Its encoder is then frozen under a dense classifier with spatial dropout
(``Dropout2d`` on the encoder's feature maps), trained on the labelled works
and evaluated by stratified k-fold cross-validation (precision, recall, F1,
confusion matrix). Images are padded to a square, never cropped, so the whole
composition is seen.

The estimator follows scikit-learn: parameters in ``__init__``, ``fit`` returns
``self``, fitted state ends in ``_``, randomness from ``random_state``.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin

from ..config import fingerprint
from ..errors import ConfigError, ImageLoadError
from ..imageio import decode
from ..nn import resolve_device
from ..progress import ProgressCallback, null_progress
from ..store.workspace import Workspace
from .cv import stratified_folds
from .data import filter_classes, read_labels
from .history import new_run_id, save_run
from .metrics import classification_metrics

log = logging.getLogger(__name__)


# -- pure image functions -------------------------------------------------------------------------
def pad_to_square(rgb: np.ndarray, fill: int | tuple[int, int, int] = 0) -> np.ndarray:
    """Pad an image to a square, centred, without cropping anything.

    Parameters
    ----------
    rgb : ndarray of shape (height, width, 3)
    fill : int or tuple of int
        Colour of the padding.

    Returns
    -------
    ndarray of shape (side, side, 3), side = max(height, width)
        The input appears unchanged in the middle.
    """
    h, w = rgb.shape[:2]
    side = max(h, w)
    out = np.empty((side, side, *rgb.shape[2:]), dtype=rgb.dtype)
    out[...] = np.asarray(fill, dtype=rgb.dtype)
    top, left = (side - h) // 2, (side - w) // 2
    out[top:top + h, left:left + w] = rgb
    return out


def prepare_images(images: Sequence[np.ndarray], size: int) -> np.ndarray:
    """Pad each image to a square and resize it to ``size`` × ``size``.

    Parameters
    ----------
    images : sequence of ndarray of shape (height, width, 3), uint8
    size : int

    Returns
    -------
    ndarray of shape (n_images, 3, size, size), uint8
        Channels first, as the network reads them.
    """
    import cv2

    out = np.empty((len(images), 3, size, size), dtype=np.uint8)
    for i, img in enumerate(images):
        sq = pad_to_square(np.asarray(img, dtype=np.uint8))
        interp = cv2.INTER_AREA if sq.shape[0] > size else cv2.INTER_LINEAR
        out[i] = cv2.resize(sq, (size, size), interpolation=interp).transpose(2, 0, 1)
    return out


# -- networks --------------------------------------------------------------------------------------
def _build_autoencoder(channels: Sequence[int]) -> Any:
    from torch import nn

    class ConvAutoencoder(nn.Module):
        """Encoder: (conv 3×3, ReLU, max-pool 2) per stage; decoder mirrors it with upsampling."""

        def __init__(self, channels: Sequence[int]) -> None:
            super().__init__()
            enc, c_in = [], 3
            for c in channels:
                enc += [nn.Conv2d(c_in, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(inplace=True),
                        nn.MaxPool2d(2)]
                c_in = c
            self.encoder = nn.Sequential(*enc)
            dec = []
            for c in [*reversed(channels[:-1]), 16]:
                dec += [nn.Upsample(scale_factor=2, mode="nearest"),
                        nn.Conv2d(c_in, c, 3, padding=1), nn.BatchNorm2d(c), nn.ReLU(inplace=True)]
                c_in = c
            dec += [nn.Conv2d(c_in, 3, 3, padding=1), nn.Sigmoid()]
            self.decoder = nn.Sequential(*dec)

        def forward(self, x: Any) -> Any:
            return self.decoder(self.encoder(x))

    return ConvAutoencoder(channels)


def _build_classifier(code_shape: tuple[int, int, int], n_classes: int, hidden: int,
                      dropout: float) -> Any:
    from torch import nn

    c, h, w = code_shape
    return nn.Sequential(nn.Dropout2d(dropout), nn.Flatten(), nn.Linear(c * h * w, hidden),
                         nn.ReLU(inplace=True), nn.Dropout(dropout), nn.Linear(hidden, n_classes))


def _to_float(batch: np.ndarray, device: Any) -> Any:
    import torch

    return torch.as_tensor(batch, device=device).float().div_(255.0)


# -- the estimator -----------------------------------------------------------------------------------
class DeepPainter(ClassifierMixin, BaseEstimator):
    """Autoencoder-pretrained convolutional classifier of paintings.

    Parameters
    ----------
    image_size : int, default=128
        Side of the padded square input; a multiple of ``2 ** len(channels)``.
    channels : tuple of int, default=(32, 64, 128, 256)
        Widths of the encoder's stages (each halves the resolution).
    ae_epochs : int, default=30
        Epochs of autoencoder pretraining.
    epochs : int, default=40
        Epochs of classifier training (encoder frozen).
    batch_size : int, default=32
    lr : float, default=1e-3
        Adam learning rate of both phases.
    hidden : int, default=256
        Units of the classifier's hidden dense layer.
    dropout : float, default=0.3
        Spatial dropout on the encoder's maps and dropout before the last layer.
    autoencoder : dict, optional
        A pretrained autoencoder (``autoencoder_`` of another instance); when
        given, ``fit`` skips pretraining. Cross-validation pretrains once and
        shares it across folds.
    device : str, default="auto"
    random_state : int, default=0

    Attributes
    ----------
    autoencoder_ : dict of str to torch.Tensor
        Weights of the pretrained autoencoder.
    ae_loss_ : list of float
        Reconstruction MSE per pretraining epoch.
    classes_ : ndarray of shape (n_classes,)
    classifier_ : dict of str to torch.Tensor
        Weights of the dense classifier.
    loss_ : list of float
        Classifier training loss per epoch.
    """

    def __init__(self, *, image_size: int = 128, channels: tuple[int, ...] = (32, 64, 128, 256),
                 ae_epochs: int = 30, epochs: int = 40, batch_size: int = 32, lr: float = 1e-3,
                 hidden: int = 256, dropout: float = 0.3, autoencoder: dict[str, Any] | None = None,
                 device: str = "auto", random_state: int | None = 0) -> None:
        self.image_size = image_size
        self.channels = channels
        self.ae_epochs = ae_epochs
        self.epochs = epochs
        self.batch_size = batch_size
        self.lr = lr
        self.hidden = hidden
        self.dropout = dropout
        self.autoencoder = autoencoder
        self.device = device
        self.random_state = random_state

    # -- parameters -------------------------------------------------------------------------------
    def _plain_params(self) -> dict[str, Any]:
        """The constructor's parameters without the pretrained weights (JSON-ready values)."""
        return {k: v for k, v in self.get_params(deep=False).items() if k != "autoencoder"}

    def _validate(self) -> None:
        factor = 2 ** len(self.channels)
        if self.image_size < factor or self.image_size % factor:
            raise ConfigError(f"image_size must be a multiple of {factor} (2 ** number of "
                              f"stages), got {self.image_size}")
        if min(self.ae_epochs, self.epochs, self.batch_size, self.hidden) < 1:
            raise ConfigError("ae_epochs, epochs, batch_size and hidden must be >= 1")
        if not 0 <= self.dropout < 1:
            raise ConfigError(f"dropout must be in [0, 1), got {self.dropout}")

    @property
    def code_shape(self) -> tuple[int, int, int]:
        """Shape of the encoder's output for one image."""
        side = self.image_size // 2 ** len(self.channels)
        return (self.channels[-1], side, side)

    def _prepare(self, images: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
        if isinstance(images, np.ndarray) and images.ndim == 4 and images.shape[1:] == (
                3, self.image_size, self.image_size):
            return images.astype(np.uint8, copy=False)
        return prepare_images(images, self.image_size)

    def _seed(self, offset: int = 0) -> int:
        return (0 if self.random_state is None else int(self.random_state)) + offset

    # -- pretraining ----------------------------------------------------------------------------
    def pretrain(self, images: Sequence[np.ndarray] | np.ndarray, *,
                 progress: ProgressCallback = null_progress) -> DeepPainter:
        """Train the autoencoder to reconstruct images (MSE); no labels needed.

        Parameters
        ----------
        images : sequence of RGB uint8 arrays, or ndarray of shape (n, 3, size, size) uint8
            Every image of the collection may be used.
        progress : callable

        Returns
        -------
        self
        """
        import torch
        import torch.nn.functional as F

        self._validate()
        data = self._prepare(images)
        device = resolve_device(self.device)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self._seed())
            ae = _build_autoencoder(self.channels).to(device)
        gen = torch.Generator().manual_seed(self._seed(1))
        opt = torch.optim.Adam(ae.parameters(), lr=self.lr)
        n_batches = -(-len(data) // self.batch_size)
        self.ae_loss_ = []
        for epoch in range(self.ae_epochs):
            ae.train()
            order = torch.randperm(len(data), generator=gen).numpy()
            total = 0.0
            for b in range(n_batches):
                x = _to_float(data[np.sort(order[b * self.batch_size:(b + 1) * self.batch_size])],
                              device)
                loss = F.mse_loss(ae(x), x)
                opt.zero_grad(set_to_none=True)
                loss.backward()
                opt.step()
                total += float(loss.detach()) * len(x)
                progress(epoch * n_batches + b + 1, self.ae_epochs * n_batches,
                         f"autoencoder epoch {epoch + 1}/{self.ae_epochs}")
            self.ae_loss_.append(total / len(data))
        self.autoencoder_ = {k: v.detach().cpu().clone() for k, v in ae.state_dict().items()}
        return self

    def _autoencoder_weights(self) -> dict[str, Any]:
        weights = getattr(self, "autoencoder_", None) or self.autoencoder
        if weights is None:
            raise ConfigError("This DeepPainter has no autoencoder yet: call pretrain or fit first")
        return weights

    def _encoder(self, device: Any) -> Any:
        ae = _build_autoencoder(self.channels)
        ae.load_state_dict(self._autoencoder_weights())
        enc = ae.encoder.to(device).eval()
        for p in enc.parameters():
            p.requires_grad_(False)
        return enc

    def encode(self, images: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
        """The frozen encoder's feature maps.

        Returns
        -------
        ndarray of shape (n_images, channels[-1], side, side), float32
        """
        import torch

        data = self._prepare(images)
        device = resolve_device(self.device)
        enc = self._encoder(device)
        out = []
        with torch.no_grad():
            for start in range(0, len(data), self.batch_size):
                out.append(enc(_to_float(data[start:start + self.batch_size], device)).cpu().numpy())
        return np.concatenate(out) if out else np.zeros((0, *self.code_shape), np.float32)

    def reconstruct(self, images: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
        """Autoencoder reconstructions, (n, size, size, 3) uint8 (to look at what it learned)."""
        import torch

        data = self._prepare(images)
        device = resolve_device(self.device)
        ae = _build_autoencoder(self.channels)
        ae.load_state_dict(self._autoencoder_weights())
        ae = ae.to(device).eval()
        with torch.no_grad():
            rec = ae(_to_float(data, device)).cpu().numpy()
        return (rec.transpose(0, 2, 3, 1) * 255).round().astype(np.uint8)

    # -- classifier -------------------------------------------------------------------------------
    def fit(self, images: Sequence[np.ndarray] | np.ndarray, y: Sequence[Any], *,
            progress: ProgressCallback = null_progress) -> DeepPainter:
        """Pretrain the autoencoder (unless given) and train the classifier on its frozen encoder.

        Parameters
        ----------
        images : sequence of RGB uint8 arrays, or ndarray (n, 3, size, size) uint8
        y : sequence of labels, length n
        progress : callable

        Returns
        -------
        self
        """
        self._validate()
        data = self._prepare(images)
        y = np.asarray(y)
        if len(y) != len(data):
            raise ConfigError(f"{len(data)} images but {len(y)} labels")
        self.classes_, y_idx = np.unique(y, return_inverse=True)
        if len(self.classes_) < 2:
            raise ConfigError(f"fit needs at least 2 classes, got {len(self.classes_)}")
        if self.autoencoder is not None:
            self.autoencoder_ = self.autoencoder
            self.ae_loss_ = []
        else:
            self.pretrain(data, progress=progress)
        return self._fit_codes(self.encode(data), y_idx, progress)

    def _fit_codes(self, codes: np.ndarray, y_idx: np.ndarray,
                   progress: ProgressCallback) -> DeepPainter:
        import torch
        import torch.nn.functional as F

        device = resolve_device(self.device)
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(self._seed(2))
            clf = _build_classifier(self.code_shape, len(self.classes_), self.hidden,
                                    self.dropout).to(device)
            gen = torch.Generator().manual_seed(self._seed(3))
            opt = torch.optim.Adam(clf.parameters(), lr=self.lr, weight_decay=1e-4)
            X = torch.as_tensor(codes, dtype=torch.float32)
            Y = torch.as_tensor(y_idx, dtype=torch.int64)
            n_batches = -(-len(X) // self.batch_size)
            self.loss_ = []
            for epoch in range(self.epochs):
                clf.train()
                order = torch.randperm(len(X), generator=gen)
                total = 0.0
                for b in range(n_batches):
                    idx = order[b * self.batch_size:(b + 1) * self.batch_size]
                    loss = F.cross_entropy(clf(X[idx].to(device)), Y[idx].to(device))
                    opt.zero_grad(set_to_none=True)
                    loss.backward()
                    opt.step()
                    total += float(loss.detach()) * len(idx)
                self.loss_.append(total / len(X))
                progress(epoch + 1, self.epochs, f"classifier epoch {epoch + 1}/{self.epochs}")
        self.classifier_ = {k: v.detach().cpu().clone() for k, v in clf.state_dict().items()}
        return self

    def _proba_codes(self, codes: np.ndarray) -> np.ndarray:
        import torch

        device = resolve_device(self.device)
        clf = _build_classifier(self.code_shape, len(self.classes_), self.hidden, self.dropout)
        clf.load_state_dict(self.classifier_)
        clf = clf.to(device).eval()
        with torch.no_grad():
            logits = clf(torch.as_tensor(codes, dtype=torch.float32, device=device))
        return torch.softmax(logits, dim=1).cpu().numpy()

    def predict_proba(self, images: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
        """Class probabilities, (n_images, n_classes), columns in the order of ``classes_``."""
        self._check_fitted()
        return self._proba_codes(self.encode(images))

    def predict(self, images: Sequence[np.ndarray] | np.ndarray) -> np.ndarray:
        """Most probable class of each image, (n_images,)."""
        return self.classes_[np.argmax(self.predict_proba(images), axis=1)]

    def _check_fitted(self) -> None:
        if not hasattr(self, "classifier_"):
            raise ConfigError("This DeepPainter is not fitted yet: call fit(images, y) first")

    # -- persistence ------------------------------------------------------------------------------
    def save(self, path: str | Path) -> Path:
        """Save parameters and weights in a file that loads with ``weights_only=True``."""
        import torch

        self._check_fitted()
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        payload = {"params": json.dumps({**self._plain_params(), "channels": list(self.channels)}),
                   "classes": json.dumps([str(c) for c in self.classes_]),
                   "autoencoder": self._autoencoder_weights(), "classifier": self.classifier_}
        tmp = path.with_name(path.name + ".tmp")
        torch.save(payload, tmp)
        tmp.replace(path)
        return path

    @classmethod
    def load(cls, path: str | Path, *, device: str | None = None) -> DeepPainter:
        """Load a model saved by :meth:`save` (read with ``weights_only=True``)."""
        import torch

        payload = torch.load(Path(path), map_location="cpu", weights_only=True)
        params = json.loads(payload["params"])
        params["channels"] = tuple(params["channels"])
        if device is not None:
            params["device"] = device
        model = cls(**params)
        model.autoencoder_ = payload["autoencoder"]
        model.classifier_ = payload["classifier"]
        model.classes_ = np.asarray(json.loads(payload["classes"]), dtype=object)
        model.ae_loss_, model.loss_ = [], []
        return model


def cross_validate_deeppainter(images: Sequence[np.ndarray] | np.ndarray, y: Sequence[str], *,
                               n_splits: int = 10, unlabelled: Sequence[np.ndarray] | None = None,
                               params: dict[str, Any] | None = None,
                               progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """Pretrain once on every image, then k-fold cross-validate the frozen-encoder classifier.

    Pretraining uses no label, so sharing it across folds leaks nothing about
    the test labels; each fold trains its own classifier on its training part.

    Parameters
    ----------
    images : sequence of RGB uint8 arrays
        Labelled images.
    y : sequence of str
        Their labels; every class needs at least ``n_splits`` images.
    n_splits : int, default=10
    unlabelled : sequence of RGB uint8 arrays, optional
        More images for pretraining only.
    params : dict, optional
        Parameters of :class:`DeepPainter`.
    progress : callable

    Returns
    -------
    dict
        Metrics of :func:`~artexplore.labels.metrics.classification_metrics`
        plus ``fold_top1``, ``ae_loss`` and ``model`` (a :class:`DeepPainter`
        fitted on every labelled image).
    """
    params = dict(params or {})
    base = DeepPainter(**params)
    base._validate()
    data = base._prepare(images)
    extra = base._prepare(unlabelled) if unlabelled is not None and len(unlabelled) else None
    y = np.asarray(y, dtype=object)
    classes, y_idx = np.unique(y.astype(str), return_inverse=True)
    folds = stratified_folds(y_idx, n_splits, random_state=base.random_state)
    steps = base.ae_epochs + n_splits + 1

    base.pretrain(data if extra is None else np.concatenate([data, extra]),
                  progress=lambda d, t=None, m="": progress(
                      int(d * base.ae_epochs / max(t or 1, 1)), steps, m))
    codes = base.encode(data)
    proba = np.zeros((len(data), len(classes)))
    fold_top1 = []
    for i, (train, test) in enumerate(folds):
        progress(base.ae_epochs + i, steps, f"fold {i + 1} of {n_splits}")
        est = DeepPainter(**{**params, "autoencoder": base.autoencoder_})
        present = np.unique(y_idx[train])
        est.classes_ = present
        remap = {c: j for j, c in enumerate(present)}
        est._fit_codes(codes[train], np.asarray([remap[c] for c in y_idx[train]]), null_progress)
        proba[np.ix_(test, present)] = est._proba_codes(codes[test])
        fold_top1.append(float(np.mean(np.argmax(proba[test], axis=1) == y_idx[test])))
    metrics = classification_metrics(y_idx, proba, [str(c) for c in classes])
    progress(steps - 1, steps, "fitting the final classifier on every labelled work")
    final = DeepPainter(**{**params, "autoencoder": base.autoencoder_})
    final.classes_ = classes
    final.ae_loss_ = base.ae_loss_
    final._fit_codes(codes, y_idx, null_progress)
    progress(steps, steps, f"top-1 {metrics['top1']:.3f}")
    return {**metrics, "fold_top1": fold_top1, "ae_loss": base.ae_loss_, "model": final}


def run_deeppainter(ws: Workspace, column: str, *, n_folds: int = 10,
                    params: dict[str, Any] | None = None, out: Path | None = None,
                    progress: ProgressCallback = null_progress) -> dict[str, Any]:
    """DeepPainter on a label column of the collection; record the run and save the model.

    The autoencoder is pretrained on every readable work (labelled or not);
    classes with fewer works than folds are reported and left out.

    Parameters
    ----------
    ws : Workspace
    column : str
    n_folds : int, default=10
    params : dict, optional
        Parameters of :class:`DeepPainter` (``epochs``, ``ae_epochs``, ``image_size``…).
    out : pathlib.Path, optional
        Where to save the model (default under ``<workspace>/models``).
    progress : callable

    Returns
    -------
    dict
        ``run_id``, ``top1``, ``top3``, ``f1_macro`` and the other metrics,
        ``fold_top1``, ``excluded``, ``ae_loss``, ``model_path``.
    """
    params = dict(params or {})
    size = int(params.get("image_size", 128))
    works = ws.works()
    y_all = read_labels(ws, [w["id"] for w in works], column)
    cf = filter_classes(y_all, n_folds, column=column)
    labelled, y, unlabelled = [], [], []
    for i, work in enumerate(works):
        try:
            img, _ = decode(ws.image_path(work), max_side=2 * size)
        except ImageLoadError as exc:
            log.warning("skipping %s: %s", work["path"], exc)
            continue
        arr = prepare_images([np.asarray(img)], size)[0]
        if cf.mask[i]:
            labelled.append(arr)
            y.append(y_all[i])
        else:
            unlabelled.append(arr)
        if i % 32 == 0:
            progress(i, len(works), "reading images")
    result = cross_validate_deeppainter(
        np.stack(labelled), y, n_splits=n_folds,
        unlabelled=np.stack(unlabelled) if unlabelled else None, params=params, progress=progress)
    model = result.pop("model")
    config = {"column": column, "n_folds": n_folds, **DeepPainter(**params)._plain_params()}
    fp = fingerprint(config)
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in column)
    out = Path(out) if out else ws.path("models", f"deeppainter-{safe}-{fp[:8]}.pt")
    model.save(out)
    run_id = new_run_id("deeppainter")
    metrics = {**result, "column": column, "n_folds": n_folds, "excluded": cf.excluded,
               "pretrain_images": len(labelled) + len(unlabelled), "model_path": str(out)}
    save_run(ws, "deeppainter", label_column=column, params=config, metrics=metrics,
             fingerprint=fp, artifacts={"model": str(out)}, run_id=run_id)
    return {**metrics, "run_id": run_id}

