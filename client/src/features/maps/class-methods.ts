// The classification methods a choropleth offers. A module of its own so URL parsing (which the
// router loads up front) does not pull in the classification libraries.
export const CLASS_METHODS = ['quantile', 'ckmeans'] as const;
export type ClassMethod = (typeof CLASS_METHODS)[number];
export const DEFAULT_CLASS_METHOD: ClassMethod = 'quantile';
