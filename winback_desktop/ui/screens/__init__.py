"""One package per feature; each holds its screen(s), dialogs and the labels only it uses."""
