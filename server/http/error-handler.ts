import type { ErrorRequestHandler, RequestHandler } from 'express';
import neo4j from 'neo4j-driver';
import type { Logger } from 'pino';
import { AppError, errors } from '../errors.js';

function isDriverUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  const code = (err as { code?: string }).code;
  return code === neo4j.error.SERVICE_UNAVAILABLE || code === neo4j.error.SESSION_EXPIRED || code === 'Neo.ClientError.Security.Unauthorized';
}

export const apiNotFound: RequestHandler = (req, _res, next) => next(errors.routeNotFound(req.method, req.baseUrl + req.path));

/** The one error handler: known errors keep their message; everything else is logged and hidden. */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    let appError: AppError;
    if (err instanceof AppError) appError = err;
    else if ((err as { type?: string }).type === 'entity.too.large') appError = errors.payloadTooLarge();
    else if ((err as { type?: string }).type === 'entity.parse.failed') appError = errors.badRequest('the request body is not valid JSON');
    else if (isDriverUnavailable(err)) appError = errors.databaseUnavailable('the connection to Neo4j failed; try again shortly');
    else appError = errors.internal();

    if (appError.status >= 500) logger.error({ err, path: req.path, method: req.method }, 'request failed');
    res.status(appError.status).json({
      error: { id: appError.id, message: appError.message, ...(appError.details ? { details: appError.details } : {}) },
    });
  };
}
