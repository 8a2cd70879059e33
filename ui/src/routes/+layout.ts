// The shell serves static files and every screen talks to it through `invoke`, so there is no
// server rendering; adapter-static's fallback page boots the app on any path.
export const ssr = false;
export const prerender = false;
