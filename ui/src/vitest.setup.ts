// Runs in every Vitest worker before its test files.
//
// The WebView always has Web Crypto on `globalThis.crypto`, and the app relies on it (attempt
// keys, and the Tauri mocks' callback ids). Node 18, which Debian 12 ships, keeps it only in
// `node:crypto`; Node 20 and later define the global. Install Node's own when it is missing,
// so the suite passes on every Node the Makefile may find.

if (typeof globalThis.crypto === 'undefined') {
	// The specifier is a variable because the UI has no Node types (its code runs in a WebView),
	// so the module is typed here by hand. Vitest resolves Node's built-ins at run time.
	const builtin = 'node:crypto';
	const { webcrypto } = (await import(/* @vite-ignore */ builtin)) as { webcrypto: Crypto };
	Object.defineProperty(globalThis, 'crypto', {
		value: webcrypto,
		configurable: true,
		enumerable: true,
		writable: true
	});
}

// A module, so the `await` above is allowed at the top level.
export {};
