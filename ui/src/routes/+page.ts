import { redirect } from '@sveltejs/kit';

// The partner list is where the desk starts.
export function load() {
	redirect(307, '/partners');
}
