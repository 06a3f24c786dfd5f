/**
 * Bumped whenever parsing or extraction changes what a model holds (the markdown processor in
 * text/markdownTree.ts included): persisted caches keyed on it miss after an upgrade instead of
 * serving stale models.
 */
export const PARSER_VERSION = 'prfaq-trace-parser-9';
