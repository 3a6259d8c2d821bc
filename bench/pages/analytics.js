/* The gated "analytics" script of every benchmark page: records when it ran. */
/* global window, performance */
window.__benchGatedAt = performance.now();
