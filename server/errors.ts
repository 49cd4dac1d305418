/** The API's error family: each has a stable `code` and an HTTP status; the error middleware renders them. */
export class AppError extends Error {
  constructor(
    readonly code: string,
    readonly status: number,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

export class ValidationError extends AppError {
  constructor(message: string, details?: unknown) {
    super('VALIDATION_FAILED', 400, message, details);
  }
}

export class NotFoundError extends AppError {
  constructor(message: string, details?: unknown) {
    super('NOT_FOUND', 404, message, details);
  }
}

/** A known path asked with a method it does not answer; `allow` lists the ones it does. */
export class MethodNotAllowedError extends AppError {
  constructor(
    readonly allow: string[],
    method: string,
    path: string,
  ) {
    super('METHOD_NOT_ALLOWED', 405, `${path} does not answer ${method}; it answers ${allow.join(', ')}.`, { allow });
  }
}

export class ConflictError extends AppError {
  constructor(message: string, details?: unknown) {
    super('CONFLICT', 409, message, details);
  }
}

/** A Cypher text the runner will not execute (it writes, administers, or does not parse). */
export class QueryRejectedError extends AppError {
  constructor(code: string, message: string, details?: unknown) {
    super(code, 422, message, details);
  }
}

export class QueryTimeoutError extends AppError {
  constructor(message: string, details?: unknown) {
    super('QUERY_TIMEOUT', 504, message, details);
  }
}

export class DatabaseUnavailableError extends AppError {
  constructor(message = 'The database is not answering. The explorer retries by itself; try again in a moment.', details?: unknown) {
    super('DATABASE_UNAVAILABLE', 503, message, details);
  }
}

/** The body every error response has. */
export interface ErrorBody {
  error: { code: string; message: string; details?: unknown; requestId?: string };
}
