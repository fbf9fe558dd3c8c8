/**
 * Every error a client may see is made here: a stable id (for support and for the client to branch on),
 * an HTTP status and a message a person understands. Anything else becomes a 500 with no detail.
 */
export class AppError extends Error {
  constructor(
    readonly id: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError('bad_request', 400, message, details),
  notFound: (what: string) => new AppError('not_found', 404, `${what} was not found`),
  routeNotFound: (method: string, path: string) => new AppError('route_not_found', 404, `no API route ${method} ${path}`),
  databaseUnavailable: (reason: string) =>
    new AppError('database_unavailable', 503, `the graph database is not reachable: ${reason}`),
  payloadTooLarge: () => new AppError('payload_too_large', 413, 'the request body is too large'),
  internal: () => new AppError('internal', 500, 'something went wrong on the server; the error was logged'),
};
