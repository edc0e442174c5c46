"""The agent's call workspace: the screen, the customer card, the callback picker."""
