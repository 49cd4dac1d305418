/**
 * The graph model now lives in contract/model.ts, shared by client and server; this re-export keeps the
 * seed's imports working.
 */
export * from '../../contract/model';
