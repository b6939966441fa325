"""The pictures: palette and style, outlines, the scene and its views, static figures, text
formatting and export (matplotlib). Reads `anatomy.model`; never imports `anatomy.ui`."""
