"""The controls: panels of sliders and buttons (ipywidgets), the presenter switch and notebook
hints. Reads `anatomy.model` and `anatomy.view`."""
