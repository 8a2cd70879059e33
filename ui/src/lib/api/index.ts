// Screens import the backend as `api.<noun>.<verb>(...)`.

export * as agreements from './agreements';
export * as app from './app';
export * as business from './business';
export * as codes from './codes';
export * as counter from './counter';
export * as money from './money';
export * as partners from './partners';
export { isApiError, toApiError, type ApiError, type ErrorCode, type Field } from './ipc';
