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

/** The submitted article text is already in the graph; `details.articleId` names the article to open instead. */
export class DuplicateArticleError extends AppError {
  constructor(articleId: string, title: string) {
    super('DUPLICATE_ARTICLE', 409, `This text is already in the graph as article "${articleId}" ("${title}"); open that article instead of adding it again.`, { articleId, title });
  }
}

/** The submitted article text is already waiting for review; `details.draftId` names the draft. */
export class DuplicateDraftError extends AppError {
  constructor(draftId: string, title: string) {
    super('DUPLICATE_DRAFT', 409, `This text is already waiting for review as draft "${draftId}" ("${title}"); open that draft (#/ingest/${draftId}), or discard it first.`, { draftId, title });
  }
}

/** A stored ingest draft no longer parses as a proposal (written by an older version or edited by hand). */
export class DraftUnreadableError extends AppError {
  constructor(draftId: string) {
    super('DRAFT_UNREADABLE', 500, `Draft "${draftId}" cannot be read: its stored proposal does not match the current format. Discard it and add the article again.`, { draftId });
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

/** The operation needs a signed-in user and the request carries no valid session. */
export class UnauthenticatedError extends AppError {
  constructor(message = 'Sign in first: this needs a signed-in user.', details?: unknown) {
    super('UNAUTHENTICATED', 401, message, details);
  }
}

/** The signed-in user's role does not allow the operation, or the thing belongs to someone else. */
export class ForbiddenError extends AppError {
  constructor(code: 'FORBIDDEN' | 'NOT_OWNER' | 'CSRF_FAILED' | 'HOST_REFUSED' | 'ORIGIN_REFUSED', message: string, details?: unknown) {
    super(code, 403, message, details);
  }
}

/** A wrong name or a wrong password: one answer for both, so it does not tell which names exist. */
export class SignInFailedError extends AppError {
  constructor(message = 'Wrong user name or password. Check both and try again.') {
    super('SIGNIN_FAILED', 401, message);
  }
}

/** The account is locked after repeated wrong passwords; the answer carries Retry-After. */
export class AccountLockedError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      'ACCOUNT_LOCKED',
      423,
      `This account is locked after too many wrong passwords. Try again in ${Math.ceil(retryAfterSeconds / 60)} minute${retryAfterSeconds > 60 ? 's' : ''}, or ask an admin to unlock it.`,
      { retryAfterSeconds },
    );
  }
}

/** Too many sign-in attempts from one address; the answer carries Retry-After. */
export class TooManySignInsError extends AppError {
  constructor(readonly retryAfterSeconds: number) {
    super('TOO_MANY_SIGNINS', 429, `Too many sign-in attempts from this address. Wait ${retryAfterSeconds} seconds and try again.`, { retryAfterSeconds });
  }
}
