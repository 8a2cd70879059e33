import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

export default defineConfig({
	plugins: [sveltekit()],
	// Tauri expects a fixed port in dev and must see its own errors in the terminal.
	clearScreen: false,
	server: { port: 5173, strictPort: true },
	test: {
		include: ['src/**/*.test.ts'],
		environment: 'node',
		// Gives Node 18 the Web Crypto global the WebView has.
		setupFiles: ['src/vitest.setup.ts'],
		// The suite's own time zone, whatever the machine's: each worker starts with it, so a
		// date shown in the computer's own calendar is the same on every machine. Formatting
		// tests that depend on the zone also pass one explicitly.
		env: { TZ: 'UTC' }
	}
});
