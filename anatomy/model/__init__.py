"""The model: geometry, muscles, spine, the task registry, solvers and exercises (numpy only).

Nothing here imports matplotlib, ipywidgets or the rest of `anatomy`: the view and the
panels read the model, never the other way round (a test walks the imports).
"""
