/** Engine errors the routes translate: a missing import/proposal/merge (404) and a request the state refuses (400). */
export class ImportNotFoundError extends Error {}
export class ImportStateError extends Error {}
