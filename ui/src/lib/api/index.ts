// Screens import the backend as `api.<noun>.<verb>(...)`.

export * as about from './about';
export * as agreements from './agreements';
export * as app from './app';
export * as backups from './backups';
export * as business from './business';
export * as campaigns from './campaigns';
export * as codes from './codes';
export * as counter from './counter';
export * as exports from './exports';
export * as partners from './partners';
export * as payouts from './payouts';
export * as people from './people';
export * as program from './program';
export * as receivables from './receivables';
export * as session from './session';
export * as settlements from './settlements';
export * as statements from './statements';
export * as updates from './updates';
export {
	isApiError,
	onForbidden,
	toApiError,
	type ApiError,
	type ErrorCode,
	type Field
} from './ipc';
