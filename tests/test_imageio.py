"""Robust image loading on a corpus of awkward files generated here."""

from __future__ import annotations

import io
from pathlib import Path

import numpy as np
import pytest
from PIL import Image

from artexplore.errors import ImageLoadError
from artexplore.imageio import decode, load_rgb, make_thumbnail
from conftest import noise, save, stripes


def _png_bytes(img: Image.Image, **kw) -> bytes:
    buf = io.BytesIO()
    img.save(buf, format=kw.pop("format", "PNG"), **kw)
    return buf.getvalue()


def test_rgb_jpeg_full_size_is_usable(tmp_path):
    path = save(noise((120, 90)), tmp_path / "a.jpg", quality=95)
    img, info = decode(path)
    arr = np.asarray(img)  # the returned image must still be readable
    assert arr.shape == (120, 90, 3) and arr.dtype == np.uint8
    assert (info.format, info.width, info.height, info.flags) == ("JPEG", 90, 120, ())


def test_reduced_decoding_keeps_full_size_in_info(tmp_path):
    path = save(stripes((1200, 1600), period=40), tmp_path / "big.jpg", quality=90)
    img, info = decode(path, max_side=256)
    assert max(img.size) == 256 and img.size == (256, 192)
    assert (info.width, info.height) == (1600, 1200)


def test_exif_orientation_is_applied(tmp_path):
    arr = np.zeros((20, 40, 3), np.uint8)
    arr[:, :20] = (255, 0, 0)  # left half red, right half black
    img = Image.fromarray(arr)
    exif = Image.Exif()
    exif[0x0112] = 6  # the camera was turned: display rotated 90° clockwise
    path = tmp_path / "rotated.jpg"
    img.save(path, exif=exif, quality=95)
    out, info = decode(path)
    rgb = np.asarray(out)
    assert rgb.shape == (40, 20, 3)  # portrait after rotation
    assert (info.width, info.height) == (20, 40)
    assert rgb[5, 10, 0] > 200 and rgb[35, 10, 0] < 50  # red ends up on top
    assert "exif-rotated" in info.flags


@pytest.mark.parametrize("mode", ["RGBA", "LA"])
def test_transparency_is_composited_on_white(mode):
    arr = np.zeros((10, 10, 4), np.uint8)
    arr[..., :3] = 0
    arr[:, :5, 3] = 255  # left half opaque black, right half transparent
    img = Image.fromarray(arr, "RGBA").convert(mode)
    out, info = decode(_png_bytes(img))
    rgb = np.asarray(out)
    assert rgb[0, 0].tolist() == [0, 0, 0]
    assert rgb[0, 9].tolist() == [255, 255, 255]
    assert info.mode == mode and f"converted-{mode}" in info.flags


def test_palette_with_transparent_index():
    img = Image.new("P", (8, 8), 1)
    img.putpalette([0, 0, 0, 200, 30, 30] + [0] * (256 * 3 - 6))
    img.paste(0, (0, 0, 4, 8))
    img.info["transparency"] = 0
    out, _ = decode(_png_bytes(img, transparency=0))
    rgb = np.asarray(out)
    assert rgb[0, 0].tolist() == [255, 255, 255]
    assert rgb[0, 7].tolist() == [200, 30, 30]


def test_cmyk_jpeg_becomes_rgb(tmp_path):
    img = Image.new("CMYK", (16, 16), (0, 255, 255, 0))  # pure red in CMYK
    path = tmp_path / "cmyk.jpg"
    img.save(path, quality=100)
    out, info = decode(path)
    r, g, b = np.asarray(out)[8, 8].tolist()
    assert info.mode == "CMYK"
    assert r > 200 and g < 60 and b < 60


def test_16_bit_grey_is_rescaled_not_clipped():
    arr = np.array([[0, 257 * 128, 65535]], dtype=np.uint16).repeat(4, axis=0)
    img = Image.fromarray(arr)  # uint16 → mode I;16
    out, info = decode(_png_bytes(img))
    rgb = np.asarray(out)
    assert info.mode.startswith("I")
    assert rgb[0, :, 0].tolist() == [0, 128, 255]
    assert (rgb[..., 0] == rgb[..., 2]).all()


def test_grey_l_becomes_rgb():
    out, _ = decode(_png_bytes(Image.new("L", (5, 5), 77)))
    assert np.asarray(out)[0, 0].tolist() == [77, 77, 77]


def test_animated_gif_uses_first_frame():
    frames = [Image.new("RGB", (12, 12), c) for c in ((250, 0, 0), (0, 0, 250))]
    buf = io.BytesIO()
    frames[0].save(buf, format="GIF", save_all=True, append_images=frames[1:], duration=100)
    out, info = decode(buf.getvalue())
    r, g, b = np.asarray(out)[6, 6].tolist()
    assert r > 200 and b < 50
    assert info.n_frames == 2 and "animated" in info.flags


def test_png_named_jpg_is_read_by_content(tmp_path):
    path = tmp_path / "actually_png.jpg"
    path.write_bytes(_png_bytes(Image.fromarray(stripes())))
    out, info = decode(path)
    assert info.format == "PNG" and "extension-mismatch" in info.flags
    assert np.asarray(out).shape == (96, 128, 3)


def test_decompression_bomb_limit_is_configurable(tmp_path):
    path = save(noise((100, 100)), tmp_path / "x.png")
    with pytest.raises(ImageLoadError) as err:
        decode(path, max_pixels=5_000)
    assert err.value.reason == "too-large" and "10,000" in err.value.detail
    assert decode(path, max_pixels=20_000)[1].width == 100


def test_tiny_image_is_accepted_and_flagged(tmp_path):
    path = save(noise((30, 50)), tmp_path / "tiny.png")
    out, info = decode(path)
    assert out.size == (50, 30) and "small" in info.flags


@pytest.mark.parametrize("content, reason", [
    (b"", "empty"),
    (b"this is a text file, not an image\n" * 10, "not-an-image"),
])
def test_empty_and_non_image_files(tmp_path, content, reason):
    path = tmp_path / "bad.jpg"
    path.write_bytes(content)
    with pytest.raises(ImageLoadError) as err:
        decode(path)
    assert err.value.reason == reason


def test_truncated_jpeg(tmp_path):
    data = io.BytesIO()
    Image.fromarray(noise((200, 200))).save(data, format="JPEG", quality=90)
    path = tmp_path / "cut.jpg"
    path.write_bytes(data.getvalue()[: len(data.getvalue()) // 2])
    with pytest.raises(ImageLoadError) as err:
        decode(path)
    assert err.value.reason == "truncated"


def test_unicode_and_spaces_in_names(tmp_path):
    path = save(stripes(), tmp_path / "Café déjà vu 絵 (1).png")
    assert load_rgb(path).shape == (96, 128, 3)


def test_thumbnail_bounds_longest_side():
    img = Image.fromarray(stripes((300, 600)))
    thumb = make_thumbnail(img, 128)
    assert thumb.size == (128, 64)
    small = make_thumbnail(Image.fromarray(stripes((20, 30))), 128)
    assert small.size == (30, 20)


def test_error_has_reason_and_detail(tmp_path: Path):
    path = tmp_path / "empty.png"
    path.touch()
    with pytest.raises(ImageLoadError) as err:
        load_rgb(path)
    assert err.value.reason == "empty" and "0 bytes" in str(err.value)
