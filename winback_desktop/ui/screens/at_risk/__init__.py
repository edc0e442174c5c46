"""Early warning: the at-risk screen and the daily scan."""
