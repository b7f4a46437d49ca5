// seutu's pages work fully without JavaScript; scripts (e.g. filtering the network directory) come later and are loaded only by the layouts that need them.
