"""Moving labels drawn from a cache of their own pixels (the scene's cheapest text).

With matplotlib 3.11, drawing a short label on an Agg canvas costs 1-3 ms (the text is laid
out and every glyph rendered again at each draw), and a slider move redraws ten of them: text
was half of a move's time (``benchmarks/scene.py``). A label's pixels depend only on its
words and style, not on where it is, so `SpriteText` renders them once, keeps the RGBA crop,
and on later draws pastes the crop at the label's new place (``draw_image``: microseconds).

Only Agg canvases use the cache (the screen, PNG and GIF exports); SVG and PDF get real,
selectable text. The cache key holds everything that changes the pixels: words, font,
colour, alignment, rotation, line spacing, alpha, the box behind the text, path effects and
the resolution. A label whose style a caller changes in some other way must not be a sprite.

`sprite` turns a `~matplotlib.text.Text` into one in place (the scene does it for its plain
moving labels, `anatomy.view.scene.View.moving`).
"""
from __future__ import annotations

from collections import OrderedDict

import numpy as np
from matplotlib.backends.backend_agg import RendererAgg
from matplotlib.colors import to_rgba
from matplotlib.text import Text
from matplotlib.transforms import Affine2D

CACHE_SIZE = 512
"""Labels kept (least recently used dropped first); each is a few kilobytes."""

_PAD_PX = 3


class SpriteText(Text):
    """A `~matplotlib.text.Text` that draws a cached image of itself on Agg canvases."""

    _cache: "OrderedDict[tuple, tuple]" = OrderedDict()

    def _sprite_key(self, renderer):
        patch = self.get_bbox_patch()
        box = None
        if patch is not None:
            box = (repr(patch.get_boxstyle()), to_rgba(patch.get_facecolor()),
                   to_rgba(patch.get_edgecolor()), patch.get_linewidth(), patch.get_alpha(),
                   patch.get_mutation_scale(), patch.get_mutation_aspect(), patch.get_visible())
        effects = tuple(repr(vars(e)) for e in self.get_path_effects())
        return (self.get_text(), hash(self.get_fontproperties()), to_rgba(self.get_color()),
                self.get_rotation(), self.get_rotation_mode(), self.get_horizontalalignment(),
                self.get_verticalalignment(), self._multialignment, self._linespacing,
                self.get_alpha(), self.get_antialiased(), self.get_usetex(), box, effects,
                float(renderer.dpi), float(renderer.width), float(renderer.height))

    def _anchor_px(self):
        x, y = self.get_transform().transform(self.get_unitless_position())
        return int(round(x)), int(round(y))

    def draw(self, renderer):
        if (not isinstance(renderer, RendererAgg) or not self.get_visible()
                or not self.get_text() or self.get_clip_on() or self.get_wrap()
                or self.figure is None):
            return super().draw(renderer)
        key = self._sprite_key(renderer)
        ax, ay = self._anchor_px()
        hit = self._cache.get(key)
        if hit is None:
            hit = self._render(renderer, ax, ay)
            self._cache[key] = hit
            while len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        else:
            self._cache.move_to_end(key)
        image, dx, dy = hit
        if image is None:
            return None
        gc = renderer.new_gc()
        try:
            renderer.draw_image(gc, ax + dx, ay + dy, image)
        finally:
            gc.restore()
        self.stale = False
        return None

    def _render(self, renderer, ax, ay):
        """Draw the label, its anchor moved onto the whole pixel (ax, ay), on a small
        transparent canvas just its size, and keep those pixels: pasted at any other whole
        pixel, they are what a direct draw there gives (a label snaps to the pixel grid)."""
        fx, fy = self.get_transform().transform(self.get_unitless_position())
        transform = self.get_transform()
        snapped = transform + Affine2D().translate(ax - fx, ay - fy)
        try:
            self.set_transform(snapped)
            boxes = [super().get_window_extent(renderer)]
            patch = self.get_bbox_patch()
            if patch is not None:
                self.update_bbox_position_size(renderer)
                boxes.append(patch.get_window_extent(renderer))
            x0 = int(np.floor(min(b.x0 for b in boxes))) - _PAD_PX
            y0 = int(np.floor(min(b.y0 for b in boxes))) - _PAD_PX
            x1 = int(np.ceil(max(b.x1 for b in boxes))) + _PAD_PX
            y1 = int(np.ceil(max(b.y1 for b in boxes))) + _PAD_PX
            if not (0 < x1 - x0 < 4096 and 0 < y1 - y0 < 4096):
                return None, 0, 0
            off = RendererAgg(x1 - x0, y1 - y0, renderer.dpi)
            self.set_transform(snapped + Affine2D().translate(-x0, -y0))
            super().draw(off)
        finally:
            self.set_transform(transform)
        # the buffer's rows run top to bottom; draw_image wants the bottom row first
        crop = np.array(np.asarray(off.buffer_rgba())[::-1], copy=True)
        return crop, x0 - ax, y0 - ay


def sprite(text: Text) -> Text:
    """Make a plain `~matplotlib.text.Text` a `SpriteText` in place; returns it."""
    if type(text) is Text:
        text.__class__ = SpriteText
    return text


__all__ = ["SpriteText", "sprite", "CACHE_SIZE"]
